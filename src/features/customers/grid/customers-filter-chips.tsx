import { Badge, Button, CloseButton, Group } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { referenceQueries } from '../../../api/reference';
import type { Segment } from '../../../contracts/segment';
import type { User } from '../../../contracts/user';
import { localDay } from '../../../lib/calendar-day';
import { hasActiveFilters, type CustomersSearch } from './search';

interface Chip {
  key: string;
  label: string;
  remove: Partial<CustomersSearch>;
}

interface CustomersFilterChipsProps {
  search: CustomersSearch;
  users: readonly User[];
  segments: readonly Segment[];
  onChange: (patch: Partial<CustomersSearch>) => void;
  onClear: () => void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
// The URL's days are validated, so `localDay` finds one; the raw text is the fallback regardless.
const day = (value: string) => {
  const date = localDay(value);
  return date ? dateFormat.format(date) : value;
};

function rangeLabel(from: string | undefined, to: string | undefined): string {
  if (from && to) return `${day(from)} – ${day(to)}`;
  if (from) return `from ${day(from)}`;
  return to ? `until ${day(to)}` : '';
}

function without(list: readonly number[], id: number): number[] | undefined {
  const rest = list.filter((item) => item !== id);
  return rest.length > 0 ? rest : undefined;
}

/** The active filters as removable chips, and "Clear filters". */
export function CustomersFilterChips({
  search,
  users,
  segments,
  onChange,
  onClear,
}: CustomersFilterChipsProps) {
  const tags = useQuery({ ...referenceQueries.tags(), enabled: search.tag !== undefined });
  if (!hasActiveFilters(search)) return null;

  const name = (list: ReadonlyArray<{ id: number; name: string }>, id: number, what: string) =>
    list.find((item) => item.id === id)?.name ?? `${what} #${String(id)}`;
  const chips: Chip[] = [];
  if (search.q) chips.push({ key: 'q', label: `Search: ${search.q}`, remove: { q: undefined } });
  for (const id of search.responsible ?? []) {
    chips.push({
      key: `responsible-${String(id)}`,
      label: `Responsible: ${name(users, id, 'User')}`,
      remove: { responsible: without(search.responsible ?? [], id) },
    });
  }
  for (const id of search.segment ?? []) {
    chips.push({
      key: `segment-${String(id)}`,
      label: `Segment: ${name(segments, id, 'Segment')}`,
      remove: { segment: without(search.segment ?? [], id) },
    });
  }
  for (const id of search.tag ?? []) {
    chips.push({
      key: `tag-${String(id)}`,
      label: `Tag: ${name(tags.data ?? [], id, 'Tag')}`,
      remove: { tag: without(search.tag ?? [], id) },
    });
  }
  if (search.nextFrom || search.nextTo) {
    chips.push({
      key: 'next',
      label: `Next purchase: ${rangeLabel(search.nextFrom, search.nextTo)}`,
      remove: { nextFrom: undefined, nextTo: undefined },
    });
  }
  if (search.createdFrom || search.createdTo) {
    chips.push({
      key: 'created',
      label: `Created: ${rangeLabel(search.createdFrom, search.createdTo)}`,
      remove: { createdFrom: undefined, createdTo: undefined },
    });
  }

  return (
    <Group gap="xs" aria-label="Active filters" role="group">
      {chips.map((chip) => (
        <Badge
          key={chip.key}
          variant="light"
          size="lg"
          radius="xl"
          tt="none"
          fw={500}
          pr={4}
          rightSection={
            <CloseButton
              size="xs"
              radius="xl"
              aria-label={`Remove filter ${chip.label}`}
              onClick={() => onChange(chip.remove)}
            />
          }
        >
          {chip.label}
        </Badge>
      ))}
      <Button variant="subtle" size="compact-sm" onClick={onClear}>
        Clear filters
      </Button>
    </Group>
  );
}
