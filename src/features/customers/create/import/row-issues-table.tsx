import { Table, Text } from '@mantine/core';

export interface RowIssue {
  rowNumber: number;
  name: string;
  reason: string;
}

const SHOWN = 100;

/** Rows that were (or will be) left out, with the reason; the first hundred, the rest by download. */
export function RowIssuesTable({ rows, caption }: { rows: readonly RowIssue[]; caption: string }) {
  return (
    <Table.ScrollContainer minWidth={500}>
      <Table striped withTableBorder>
        <Table.Caption>
          {caption}
          {rows.length > SHOWN ? ` (the first ${String(SHOWN)} of ${String(rows.length)})` : ''}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Row</Table.Th>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Reason</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.slice(0, SHOWN).map((row) => (
            <Table.Tr key={row.rowNumber}>
              <Table.Td>{row.rowNumber}</Table.Td>
              <Table.Td>{row.name}</Table.Td>
              <Table.Td>
                <Text size="sm">{row.reason}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
