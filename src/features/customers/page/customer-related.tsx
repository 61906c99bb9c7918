import { Alert, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { contactQueries } from '../../../api/reference';
import { describeError } from '../../../components/error-state';
import type { Customer } from '../../../contracts/customer';
import { useCatalogElementNames } from '../../../api/catalog-element-names';
import { fieldValueByCode } from './contact-fields';
import classes from './customer-page.module.css';

function Company({ id }: { id: number }) {
  const company = useQuery(contactQueries.company(id));
  if (company.isPending) {
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" />
        <Text size="sm">Loading company…</Text>
      </Group>
    );
  }
  if (company.isError) {
    return (
      <Alert color="red" role="alert" title="The company could not be loaded">
        {describeError(company.error).detail}
      </Alert>
    );
  }
  if (!company.data)
    return (
      <Text size="sm" c="dimmed">
        Company #{id} no longer exists.
      </Text>
    );
  const phones = fieldValueByCode(company.data.custom_fields_values, 'PHONE');
  return (
    <Stack gap={2}>
      <Text fw={600} className={classes.wrap}>
        {company.data.name}
      </Text>
      {phones.length > 0 && <Text size="sm">Phone: {phones.join(', ')}</Text>}
    </Stack>
  );
}

/** The customer's company (at most one) and linked catalog elements with quantities. */
export function CustomerRelated({ customer }: { customer: Customer }) {
  const company = customer._embedded.companies?.[0];
  const elements = customer._embedded.catalog_elements ?? [];
  const names = useCatalogElementNames(elements);

  return (
    <>
      <Stack gap="xs" component="section" aria-labelledby="customer-company">
        <Title order={2} size="h3" id="customer-company">
          Company
        </Title>
        {company ? (
          <Company id={company.id} />
        ) : (
          <Text size="sm" c="dimmed">
            No company linked.
          </Text>
        )}
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="customer-products">
        <Title order={2} size="h3" id="customer-products">
          Products
        </Title>
        {elements.length === 0 ? (
          <Text size="sm" c="dimmed">
            No catalog elements linked.
          </Text>
        ) : names.isPending ? (
          <Loader size="xs" role="status" aria-label="Loading products" />
        ) : (
          <Table withTableBorder maw={520}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Element</Table.Th>
                <Table.Th scope="col" ta="right">
                  Quantity
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {elements.map((link) => (
                <Table.Tr key={`${String(link.metadata.catalog_id)}-${String(link.id)}`}>
                  <Table.Td className={classes.wrap}>
                    {names.names.get(link.id) ?? `Element #${String(link.id)}`}
                  </Table.Td>
                  <Table.Td ta="right">{link.metadata.quantity ?? 1}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </>
  );
}
