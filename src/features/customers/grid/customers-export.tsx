import { Button, Group, NativeSelect, Progress, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import type { CustomersListParams } from '../../../api/customers';
import { describeError } from '../../../components/error-state';
import type { GridColumn } from './customers-columns';
import {
  downloadCsv,
  exportColumns,
  exportFileName,
  fetchAllCustomers,
  toCsv,
  type ExportFormat,
} from './export-csv';

type ExportState =
  | { status: 'idle' }
  | { status: 'running'; fetched: number }
  | { status: 'failed'; message: string };

interface CustomersExportProps {
  params: CustomersListParams;
  /** The visible columns in screen order. */
  columns: readonly GridColumn[];
}

const FORMATS: Array<{ value: ExportFormat; label: string }> = [
  { value: 'data', label: 'Data (ids, raw values)' },
  { value: 'shown', label: 'As shown' },
];

/** "Export CSV": every page of the current filter, the columns on screen, with Cancel. */
export function CustomersExport({ params, columns }: CustomersExportProps) {
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const [format, setFormat] = useState<ExportFormat>('data');
  const controllerRef = useRef<AbortController | null>(null);

  const start = async () => {
    const controller = new AbortController();
    controllerRef.current = controller;
    setState({ status: 'running', fetched: 0 });
    try {
      const customers = await fetchAllCustomers(params, {
        signal: controller.signal,
        onProgress: (fetched) => setState({ status: 'running', fetched }),
      });
      const csv = await toCsv(exportColumns(columns, format), customers);
      if (controller.signal.aborted) return;
      downloadCsv(csv, exportFileName());
      setState({ status: 'idle' });
    } catch (error) {
      if (controller.signal.aborted) return;
      const { title, detail } = describeError(error);
      setState({ status: 'failed', message: detail ? `${title}: ${detail}` : title });
    } finally {
      if (controllerRef.current === controller) controllerRef.current = null;
    }
  };

  const cancel = () => {
    controllerRef.current?.abort();
    controllerRef.current = null;
    setState({ status: 'idle' });
  };

  if (state.status === 'running') {
    return (
      <Group gap="xs" wrap="nowrap" role="status">
        <Progress value={100} striped animated w={120} aria-label="Exporting customers" />
        <Text size="sm" c="dimmed">
          {state.fetched.toLocaleString()} customers…
        </Text>
        <Button variant="default" size="xs" onClick={cancel}>
          Cancel
        </Button>
      </Group>
    );
  }
  return (
    <Group gap="xs" wrap="nowrap">
      {state.status === 'failed' && (
        <Text size="sm" c="red.8" role="alert">
          Export failed. {state.message}
        </Text>
      )}
      <NativeSelect
        size="xs"
        aria-label="CSV contents"
        data={FORMATS}
        value={format}
        onChange={(event) => {
          setFormat(event.currentTarget.value === 'shown' ? 'shown' : 'data');
        }}
      />
      <Button variant="default" size="xs" onClick={() => void start()}>
        Export CSV
      </Button>
    </Group>
  );
}
