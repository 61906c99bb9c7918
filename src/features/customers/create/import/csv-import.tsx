import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { accountQueries } from '../../../../api/account-queries';
import { createCustomers, customerQueries } from '../../../../api/customers';
import { findCreatedSince } from '../../../../api/customers-lookup';
import { referenceQueries } from '../../../../api/reference';
import { Link } from '../../../../components/link';
import type { CustomersMode } from '../../../../contracts/customer';
import { editableFields, rulesMode, type FormContext } from '../../model/customer-form.schema';
import { LeaveGuard } from '../form/leave-guard';
import { ColumnMapping } from './column-mapping';
import { CsvFilePicker } from './csv-file-picker';
import {
  autoMatch,
  checkRecords,
  importTargets,
  type CheckedRecord,
  type Mapping,
} from './csv-mapping';
import { downloadCsv, parseCsvFile, type ParsedCsv } from './csv-parse';
import { ImportProgressView } from './import-progress';
import { runImport, type ImportProgress, type ImportResult } from './import-runner';
import { ImportSummary } from './import-summary';
import { RowIssuesTable } from './row-issues-table';
import classes from './csv-import.module.css';

/** `/customers/import`: pick → map and preview → check every row → send in batches → summary. */
export function CsvImport({ meId }: { meId: number }) {
  const { data: account } = useSuspenseQuery(accountQueries.detail());
  const mode = rulesMode(account.customers_mode);
  if (mode === null) {
    return (
      <Alert color="yellow" title="Customers are turned off">
        Customers cannot be imported while the customers mode is off.
      </Alert>
    );
  }
  return <Importer mode={mode} meId={meId} />;
}

type Stage = 'pick' | 'map' | 'review' | 'running' | 'done';

