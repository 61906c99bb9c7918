export interface ParsedCsv {
  headers: string[];
  records: string[][];
  /** Papaparse's complaints (quotes, field counts), the first few. */
  errors: string[];
}

/** Above this size the file is parsed in a worker so the page stays responsive. */
const WORKER_THRESHOLD_BYTES = 256 * 1024;

/** Reads a CSV (first line = headers). papaparse is loaded on demand, never in the initial bundle. */
export async function parseCsvFile(file: File): Promise<ParsedCsv> {
  if (file.size > WORKER_THRESHOLD_BYTES && typeof Worker !== 'undefined') {
    return parseInWorker(file);
  }
  const { default: Papa } = await import('papaparse');
  const text = await file.text();
  const result = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const [headers = [], ...records] = result.data;
  return {
    headers,
    records,
    errors: result.errors
      .slice(0, 20)
      .map((error) => `Row ${String((error.row ?? 0) + 1)}: ${error.message}`),
  };
}

function parseInWorker(file: File): Promise<ParsedCsv> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./csv-parse.worker.ts', import.meta.url), {
      type: 'module',
    });
    worker.onmessage = (event: MessageEvent<ParsedCsv>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The file could not be read'));
    };
    worker.postMessage(file);
  });
}

/** The rows as a CSV file to download (the invalid ones, with their reasons). */
export async function downloadCsv(
  filename: string,
  headers: string[],
  rows: string[][],
): Promise<void> {
  const { default: Papa } = await import('papaparse');
  const blob = new Blob([Papa.unparse({ fields: headers, data: rows })], {
    type: 'text/csv;charset=utf-8',
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
