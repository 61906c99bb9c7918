import { Select, Table, Text } from '@mantine/core';
import type { ImportTarget, Mapping } from './csv-mapping';

const PREVIEW_ROWS = 5;

interface ColumnMappingProps {
  headers: readonly string[];
  records: ReadonlyArray<readonly string[]>;
  targets: readonly ImportTarget[];
  mapping: Mapping;
  onChange: (mapping: Mapping) => void;
}

/** One Select per CSV column (labelled with the column's header) above a preview of the first rows. */
export function ColumnMapping({
  headers,
  records,
  targets,
  mapping,
  onChange,
}: ColumnMappingProps) {
  const taken = new Set(mapping.filter((value): value is string => value !== null));
  return (
    <Table.ScrollContainer minWidth={Math.max(600, headers.length * 180)}>
      <Table striped withTableBorder withColumnBorders>
        <Table.Caption>
          Map each column to a customer field; the first {Math.min(PREVIEW_ROWS, records.length)} of{' '}
          {records.length} rows are shown.
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {headers.map((header, column) => (
              <Table.Th key={column} scope="col">
                <Select
                  label={header || `Column ${String(column + 1)}`}
                  placeholder="Skip this column"
                  size="xs"
                  clearable
                  data={targets.map((target) => ({
                    value: target.value,
                    label: target.label,
                    disabled: taken.has(target.value) && mapping[column] !== target.value,
                  }))}
                  value={mapping[column] ?? null}
                  onChange={(value) =>
                    onChange(mapping.map((old, i) => (i === column ? value : old)))
                  }
                />
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.slice(0, PREVIEW_ROWS).map((cells, row) => (
            <Table.Tr key={row}>
              {headers.map((_, column) => (
                <Table.Td key={column}>
                  <Text size="sm" c={mapping[column] === null ? 'dimmed' : undefined} lineClamp={2}>
                    {cells[column] ?? ''}
                  </Text>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
