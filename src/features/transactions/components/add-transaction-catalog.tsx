import { Button, CloseButton, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useFieldArray, useWatch, type Control } from 'react-hook-form';
import { referenceQueries } from '../../../api/reference';
import type { AddTransactionValues } from './add-transaction-schema';

let rowSeq = 0;

/** The purchase's catalog elements: rows of (list, element, quantity), the element searchable. */
export function AddTransactionCatalog({ control }: { control: Control<AddTransactionValues> }) {
  const catalogs = useQuery(referenceQueries.catalogs());
  const rows = useFieldArray({ control, name: 'elements', keyName: 'fieldKey' });
  const firstCatalog = catalogs.data?.[0];

  if (catalogs.data?.length === 0) return null;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        Products
      </Text>
      {rows.fields.map((row, index) => (
        <ElementRowInputs
          key={row.fieldKey}
          control={control}
          index={index}
          catalogs={(catalogs.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
          onRemove={() => rows.remove(index)}
        />
      ))}
      <Group>
        <Button
          variant="default"
          size="xs"
          disabled={!firstCatalog}
          onClick={() => {
            rowSeq += 1;
            rows.append({
              key: `el-${String(rowSeq)}`,
              catalogId: firstCatalog ? String(firstCatalog.id) : null,
              elementId: null,
              quantity: 1,
            });
          }}
        >
          Add product
        </Button>
      </Group>
    </Stack>
  );
}

function ElementRowInputs({
  control,
  index,
  catalogs,
  onRemove,
}: {
  control: Control<AddTransactionValues>;
  index: number;
  catalogs: Array<{ value: string; label: string }>;
  onRemove: () => void;
}) {
  const row = `elements.${String(index)}` as `elements.${number}`;
  const catalogId = useWatch({ control, name: `${row}.catalogId` });
  const [search, setSearch] = useState('');
  // The picked element stays in the options whatever the search has fetched since.
  const [pickedLabel, setPickedLabel] = useState('');
  const [query] = useDebouncedValue(search, 250);
  const elements = useQuery({
    ...referenceQueries.catalogElements(Number(catalogId), query),
    enabled: catalogId !== null,
  });
  const number = index + 1;

  return (
    <Group align="flex-start" gap="xs" wrap="nowrap">
      {catalogs.length > 1 && (
        <Controller
          control={control}
          name={`${row}.catalogId`}
          render={({ field }) => (
            <Select
              label={`List ${String(number)}`}
              data={catalogs}
              value={field.value}
              onChange={field.onChange}
              allowDeselect={false}
              w={140}
            />
          )}
        />
      )}
      <Controller
        control={control}
        name={`${row}.elementId`}
        render={({ field, fieldState }) => {
          const picked = field.value;
          const options = (elements.data ?? []).map((e) => ({
            value: String(e.id),
            label: e.name,
          }));
          const data =
            picked !== null && !options.some((o) => o.value === picked)
              ? [{ value: picked, label: pickedLabel }, ...options]
              : options;
          return (
            <Select
              label={`Product ${String(number)}`}
              placeholder="Search the list"
              searchable
              data={data}
              value={picked}
              onSearchChange={setSearch}
              searchValue={search}
              nothingFoundMessage={elements.isFetching ? 'Searching…' : 'Nothing found'}
              onChange={(value, option) => {
                field.onChange(value);
                setPickedLabel(option?.label ?? '');
                setSearch(option?.label ?? '');
              }}
              error={fieldState.error?.message}
              flex={1}
            />
          );
        }}
      />
      <Controller
        control={control}
        name={`${row}.quantity`}
        render={({ field, fieldState }) => (
          <NumberInput
            label={`Quantity ${String(number)}`}
            min={0}
            value={field.value}
            onChange={field.onChange}
            error={fieldState.error?.message}
            w={110}
          />
        )}
      />
      <CloseButton aria-label={`Remove product ${String(number)}`} mt={28} onClick={onRemove} />
    </Group>
  );
}
