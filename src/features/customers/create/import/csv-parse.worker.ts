import Papa from 'papaparse';
import type { ParsedCsv } from './csv-parse';

/**
 * Parses a CSV file off the main thread. A module worker served from our own origin, because
 * papaparse's own `worker: true` starts from a blob: URL, which the server's CSP refuses.
 */
self.onmessage = (event: MessageEvent<File>) => {
  Papa.parse<string[]>(event.data, {
    skipEmptyLines: 'greedy',
    complete: (result) => {
      const [headers = [], ...records] = result.data;
      const message: ParsedCsv = {
        headers,
        records,
        errors: result.errors
          .slice(0, 20)
          .map((error) => `Row ${String((error.row ?? 0) + 1)}: ${error.message}`),
      };
      self.postMessage(message);
    },
    error: (error) => {
      self.postMessage({ headers: [], records: [], errors: [error.message] } satisfies ParsedCsv);
    },
  });
};
