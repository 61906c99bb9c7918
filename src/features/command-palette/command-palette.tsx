import '@mantine/spotlight/styles.css';
import { Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { createSpotlight, Spotlight } from '@mantine/spotlight';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { savedViewQueries } from '../../api/saved-views';
import type { Me } from '../../contracts/auth';
import { customerDisplayName } from '../../lib/display-name';
import { paletteQueries } from './palette-search';

const [paletteStore, palette] = createSpotlight();

/** Fewer characters match too much to be useful, and cost the server a scan per keystroke. */
const MIN_SEARCH = 2;
const DEBOUNCE_MS = 200;

interface Entry {
  id: string;
  label: string;
  description?: string;
  go: () => void;
}

interface CommandPaletteProps {
  me: Me;
  /** Changes each time the palette is asked for (button or ⌘K); the first opens it on load. */
  openRequest: number;
}

/** ⌘K: customers by name, phone or email, pages, saved views and actions, all by keyboard. */
export default function CommandPalette({ me, openRequest }: CommandPaletteProps) {
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const text = query.trim();
  const [debounced] = useDebouncedValue(text, DEBOUNCE_MS);
  const searching = debounced.length >= MIN_SEARCH;
  const customers = useQuery({ ...paletteQueries.customers(debounced), enabled: searching });
  const views = useQuery(savedViewQueries.list());

  useEffect(() => {
    palette.open();
  }, [openRequest]);

  const canAdd = me.rights.is_admin || me.rights.customers.add !== 'D';
  const commands: Entry[] = [
    {
      id: 'page-customers',
      label: 'Customers',
      description: 'Page',
      go: () => void navigate({ to: '/customers' }),
    },
    {
      id: 'page-transactions',
      label: 'Transactions',
      description: 'Page',
      go: () => void navigate({ to: '/transactions' }),
    },
    ...(me.rights.is_admin
      ? [
          {
            id: 'page-settings',
            label: 'Settings',
            description: 'Page',
            go: () => void navigate({ to: '/settings' }),
          },
        ]
      : []),
    ...(canAdd
      ? [
          {
            id: 'new-customer',
            label: 'New customer',
            description: 'Action',
            go: () => void navigate({ to: '/customers/new' }),
          },
          {
            id: 'import',
            label: 'Import customers from CSV',
            description: 'Action',
            go: () => void navigate({ to: '/customers/import' }),
          },
        ]
      : []),
    ...(me.rights.is_admin
      ? [
          {
            id: 'switch-mode',
            label: 'Switch customers mode',
            description: 'Action',
            go: () => void navigate({ to: '/settings' }),
          },
        ]
      : []),
    ...(views.data?.views ?? []).map((view) => ({
      id: `view-${String(view.id)}`,
      label: view.name,
      description: view.shared ? 'Shared view' : 'Saved view',
      go: () => void navigate({ href: view.url }),
    })),
  ];
  const needle = text.toLowerCase();
  const matching = commands.filter((entry) => entry.label.toLowerCase().includes(needle));
  const found: Entry[] = searching
    ? (customers.data ?? []).map((customer) => ({
        id: `customer-${String(customer.id)}`,
        label: customerDisplayName(customer),
        description: 'Customer',
        go: () =>
          void navigate({
            to: '/customers/$customerId',
            params: { customerId: String(customer.id) },
          }),
      }))
    : [];
  const loading = searching && (customers.isFetching || debounced !== text);

  return (
    <Spotlight.Root
      store={paletteStore}
      query={query}
      onQueryChange={setQuery}
      shortcut={null}
      scrollable
      maxHeight={420}
    >
      <Spotlight.Search
        placeholder="Search customers, pages, views…"
        aria-label="Search customers, pages, views and actions"
        rightSection={loading ? <Loader size="xs" aria-label="Searching" /> : null}
      />
      <Spotlight.ActionsList aria-label="Results">
        {found.length > 0 && (
          <Spotlight.ActionsGroup label="Customers">
            {found.map((entry) => (
              <Spotlight.Action key={entry.id} label={entry.label} onClick={entry.go} />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {matching.length > 0 && (
          <Spotlight.ActionsGroup label="Go to">
            {matching.map((entry) => (
              <Spotlight.Action
                key={entry.id}
                label={entry.label}
                description={entry.description}
                onClick={entry.go}
              />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {found.length === 0 && matching.length === 0 && (
          <Spotlight.Empty>
            {loading ? 'Searching…' : text.length < MIN_SEARCH ? 'Type to search' : 'Nothing found'}
          </Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
      <Text size="xs" c="dimmed" px="md" py={6}>
        ↑↓ to choose, Enter to open, Esc to close
      </Text>
    </Spotlight.Root>
  );
}
