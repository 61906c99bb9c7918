import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, type TestApp } from '../test/test-app';

/** Other spellings of customers endpoints that a router may resolve to the same route. */
const SPELLINGS = [
  '/api/v4/customers',
  '/api/v4/%63ustomers',
  '/api/v4/%63%75stomers',
  '/%61pi/v4/customers',
  '/api/%76%34/customers',
  '/api/v4/customers/',
  '/api/v4/customers?',
  '/api/v4/customers?limit=1',
  '/api/v4/customers#x',
  '/api/v4//customers',
  '/api/v4/./customers',
  '/api/v4/x/../customers',
  '/api/v4/customers%2F',
  '/api/v4/customers%3Flimit=1',
  '/API/v4/customers',
  '/api/v4/Customers',
  '/api/v4/customers/segments',
  '/api/v4/customers/%73egments',
  '/api/v4/customers/transactions',
  '/api/v4/customers/%74ransactions',
  '/api/v4/customers/statuses',
  '/api/v4/customers/tags',
  '/api/v4/customers/custom_fields',
  '/api/v4/customers/1',
  '/api/v4/customers/1/transactions',
  '/api/v4/customers/%31',
];

/** Sends a raw request line (e.g. absolute-form) over a socket; resolves the status code. */
function rawStatus(port: number, requestLine: string, headers: Record<string, string>) {
  return new Promise<number>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      text += chunk;
      const match = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (match) {
        socket.destroy();
        resolve(Number(match[1]));
      }
    });
    socket.on('error', reject);
    socket.on('end', () => reject(new Error(`no status line in ${JSON.stringify(text)}`)));
    const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
    socket.write(`${requestLine}\r\n${lines.join('\r\n')}\r\nConnection: close\r\n\r\n`);
  });
}

/** Every spelling, by inject and over a real socket (origin-form and absolute-form lines). */
async function statusesOf(t: TestApp, port: number) {
  const cookie = await t.cookieFor(ADMIN);
  const headers = { host: `127.0.0.1:${port}`, cookie };
  const results: Array<[string, number]> = [];
  for (const url of SPELLINGS) {
    results.push([
      `inject ${url}`,
      (await t.app.inject({ method: 'GET', url, headers })).statusCode,
    ]);
    results.push([`origin-form ${url}`, await rawStatus(port, `GET ${url} HTTP/1.1`, headers)]);
    for (const authority of [`127.0.0.1:${port}`, 'evil.example', 'localhost']) {
      const line = `GET http://${authority}${url} HTTP/1.1`;
      results.push([`absolute-form ${line}`, await rawStatus(port, line, headers)]);
    }
  }
  return results;
}

describe.each<{ gate: string; env: Record<string, string>; status: number }>([
  { gate: 'tariff without customers (402)', env: { ACCOUNT_TARIFF: 'base' }, status: 402 },
  { gate: 'customers turned off (403)', env: {}, status: 403 },
])('the $gate gate holds for every spelling of a path', ({ env, status }) => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp(env);
    if (status === 403) {
      const off = await t.as(ADMIN, {
        method: 'PATCH',
        url: '/api/v4/customers/mode',
        payload: { mode: 'segments', is_enabled: false },
      });
      expect(off.statusCode).toBe(200);
    }
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  it('answers the gate status or a 4xx, never a 2xx or a 5xx', async () => {
    const results = await statusesOf(t, port);
    const leaks = results.filter(([, code]) => code !== status && (code < 400 || code >= 500));
    expect(leaks).toEqual([]);
    // The plain spelling and the encoded ones that reach the route are all gated, not 404.
    const gated = new Map(results);
    for (const url of ['/api/v4/customers', '/api/v4/%63ustomers', '/%61pi/v4/customers']) {
      expect(gated.get(`inject ${url}`)).toBe(status);
      expect(gated.get(`absolute-form GET http://127.0.0.1:${port}${url} HTTP/1.1`)).toBe(status);
    }
  });

  it('still lets other endpoints through (the gate is not a blanket refusal)', async () => {
    const account = await t.as(ADMIN, { method: 'GET', url: '/api/v4/%61ccount' });
    expect(account.statusCode).toBe(200);
  });
});
