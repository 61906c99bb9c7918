import pRetry, { AbortError } from 'p-retry';
import type { CustomerCreate, CustomersWriteResponse } from '../../../../contracts/customer';
import { isApiError } from '../../../../lib/api-error';
import { BATCH_SIZE, chunk, isAmbiguousFailure } from '../form/submit-batches';

export interface ImportItem {
  rowNumber: number;
  name: string;
  payload: CustomerCreate;
}

export interface ImportProgress {
  sent: number;
  total: number;
  startedAt: number;
}

export interface ImportResult {
  /** row number → new customer id */
  created: Map<number, number>;
  /** row number → why it was not created */
  failed: Map<number, string>;
  /** Rows never sent because the user cancelled. */
  cancelled: number[];
}

export interface ImportDeps {
  send: (batch: CustomerCreate[]) => Promise<CustomersWriteResponse>;
  /**
   * After an ambiguous failure: the rows of the batch the server has after all (by name, created
   * by this user since the batch started), as name → ids.
   */
  findStored: (names: string[], since: number) => Promise<Map<string, number[]>>;
  onProgress: (progress: ImportProgress) => void;
  signal: AbortSignal;
  /** Backoff: first wait in ms (tests make it tiny). */
  minTimeout?: number;
  retries?: number;
}

/** A batch whose request failed in a way worth trying again: no answer, 429, 5xx. */
const isTransient = (error: unknown) =>
  isApiError(error) && (error.kind === 'network' || error.status === 429 || error.status >= 500);

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Sends valid rows in batches of 250, one batch at a time. Each row's `request_id` is its row
 * number, so the answer maps ids to rows exactly. A transient failure is retried with exponential
 * backoff (p-retry); before a retry after an ambiguous one, the server is asked whether the batch
 * was stored, so a retry never doubles rows. A 400 removes the refused rows (reported with the
 * server's reasons) and sends the rest of the batch once more. Cancel stops after the current batch.
 */
export async function runImport(
  items: readonly ImportItem[],
  deps: ImportDeps,
): Promise<ImportResult> {
  const created = new Map<number, number>();
  const failed = new Map<number, string>();
  const cancelled: number[] = [];
  const startedAt = Date.now();
  let sent = 0;
  deps.onProgress({ sent, total: items.length, startedAt });

  for (const batch of chunk(items, BATCH_SIZE)) {
    if (deps.signal.aborted) {
      cancelled.push(...batch.map((item) => item.rowNumber));
      continue;
    }
    await sendBatch(batch, deps, created, failed);
    sent += batch.length;
    deps.onProgress({ sent, total: items.length, startedAt });
  }
  return { created, failed, cancelled };
}

async function sendBatch(
  batch: readonly ImportItem[],
  deps: ImportDeps,
  created: Map<number, number>,
  failed: Map<number, string>,
): Promise<void> {
  let pending = [...batch];
  // The batch, then what is left after the server refused some rows (contract, then references).
  for (let pass = 0; pass < 3 && pending.length > 0; pass += 1) {
    const since = nowSeconds();
    let ambiguous = false;
    try {
      const response = await pRetry(
        async () => {
          if (ambiguous) {
            const stored = await deps.findStored(
              pending.map((item) => item.name),
              since - 120,
            );
            if (claimStored(pending, stored, created)) return null;
          }
          return deps.send(pending.map((item) => item.payload));
        },
        {
          retries: deps.retries ?? 5,
          minTimeout: deps.minTimeout ?? 500,
          factor: 2,
          randomize: true,
          shouldRetry: ({ error }) => {
            ambiguous = ambiguous || isAmbiguousFailure(error);
            return isTransient(error);
          },
          // A 429's Retry-After is the server's word on when to come back.
          onFailedAttempt: async ({ error }) => {
            if (isApiError(error) && error.status === 429 && error.retryAfter !== null) {
              await new Promise((resolve) =>
                setTimeout(resolve, Math.min(error.retryAfter ?? 0, 30) * 1000),
              );
            }
          },
        },
      );
      if (response) {
        const byRequest = new Map(response._embedded.customers.map((r) => [r.request_id, r.id]));
        for (const item of pending) {
          const id = byRequest.get(String(item.rowNumber));
          if (id === undefined) failed.set(item.rowNumber, 'The server did not confirm this row');
          else created.set(item.rowNumber, id);
        }
      }
      return;
    } catch (error) {
      if (error instanceof AbortError) throw error;
      if (
        isApiError(error) &&
        error.status === 400 &&
        error.validationErrors.length > 0 &&
        pass < 2
      ) {
        const refused = new Set<string>();
        for (const item of error.validationErrors) {
          refused.add(item.request_id);
          failed.set(
            Number(item.request_id),
            item.errors
              .map((issue) => (issue.path ? `${issue.path}: ${issue.detail}` : issue.detail))
              .join('; '),
          );
        }
        pending = pending.filter((item) => !refused.has(String(item.rowNumber)));
        continue;
      }
      const reason = isApiError(error)
        ? `${error.title}${error.detail ? `: ${error.detail}` : ''}`
        : String(error);
      for (const item of pending) failed.set(item.rowNumber, `Not created (${reason})`);
      return;
    }
  }
}

/**
 * True when every pending row is among the stored customers (the lost answer's batch was
 * stored): their ids are recorded and the batch is not sent again. Rows with the same name are
 * matched in id order, which is the order the server inserts a batch in.
 */
function claimStored(
  pending: readonly ImportItem[],
  stored: Map<string, number[]>,
  created: Map<number, number>,
): boolean {
  const taken = new Set(created.values());
  const queues = new Map(
    [...stored].map(([name, ids]) => [
      name,
      ids.filter((id) => !taken.has(id)).sort((a, b) => a - b),
    ]),
  );
  const matches: Array<[number, number]> = [];
  for (const item of pending) {
    const id = queues.get(item.name)?.shift();
    if (id === undefined) return false;
    matches.push([item.rowNumber, id]);
  }
  for (const [row, id] of matches) created.set(row, id);
  return true;
}
