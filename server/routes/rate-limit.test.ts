import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../../src/contracts/problem';
import { createTestApp, SALES, ADMIN, type TestApp } from '../test/test-app';

let t: TestApp;
let staticDir: string;
beforeAll(async () => {
  // A stand-in for the console's build: index.html and one hashed chunk.
  staticDir = mkdtempSync(path.join(tmpdir(), 'cc-static-'));
  mkdirSync(path.join(staticDir, 'assets'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Console</title>');
  writeFileSync(path.join(staticDir, 'assets', 'grid-abc123.js'), 'export {};');
  t = await createTestApp({ RATE_LIMIT_PER_SECOND: '3', STATIC_DIR: staticDir });
});
afterAll(async () => {
  await t.close();
  rmSync(staticDir, { recursive: true, force: true });
});

describe('rate limits', () => {
  it('answers 429 problem+json with retry_after and Retry-After past the per-second limit', async () => {
    const cookie = await t.cookieFor(ADMIN);
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.app.inject({ method: 'GET', url: '/api/v4/account', headers: { cookie } }),
      ),
    );
    const limited = responses.filter((r) => r.statusCode === 429);
    expect(limited.length).toBeGreaterThanOrEqual(3);
    const response = limited[0]!;
    expect(response.headers['content-type']).toBe('application/problem+json');
    const problem = problemSchema.parse(response.json());
    expect(problem.status).toBe(429);
    expect(problem.retry_after).toBeGreaterThanOrEqual(1);
    expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('counts each credential separately', async () => {
    const cookie = await t.cookieFor(SALES);
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v4/account',
      headers: { cookie },
    });
    expect(response.statusCode).toBe(200);
  });

  it('never limits the console itself: its files and page URLs, however many at once', async () => {
    const cookie = await t.cookieFor(SALES);
    const urls = ['/assets/grid-abc123.js', '/', '/settings', '/customers/12', '/index.html'];
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        t.app.inject({ method: 'GET', url: urls[i % urls.length]!, headers: { cookie } }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(responses.map(() => 200));
  });

  it('shares one bucket between spellings of one Bearer token', async () => {
    const token = 'not-a-real-token-but-one-bucket';
    const spellings = [
      `Bearer ${token}`,
      `bearer ${token}`,
      `BEARER   ${token}`,
      ` Bearer ${token} `,
      `Bearer\t${token}`,
      `bEaReR ${token}`,
    ];
    const responses = await Promise.all(
      spellings.map((authorization) =>
        t.app.inject({ method: 'GET', url: '/api/v4/account', headers: { authorization } }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode);
    // Three per second for the token, whichever way it is written: the rest are refused.
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(3);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(3);
  });

  it('limits an API path however it is percent-encoded', async () => {
    const cookie = await t.cookieFor(ADMIN);
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.app.inject({ method: 'GET', url: '/api/v4/%61ccount', headers: { cookie } }),
      ),
    );
    expect(responses.filter((r) => r.statusCode === 429).length).toBeGreaterThanOrEqual(4);
  });
});