function Importer({ mode, meId }: { mode: CustomersMode; meId: number }) {
  const queryClient = useQueryClient();
  const { data: allFields } = useSuspenseQuery(referenceQueries.customFields());
  const users = useQuery(referenceQueries.users());
  const tags = useQuery(referenceQueries.tags());
  const segments = useQuery({ ...referenceQueries.segments(), enabled: mode === 'segments' });
  const fields = useMemo(() => editableFields(allFields), [allFields]);
  const context = useMemo<FormContext>(
    () => ({ fields, tags: tags.data ?? [] }),
    [fields, tags.data],
  );
  const targets = useMemo(() => importTargets(mode, fields), [mode, fields]);

  const [stage, setStage] = useState<Stage>('pick');
  const [fileName, setFileName] = useState('');
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState<string | null>(null);
  const [parsed, setParsed] = useState<ParsedCsv | null>(null);
  const [mapping, setMapping] = useState<Mapping>([]);
  const [checked, setChecked] = useState<CheckedRecord[]>([]);
  const [progress, setProgress] = useState<(ImportProgress & { now: number }) | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const abort = useRef<AbortController | null>(null);

  const onFile = async (file: File) => {
    setReading(true);
    setReadError(null);
    try {
      const csv = await parseCsvFile(file);
      if (csv.headers.length === 0 || csv.records.length === 0) {
        setReadError('The file has no rows under its header line.');
        return;
      }
      setFileName(file.name);
      setParsed(csv);
      setMapping(autoMatch(csv.headers, targets));
      setStage('map');
    } catch (error) {
      setReadError(error instanceof Error ? error.message : 'The file could not be read.');
    } finally {
      setReading(false);
    }
  };

  const invalid = checked.filter((record) => record.issues.length > 0);
  const valid = checked.filter((record) => record.issues.length === 0);

  const check = () => {
    if (!parsed) return;
    const lookups = { users: users.data ?? [], segments: segments.data ?? [] };
    setChecked(checkRecords(parsed.records, mapping, mode, context, lookups));
    setStage('review');
  };

  const start = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setCancelling(false);
    setStage('running');
    const outcome = await runImport(
      valid.map((record) => ({
        rowNumber: record.rowNumber,
        name: record.payload.name ?? '',
        payload: record.payload,
      })),
      {
        send: (batch) => createCustomers(batch),
        findStored: async (names, since) => {
          const found = await findCreatedSince({ names, createdBy: meId, since });
          const byName = new Map<string, number[]>();
          for (const customer of found)
            byName.set(customer.name, [...(byName.get(customer.name) ?? []), customer.id]);
          return byName;
        },
        onProgress: (next) => setProgress({ ...next, now: Date.now() }),
        signal: controller.signal,
      },
    );
    await queryClient.invalidateQueries({ queryKey: customerQueries.lists() });
    setResult(outcome);
    setStage('done');
  };

  const downloadInvalid = () => {
    if (!parsed) return;
    void downloadCsv(
      'invalid-rows.csv',
      ['Row', ...parsed.headers, 'Reason'],
      invalid.map((record) => [
        String(record.rowNumber),
        ...record.cells,
        record.issues.join('; '),
      ]),
    );
  };

  return (
    <Stack gap="lg">
      <LeaveGuard
        shouldBlock={() => stage === 'map' || stage === 'review' || stage === 'running'}
      />
      <Text size="sm">
        Or <Link to="/customers/new">add customers by hand</Link>.
      </Text>

      {stage === 'pick' && (
        <>
          {readError && (
            <Alert color="red" role="alert">
              {readError}
            </Alert>
          )}
          <CsvFilePicker busy={reading} onFile={(file) => void onFile(file)} />
          {reading && <Text size="sm">Reading the file…</Text>}
        </>
      )}

      {stage === 'map' && parsed && (
        <Stack gap="md">
          <Title order={2} size="h3">
            Map the columns of {fileName}
          </Title>
          {parsed.errors.length > 0 && (
            <Alert color="yellow" title="The file has formatting problems">
              <Text size="sm" className={classes.message}>
                {parsed.errors.join('\n')}
              </Text>
            </Alert>
          )}
          <ColumnMapping
            headers={parsed.headers}
            records={parsed.records}
            targets={targets}
            mapping={mapping}
            onChange={setMapping}
          />
          <Group>
            <Button onClick={check} disabled={mapping.every((target) => target === null)}>
              Check {parsed.records.length} rows
            </Button>
            <Button variant="default" onClick={() => setStage('pick')}>
              Choose another file
            </Button>
          </Group>
        </Stack>
      )}

      {stage === 'review' && (
        <Stack gap="md">
          <Title order={2} size="h3">
            {valid.length} rows ready, {invalid.length} with problems
          </Title>
          {invalid.length > 0 && (
            <>
              <Text size="sm">
                Rows with problems will not be imported. Download them, fix them and import that
                file.
              </Text>
              <RowIssuesTable
                caption="Rows with problems"
                rows={invalid.map((record) => ({
                  rowNumber: record.rowNumber,
                  name: record.payload.name ?? '',
                  reason: record.issues.join('; '),
                }))}
              />
              <Group>
                <Button variant="default" onClick={downloadInvalid}>
                  Download rows with problems
                </Button>
              </Group>
            </>
          )}
          <Group>
            <Button onClick={() => void start()} disabled={valid.length === 0}>
              Import {valid.length} customers
            </Button>
            <Button variant="default" onClick={() => setStage('map')}>
              Back to the columns
            </Button>
          </Group>
        </Stack>
      )}

      {stage === 'running' && progress && (
        <ImportProgressView
          progress={progress}
          now={progress.now}
          cancelling={cancelling}
          onCancel={() => {
            setCancelling(true);
            abort.current?.abort();
          }}
        />
      )}

      {stage === 'done' && result && parsed && (
        <ImportSummary
          result={result}
          invalid={invalid}
          valid={valid}
          headers={parsed.headers}
          onAgain={() => {
            setStage('pick');
            setResult(null);
            setChecked([]);
          }}
        />
      )}
    </Stack>
  );
}
