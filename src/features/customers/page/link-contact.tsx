import { Button, Checkbox, Group, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useLinkContact } from '../../../api/links';
import { contactQueries } from '../../../api/reference';
import { describeError } from '../../../components/error-state';
import { contactDisplayName } from '../../../lib/display-name';

interface LinkContactProps {
  customerId: number;
  linkedIds: number[];
  hasMain: boolean;
}

/** Search contacts by name (debounced, on the server) and link the chosen one. */
export function LinkContact({ customerId, linkedIds, hasMain }: LinkContactProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [selected, setSelected] = useState<string | null>(null);
  const [makeMain, setMakeMain] = useState(false);
  const results = useQuery({ ...contactQueries.search(debounced), enabled: debounced.length > 0 });
  const link = useLinkContact(customerId);

  const data = (results.data ?? [])
    .filter((contact) => !linkedIds.includes(contact.id))
    .map((contact) => ({
      value: String(contact.id),
      label: contactDisplayName(contact),
    }));

  const submit = () => {
    if (selected === null) return;
    const label = data.find((item) => item.value === selected)?.label ?? 'The contact';
    link.mutate(
      { contactId: Number(selected), isMain: makeMain || !hasMain },
      {
        onSuccess: () => {
          notifications.show({ message: `${label} linked` });
          setSelected(null);
          setSearch('');
          setMakeMain(false);
        },
        onError: (error) =>
          notifications.show({
            color: 'red',
            title: 'The contact was not linked',
            message: describeError(error).detail || describeError(error).title,
          }),
      },
    );
  };

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Select
        label="Link a contact"
        placeholder="Search contacts by name"
        searchable
        clearable
        searchValue={search}
        onSearchChange={setSearch}
        value={selected}
        onChange={setSelected}
        data={data}
        // The server already filtered by the query.
        filter={({ options }) => options}
        nothingFoundMessage={
          debounced === '' ? 'Type a name' : results.isFetching ? 'Searching…' : 'No contacts found'
        }
        miw={260}
      />
      <Checkbox
        label="Main contact"
        checked={makeMain || !hasMain}
        disabled={!hasMain}
        onChange={(event) => setMakeMain(event.currentTarget.checked)}
        mb={8}
      />
      <Button onClick={submit} disabled={selected === null} loading={link.isPending}>
        Link
      </Button>
    </Group>
  );
}
