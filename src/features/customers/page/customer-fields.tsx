import {
  Alert,
  Button,
  Collapse,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { referenceQueries } from '../../../api/reference';
import { describeError } from '../../../components/error-state';
import type { CustomField } from '../../../contracts/custom-field';
import type { Customer } from '../../../contracts/customer';
import { FieldValue, isEmptyFieldValue } from './field-value';
import classes from './customer-page.module.css';

function FieldRow({ field, customer }: { field: CustomField; customer: Customer }) {
  const values = customer.custom_fields_values?.find((item) => item.field_id === field.id);
  return (
    <Stack gap={0} component="div" className={classes.figure}>
      <Text component="dt" size="xs" c="dimmed" fw={600}>
        {field.name}
      </Text>
      <Text component="dd" m={0}>
        {values && !isEmptyFieldValue(values) ? (
          <FieldValue type={field.type} values={values} />
        ) : (
          <Text span size="sm" c="dimmed">
            —
          </Text>
        )}
      </Text>
    </Stack>
  );
}

/** Every customers field of the account, labelled by its definition; empty ones collapsed. */
export function CustomerFields({ customer }: { customer: Customer }) {
  const fields = useQuery(referenceQueries.customFields());
  const [showEmpty, { toggle }] = useDisclosure(false);

  let body;
  if (fields.isPending) {
    body = (
      <Group gap="xs" role="status">
        <Loader size="xs" />
        <Text size="sm">Loading fields…</Text>
      </Group>
    );
  } else if (fields.isError) {
    body = (
      <Alert color="red" role="alert" title="Fields could not be loaded">
        <Group gap="sm">
          <Text size="sm">{describeError(fields.error).detail}</Text>
          <Button size="xs" variant="default" onClick={() => void fields.refetch()}>
            Retry
          </Button>
        </Group>
      </Alert>
    );
  } else {
    const sorted = [...fields.data].sort((a, b) => a.sort - b.sort || a.id - b.id);
    const filled = sorted.filter(
      (field) =>
        !isEmptyFieldValue(
          customer.custom_fields_values?.find((item) => item.field_id === field.id),
        ),
    );
    const empty = sorted.filter((field) => !filled.includes(field));
    body =
      sorted.length === 0 ? (
        <Text size="sm" c="dimmed">
          The account has no custom fields for customers.
        </Text>
      ) : (
        <Stack gap="sm">
          {filled.length === 0 && (
            <Text size="sm" c="dimmed">
              No field is filled in.
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} component="dl" m={0}>
            {filled.map((field) => (
              <FieldRow key={field.id} field={field} customer={customer} />
            ))}
          </SimpleGrid>
          {empty.length > 0 && (
            <>
              <Group>
                <Button
                  variant="subtle"
                  size="xs"
                  onClick={toggle}
                  aria-expanded={showEmpty}
                  aria-controls="empty-fields"
                >
                  {showEmpty
                    ? 'Hide empty fields'
                    : `Show ${String(empty.length)} empty field${empty.length === 1 ? '' : 's'}`}
                </Button>
              </Group>
              <Collapse expanded={showEmpty} id="empty-fields">
                <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} component="dl" m={0}>
                  {empty.map((field) => (
                    <FieldRow key={field.id} field={field} customer={customer} />
                  ))}
                </SimpleGrid>
              </Collapse>
            </>
          )}
        </Stack>
      );
  }

  return (
    <Stack gap="sm" component="section" aria-labelledby="customer-fields">
      <Title order={2} size="h3" id="customer-fields">
        Custom fields
      </Title>
      {body}
    </Stack>
  );
}
