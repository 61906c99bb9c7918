import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { customerQueries } from '../../../api/customers';
import { customerDisplayName } from '../../../lib/display-name';

interface CustomerPickerProps {
  value: number | undefined;
  onChange: (customerId: number | undefined) => void;
}

/** A customer by name (server search, debounced) or by typing its id. */
export function CustomerPicker({ value, onChange }: CustomerPickerProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const results = useQuery({
    ...customerQueries.list({ query: debounced, limit: 20 }),
    enabled: debounced.length > 0,
  });
  const selected = useQuery({
    ...customerQueries.detail(value ?? 0),
    enabled: value !== undefined,
  });

  const options = new Map<string, string>();
  if (value !== undefined) {
    options.set(String(value), selected.data?.name ?? `Customer #${String(value)}`);
  }
  if (/^\d{1,10}$/.test(debounced) && Number(debounced) > 0) {
    options.set(debounced, options.get(debounced) ?? `Customer #${debounced}`);
  }
  for (const customer of results.data?._embedded.customers ?? []) {
    options.set(String(customer.id), customerDisplayName(customer));
  }

  return (
    <Select
      label="Customer"
      placeholder="Name or id"
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      value={value === undefined ? null : String(value)}
      onChange={(next) => {
        onChange(next === null ? undefined : Number(next));
      }}
      data={[...options].map(([id, label]) => ({ value: id, label }))}
      // The server already filtered by the query.
      filter={({ options: items }) => items}
      nothingFoundMessage={
        debounced === ''
          ? 'Type a name or an id'
          : results.isFetching
            ? 'Searching…'
            : 'No customers found'
      }
      miw={240}
    />
  );
}
