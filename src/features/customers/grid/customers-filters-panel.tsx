import '@mantine/dates/styles.css';
import { MultiSelect, Paper, SimpleGrid } from '@mantine/core';
import { DatePickerInput, type DatesRangeValue } from '@mantine/dates';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { referenceQueries } from '../../../api/reference';
import type { Account } from '../../../contracts/account';
import type { Segment } from '../../../contracts/segment';
import type { User } from '../../../contracts/user';
import { canFilterBySegment, canFilterByTag, type GridMode } from './grid-capabilities';
import type { CustomersSearch } from './search';
import type { UpdateOptions } from './use-grid-search';

interface CustomersFiltersPanelProps {
  id: string;
  account: Account;
  mode: GridMode;
  search: CustomersSearch;
  update: (patch: Partial<CustomersSearch>, options?: UpdateOptions) => void;
  users: readonly User[];
  segments: readonly Segment[];
}

const toOptions = (items: ReadonlyArray<{ id: number; name: string }>) =>
  items.map((item) => ({ value: String(item.id), label: item.name }));
const toIds = (values: string[]) => (values.length > 0 ? values.map(Number) : undefined);
const toValues = (ids: readonly number[] | undefined) => (ids ?? []).map(String);

interface RangeFilterProps {
  label: string;
  from: string | undefined;
  to: string | undefined;
  onChange: (from: string | undefined, to: string | undefined) => void;
}

/** A date range; the URL changes once both ends are picked (or the range is cleared). */
function RangeFilter({ label, from, to, onChange }: RangeFilterProps) {
  const [value, setValue] = useState<DatesRangeValue<string>>([from ?? null, to ?? null]);
  const [urlValue, setUrlValue] = useState(`${from ?? ''}|${to ?? ''}`);
  const current = `${from ?? ''}|${to ?? ''}`;
  if (current !== urlValue) {
    setUrlValue(current);
    setValue([from ?? null, to ?? null]);
  }
  return (
    <DatePickerInput
      type="range"
      label={label}
      placeholder="Any date"
      clearable
      allowSingleDateInRange
      value={value}
      onChange={(next) => {
        setValue(next);
        const [start, end] = next;
        if (start === null && end === null) onChange(undefined, undefined);
        else if (start !== null && end !== null) onChange(start, end);
      }}
    />
  );
}

/** Responsible, segment, tag and date-range filters. Loaded on demand (dates are heavy). */
export default function CustomersFiltersPanel({
  id,
  account,
  mode,
  search,
  update,
  users,
  segments,
}: CustomersFiltersPanelProps) {
  const tagFilter = canFilterByTag(account);
  const tags = useQuery({ ...referenceQueries.tags(), enabled: tagFilter });
  const apply = (patch: Partial<CustomersSearch>) => update(patch, { resetPage: true });

  return (
    <Paper id={id} withBorder p="sm" radius="md" component="section" aria-label="Filters">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {users.length > 0 && (
          <MultiSelect
            label="Responsible"
            placeholder="Anyone"
            searchable
            clearable
            data={toOptions(users)}
            value={toValues(search.responsible)}
            onChange={(values) => apply({ responsible: toIds(values) })}
          />
        )}
        {mode === 'segments' && canFilterBySegment(account) && (
          <MultiSelect
            label="Segment"
            placeholder="Any segment"
            searchable
            clearable
            data={toOptions(segments)}
            value={toValues(search.segment)}
            onChange={(values) => apply({ segment: toIds(values) })}
          />
        )}
        {tagFilter && (
          <MultiSelect
            label="Tag"
            placeholder="Any tag"
            searchable
            clearable
            data={toOptions(tags.data ?? [])}
            value={toValues(search.tag)}
            onChange={(values) => apply({ tag: toIds(values) })}
          />
        )}
        <RangeFilter
          label="Next purchase"
          from={search.nextFrom}
          to={search.nextTo}
          onChange={(nextFrom, nextTo) => apply({ nextFrom, nextTo })}
        />
        <RangeFilter
          label="Created"
          from={search.createdFrom}
          to={search.createdTo}
          onChange={(createdFrom, createdTo) => apply({ createdFrom, createdTo })}
        />
      </SimpleGrid>
    </Paper>
  );
}
