import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '../../../../components/link';
import type { CheckedRecord } from './csv-mapping';
import { downloadCsv } from './csv-parse';
import type { ImportResult } from './import-runner';
import { RowIssuesTable, type RowIssue } from './row-issues-table';

interface ImportSummaryProps {
  result: ImportResult;
  invalid: readonly CheckedRecord[];
  valid: readonly CheckedRecord[];
  headers: readonly string[];
  onAgain: () => void;
}

/**
 * Exactly which rows exist now and which do not: created rows by row number → id (download),
 * and every other row with its reason (checked out, refused by the server, failed, cancelled).
 */
export function ImportSummary({ result, invalid, valid, headers, onAgain }: ImportSummaryProps) {
  const byRow = new Map([...invalid, ...valid].map((record) => [record.rowNumber, record]));
  const cancelled = new Set(result.cancelled);
  const notCreated: RowIssue[] = [
    ...invalid.map((record) => ({
      rowNumber: record.rowNumber,
      name: record.payload.name ?? '',
      reason: record.issues.join('; '),
    })),
    ...[...result.failed].map(([rowNumber, reason]) => ({
      rowNumber,
      name: byRow.get(rowNumber)?.payload.name ?? '',
      reason,
    })),
    ...result.cancelled.map((rowNumber) => ({
      rowNumber,
      name: byRow.get(rowNumber)?.payload.name ?? '',
      reason: 'Not sent: the import was cancelled',
    })),
  ].sort((a, b) => a.rowNumber - b.rowNumber);

  const created = [...result.created].sort((a, b) => a[0] - b[0]);
  const number = new Intl.NumberFormat();

  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        Import finished
      </Title>
      <Alert color={notCreated.length === 0 ? 'green' : 'yellow'} role="status">
        <Text fw={500}>
          {number.format(created.length)} {created.length === 1 ? 'customer' : 'customers'} created
        </Text>
        <Text>
          {number.format(notCreated.length)} {notCreated.length === 1 ? 'row' : 'rows'} not created
          {cancelled.size > 0
            ? ` (${number.format(cancelled.size)} not sent because you cancelled)`
            : ''}
        </Text>
      </Alert>
      <Group>
        {created.length > 0 && (
          <Button
            variant="default"
            onClick={() =>
              void downloadCsv(
                'created-customers.csv',
                ['Row', 'Customer id', 'Name'],
                created.map(([row, id]) => [
                  String(row),
                  String(id),
                  byRow.get(row)?.payload.name ?? '',
                ]),
              )
            }
          >
            Download created rows (row → id)
          </Button>
        )}
        {notCreated.length > 0 && (
          <Button
            variant="default"
            onClick={() =>
              void downloadCsv(
                'rows-not-created.csv',
                ['Row', ...headers, 'Reason'],
                notCreated.map((row) => [
                  String(row.rowNumber),
                  ...(byRow.get(row.rowNumber)?.cells ?? []),
                  row.reason,
                ]),
              )
            }
          >
            Download rows not created
          </Button>
        )}
        <Link to="/customers">Open the customers list</Link>
        <Button variant="subtle" onClick={onAgain}>
          Import another file
        </Button>
      </Group>
      {notCreated.length > 0 && <RowIssuesTable caption="Rows not created" rows={notCreated} />}
    </Stack>
  );
}
