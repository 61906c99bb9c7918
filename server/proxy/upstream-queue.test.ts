import { afterEach, describe, expect, it } from 'vitest';
import type { ForwardRequest, UpstreamResponse } from './upstream';
import { createUpstreamQueue, retryAfterMs, UpstreamRateLimited } from './upstream-queue';

const GET: ForwardRequest = {
  method: 'GET',
  url: '/api/v4/customers',
  contentType: undefined,
  accept: undefined,
  body: undefined,
};

function answer(status: number, retryAfter?: string): UpstreamResponse {
  return {
    status,
    contentType: 'application/hal+json',
    retryAfter,
    requestId: undefined,
    body: Buffer.from('{}'),
  };
}

let close: (() => void) | undefined;
afterEach(() => close?.());

describe('the upstream queue', () => {
  it('retries a 429 after its Retry-After and answers with what came next', async () => {
    const answers = [answer(429, '1'), answer(200)];
    let calls = 0;
    const queue = createUpstreamQueue(async () => answers[calls++]!, { intervalMs: 1 });
    close = queue.close;
    const result = await queue.send(GET);
    expect(result.status).toBe(200);
    expect(calls).toBe(2);
  });

  it('gives up after three retries with a 429 problem carrying the wait', async () => {
    let calls = 0;
    const queue = createUpstreamQueue(
      async () => {
        calls++;
        return answer(429, '0');
      },
      { intervalMs: 1 },
    );
    close = queue.close;
    const error = await queue.send(GET).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamRateLimited);
    expect((error as UpstreamRateLimited).status).toBe(429);
    expect(calls).toBe(4);
  });

  it('passes a pause longer than 10 s straight back instead of holding the request', async () => {
    let calls = 0;
    const queue = createUpstreamQueue(
      async () => {
        calls++;
        return answer(429, '300');
      },
      { intervalMs: 1 },
    );
    close = queue.close;
    const error = await queue.send(GET).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamRateLimited);
    expect((error as UpstreamRateLimited).extra).toEqual({ retry_after: 300 });
    expect(calls).toBe(1);
  });

  it('never retries 402 or 403: amoCRM said no, asking again will not change it', async () => {
    for (const status of [402, 403]) {
      let calls = 0;
      const queue = createUpstreamQueue(
        async () => {
          calls++;
          return answer(status);
        },
        { intervalMs: 1 },
      );
      expect((await queue.send(GET)).status).toBe(status);
      expect(calls).toBe(1);
      queue.close();
    }
  });

  it('keeps at most two requests in flight and reports how many wait', async () => {
    let inFlight = 0;
    let most = 0;
    const queue = createUpstreamQueue(
      async () => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return answer(200);
      },
      { intervalMs: 1 },
    );
    close = queue.close;
    const results = await Promise.all(Array.from({ length: 30 }, () => queue.send(GET)));
    expect(most).toBe(2);
    expect(Math.max(...results.map((r) => r.waiting))).toBeGreaterThan(10);
    expect(results[0]!.waiting).toBe(0);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('soon', now)).toBe(1000);
    expect(retryAfterMs(undefined, now)).toBe(1000);
    expect(retryAfterMs('99999999999999999999', now)).toBeGreaterThan(10_000);
  });
});
