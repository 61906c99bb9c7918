import type { CustomerCreate, CustomersWriteResponse } from '../../../../contracts/customer';
import { isApiError } from '../../../../lib/api-error';

/** The API takes at most 250 items per batch (more: 422). */
export const BATCH_SIZE = 250;

export function chunk<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    out.push(items.slice(start, start + size));
  return out;
}

export interface BatchesOutcome {
  /** request_id → new customer id, for every batch the server confirmed. */
  created: Map<string, number>;
  /** The first failure; later batches were not sent. */
  error: unknown;
  /** request_ids of the failed batch and of those never sent. */
  notSent: string[];
}

/**
 * Sends the items batch after batch and stops at the first failure. Each batch is all-or-nothing
 * on the server; splitting is only needed beyond 250 rows, and then the outcome says exactly which
 * rows exist so the form can drop them and keep the rest.
 */
export async function createInBatches(
  items: readonly CustomerCreate[],
  send: (batch: CustomerCreate[]) => Promise<CustomersWriteResponse>,
): Promise<BatchesOutcome> {
  const created = new Map<string, number>();
  const batches = chunk(items);
  for (const [index, batch] of batches.entries()) {
    try {
      const response = await send(batch);
      for (const result of response._embedded.customers) created.set(result.request_id, result.id);
    } catch (error) {
      const notSent = batches
        .slice(index)
        .flat()
        .map((item) => String(item.request_id));
      return { created, error, notSent };
    }
  }
  return { created, error: null, notSent: [] };
}

/**
 * No answer, or a gateway's answer: the server may have stored the batch. A 4xx, 503 or 429 is a
 * clear "not stored" (the API is all-or-nothing and refuses before writing).
 */
export function isAmbiguousFailure(error: unknown): boolean {
  if (!isApiError(error)) return true;
  if (error.kind === 'network') return true;
  return error.status >= 500 && error.status !== 503;
}
