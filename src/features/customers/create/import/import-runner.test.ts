import { describe, expect, it, vi } from 'vitest';
import type { CustomerCreate, CustomersWriteResponse } from '../../../../contracts/customer';
import { ApiError } from '../../../../lib/api-error';
import { runImport, type ImportDeps, type ImportItem } from './import-runner';

const items = (count: number): ImportItem[] =>
  Array.from({ length: count }, (_, i) => ({
    rowNumber: i + 1,
    name: `Row ${String(i + 1)}`,
    payload: { name: `Row ${String(i + 1)}`, request_id: String(i + 1) },
  }));

let nextId = 1000;
const ok = (batch: CustomerCreate[]): CustomersWriteResponse => ({
  _links: { self: { href: '/api/v4/customers' } },
  _embedded: {
    customers: batch.map((item) => {
      nextId += 1;
      return { id: nextId, request_id: String(item.request_id), _links: { self: { href: '/x' } } };
    }),
  },
});

function deps(send: ImportDeps['send'], extra: Partial<ImportDeps> = {}): ImportDeps {
  return {
    send,
    findStored: () => Promise.resolve(new Map()),
    onProgress: () => undefined,
    signal: new AbortController().signal,
    minTimeout: 1,
    ...extra,
  };
}

describe('runImport', () => {
  it('sends batches of 250 and maps every row number to its id', async () => {
    const send = vi.fn((batch: CustomerCreate[]) => Promise.resolve(ok(batch)));
    const result = await runImport(items(600), deps(send));
    expect(send.mock.calls.map(([batch]) => batch.length)).toEqual([250, 250, 100]);
    expect(result.created.size).toBe(600);
    expect(result.failed.size).toBe(0);
  });

  it('retries a 503 after backoff and creates each row once', async () => {
    let attempts = 0;
    const send = vi.fn((batch: CustomerCreate[]) => {
      attempts += 1;
      if (attempts === 1)
        return Promise.reject(new ApiError({ status: 503, title: 'Unavailable', detail: '' }));
      return Promise.resolve(ok(batch));
    });
    const result = await runImport(items(10), deps(send));
    expect(send).toHaveBeenCalledTimes(2);
    expect(result.created.size).toBe(10);
  });

  it('after a lost answer, finds the stored batch instead of sending it again', async () => {
    const stored = new Map<string, number[]>();
    const send = vi.fn((batch: CustomerCreate[]) => {
      batch.forEach((item, i) => stored.set(String(item.name), [500 + i]));
      return Promise.reject(
        new ApiError({ kind: 'network', status: 0, title: 'Network error', detail: '' }),
      );
    });
    const findStored = vi.fn(() => Promise.resolve(stored));
    const result = await runImport(items(3), deps(send, { findStored }));
    expect(send).toHaveBeenCalledTimes(1);
    expect(findStored).toHaveBeenCalledTimes(1);
    expect([...result.created]).toEqual([
      [1, 500],
      [2, 501],
      [3, 502],
    ]);
  });

  it('reports the rows a 400 refused and sends the rest of the batch', async () => {
    const send = vi.fn((batch: CustomerCreate[]) => {
      if (batch.some((item) => item.request_id === '2')) {
        return Promise.reject(
          new ApiError({
            status: 400,
            title: 'Bad Request',
            detail: '',
            validationErrors: [
              { request_id: '2', errors: [{ code: 'NotBlank', path: 'name', detail: 'Required' }] },
            ],
          }),
        );
      }
      return Promise.resolve(ok(batch));
    });
    const result = await runImport(items(3), deps(send));
    expect([...result.created.keys()]).toEqual([1, 3]);
    expect(result.failed.get(2)).toBe('name: Required');
  });

  it('stops after the current batch when cancelled', async () => {
    const controller = new AbortController();
    const send = vi.fn((batch: CustomerCreate[]) => {
      controller.abort();
      return Promise.resolve(ok(batch));
    });
    const result = await runImport(items(600), deps(send, { signal: controller.signal }));
    expect(send).toHaveBeenCalledTimes(1);
    expect(result.created.size).toBe(250);
    expect(result.cancelled).toHaveLength(350);
  });
});
