import '@mantine/dates/styles.css';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, CloseButton, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, useRef } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { accountQueries } from '../../../../api/account-queries';
import { referenceQueries } from '../../../../api/reference';
import { Link } from '../../../../components/link';
import type { CustomersMode } from '../../../../contracts/customer';
import {
  customersFormSchemaFor,
  editableFields,
  emptyRow,
  rulesMode,
  type CustomersFormValues,
  type FormContext,
} from '../../model/customer-form.schema';
import { CustomerInputs, type CustomerInputOptions } from './customer-inputs';
import { LeaveGuard } from './leave-guard';
import { CreatedNotice } from './created-notice';
import classes from './customer-form.module.css';
import { useBatchSubmit, type CreatedRow } from './use-batch-submit';
import { customerDisplayName } from '../../../../lib/display-name';

/** `/customers/new`: one customer, or several rows sent as one batch. */
export function CreateCustomersForm({ meId }: { meId: number }) {
  const { data: account } = useSuspenseQuery(accountQueries.detail());
  const mode = rulesMode(account.customers_mode);
  if (mode === null) {
    return (
      <Alert color="yellow" title="Customers are turned off">
        This account has no customers{' '}
        {account.customers_mode === 'unavailable' ? 'on its tariff' : 'mode enabled'}, so none can
        be created.
      </Alert>
    );
  }
  return <CustomersForm mode={mode} meId={meId} currency={account.currency} />;
}

function CustomersForm({
  mode,
  meId,
  currency,
}: {
  mode: CustomersMode;
  meId: number;
  currency: string;
}) {
  const navigate = useNavigate();
  const { data: allFields } = useSuspenseQuery(referenceQueries.customFields());
  const users = useQuery(referenceQueries.users());
  const tags = useQuery(referenceQueries.tags());
  const segments = useQuery({ ...referenceQueries.segments(), enabled: mode === 'segments' });

  const fields = useMemo(() => editableFields(allFields), [allFields]);
  const context = useMemo<FormContext>(
    () => ({ fields, tags: tags.data ?? [] }),
    [fields, tags.data],
  );
  const options = useMemo<CustomerInputOptions>(
    () => ({
      users: (users.data ?? []).map((user) => ({ value: String(user.id), label: user.name })),
      tags: (tags.data ?? []).map((tag) => tag.name),
      segments: (segments.data ?? []).map((segment) => ({
        value: String(segment.id),
        label: segment.name,
      })),
    }),
    [users.data, tags.data, segments.data],
  );

  const resolver = useMemo(
    () => zodResolver(customersFormSchemaFor(mode, context)),
    [mode, context],
  );
  const form = useForm<CustomersFormValues>({
    resolver,
    defaultValues: { rows: [emptyRow(meId)] },
  });
  const { control, handleSubmit, trigger, formState } = form;
  const rows = useFieldArray({ control, name: 'rows', keyName: 'fieldKey' });

  // The account's mode can change under the form (an admin switches it): check again by the new rule.
  // Only on a change of mode: trigger() replaces every error, the server's included.
  const checkedMode = useRef(mode);
  const { isSubmitted } = formState;
  useEffect(() => {
    if (checkedMode.current === mode) return;
    checkedMode.current = mode;
    if (isSubmitted) void trigger();
  }, [mode, isSubmitted, trigger]);

  const leaving = useRef(false);
  // Read during render so react-hook-form keeps isDirty up to date.
  const { isDirty } = formState;
  const onCreated = (created: CreatedRow[], remaining: number) => {
    notifyCreated(created);
    if (remaining > 0) {
      const createdKeys = new Set(created.map((row) => row.key));
      rows.remove(
        form.getValues('rows').flatMap((row, index) => (createdKeys.has(row.key) ? [index] : [])),
      );
      return;
    }
    leaving.current = true;
    const [first] = created;
    if (created.length === 1 && first) {
      void navigate({ to: '/customers/$customerId', params: { customerId: String(first.id) } });
    } else {
      void navigate({ to: '/customers' });
    }
  };
  const batch = useBatchSubmit({ form, context, meId, onCreated });
  const onSubmit = handleSubmit((values) => batch.submit(values));
  const onForce = handleSubmit((values) => batch.submit(values, { force: true }));

  const serverError = formState.errors.root?.server?.message;
  const many = rows.fields.length > 1;

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label="New customers">
      <LeaveGuard shouldBlock={() => !leaving.current && isDirty} />
      <Stack gap="md">
        {serverError && (
          <Alert color="red" variant="light" role="alert" title="Not saved">
            <Text size="sm" className={classes.message}>
              {serverError}
            </Text>
            {batch.possibleDuplicates.length > 0 && (
              <Stack gap="xs" mt="xs">
                <List size="sm">
                  {batch.possibleDuplicates.map((customer) => (
                    <List.Item key={customer.id}>
                      <Link
                        to="/customers/$customerId"
                        params={{ customerId: String(customer.id) }}
                      >
                        {customerDisplayName(customer)}
                      </Link>
                    </List.Item>
                  ))}
                </List>
                <Group>
                  <Button size="xs" variant="light" color="red" onClick={() => void onForce()}>
                    Create anyway
                  </Button>
                </Group>
              </Stack>
            )}
          </Alert>
        )}
        {rows.fields.map((row, index) => (
          <Paper
            key={row.fieldKey}
            withBorder={many}
            p={many ? 'md' : 0}
            component="section"
            aria-label={many ? `Customer ${String(index + 1)}` : undefined}
          >
            {many && (
              <Group justify="space-between" mb="xs">
                <Title order={2} size="h4">
                  Customer {index + 1}
                </Title>
                <CloseButton
                  aria-label={`Remove customer ${String(index + 1)}`}
                  onClick={() => rows.remove(index)}
                />
              </Group>
            )}
            <CustomerInputs
              control={control}
              prefix={`rows.${String(index)}.`}
              mode={mode}
              options={options}
              fields={fields}
              currency={currency}
              compact={many}
              message={formState.errors.rows?.[index]?.key?.message}
            />
          </Paper>
        ))}
        <Group justify="space-between">
          <Button
            variant="default"
            onClick={() => rows.append(emptyRow(meId))}
            disabled={rows.fields.length >= 1000}
          >
            Add another
          </Button>
          <Group>
            <Link to="/customers/import" size="sm">
              Import from CSV
            </Link>
            <Button type="submit" loading={batch.pending} disabled={batch.pending}>
              Create
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

function notifyCreated(created: CreatedRow[]) {
  notifications.show({
    color: 'green',
    title:
      created.length === 1 ? 'Customer created' : `${String(created.length)} customers created`,
    message: <CreatedNotice created={created} />,
    autoClose: 10_000,
  });
}
