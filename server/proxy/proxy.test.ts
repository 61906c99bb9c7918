import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { problemSchema } from '../../src/contracts/problem';
import { tokenCreatedSchema } from '../../src/contracts/auth';
import { ADMIN, createTestApp, ORIGIN, type TestApp } from '../test/test-app';
import { startFakeUpstream, type FakeUpstream } from './fake-upstream';

const HAL = 'application/hal+json';
const PROBLEM = 'application/problem+json';

let upstream: FakeUpstream;
let t: TestApp;
let cookie: string;
let callerToken: string;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  t = await createTestApp({ AMOCRM_BASE_URL: upstream.url, AMOCRM_ACCESS_TOKEN: 'secret' });
  // Users still sign in here, against our own database: the account token is never theirs.
  cookie = await t.cookieFor(ADMIN);
  const created = await t.as(ADMIN, {
    method: 'POST',
    url: '/api/auth/tokens',
    payload: { name: 'proxy test' },
  });
  callerToken = tokenCreatedSchema.parse(created.json()).access_token;
});

afterAll(async () => {
  await t.close();
  await upstream.close();
});

beforeEach(() => {
  upstream.received.length = 0;
});

/** What amoCRM (PHP) sends: slashes escaped, links on the account's own host. */
function upstreamList(base: string) {
  const escaped = base.replaceAll('/', '\\/');
  return (
    `{"_page":1,"_links":{"self":{"href":"${escaped}\\/api\\/v4\\/customers?page=1&limit=2"},` +
    `"next":{"href":"${escaped}\\/api\\/v4\\/customers?page=2&limit=2"}},` +
    `"_embedded":{"customers":[{"id":7,"name":"Acme","_links":{"self":{"href":"${escaped}\\/api\\/v4\\/customers\\/7"}},` +
    `"note":"${escaped}\\/api\\/v4\\/customers\\/7"}]}}`
  );
}

describe('proxy mode: the console on a live amoCRM account', () => {
  it('forwards a list request with the account token, the same path and raw query, and nothing of the caller', async () => {
    upstream.reply(200, HAL, upstreamList(upstream.url));
    const url = '/api/v4/customers?filter%5Bid%5D%5B0%5D=7&with=contacts&limit=2';
    const response = await t.app.inject({
      method: 'GET',
      url,
      headers: { cookie, origin: ORIGIN, accept: HAL },
    });

    const got = upstream.last()!;
    expect(got.method).toBe('GET');
    expect(got.url).toBe(url);
    expect(got.headers.authorization).toBe('Bearer secret');
    expect(got.headers.cookie).toBeUndefined();
    expect(got.headers.origin).toBeUndefined();
    expect(got.headers.accept).toBe(HAL);

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(HAL);
    expect(response.headers['x-request-id']).toBeTruthy();
    const body = response.json<{
      _links: { self: { href: string }; next: { href: string } };
      _embedded: {
        customers: Array<{ id: number; _links: { self: { href: string } }; note: string }>;
      };
    }>();
    expect(body._links.next.href).toBe('http://localhost:80/api/v4/customers?page=2&limit=2');
    expect(body._embedded.customers[0]!._links.self.href).toBe(
      'http://localhost:80/api/v4/customers/7',
    );
    // Only links are rewritten: data that merely looks like an upstream URL is left alone.
    expect(body._embedded.customers[0]!.note).toBe(`${upstream.url}/api/v4/customers/7`);
  });

  it('forwards a batch POST body byte for byte and passes the upstream answer back', async () => {
    upstream.answer((request, response) => {
      response.writeHead(200, { 'content-type': HAL });
      response.end(
        JSON.stringify({
          _links: {},
          _embedded: { customers: [{ id: 1, request_id: 'a' }] },
          seen: request.body,
        }),
      );
    });
    const payload = '[{"name":"Ünïcode \\u00e9 customer","request_id":"a"}]';
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v4/customers',
      headers: { authorization: `Bearer ${callerToken}`, 'content-type': 'application/json' },
      payload,
    });

    const got = upstream.last()!;
    expect(got.method).toBe('POST');
    expect(got.body).toBe(payload);
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers.authorization).toBe('Bearer secret');
    expect(response.statusCode).toBe(200);
    expect(response.json<{ seen: string }>().seen).toBe(payload);
  });

  it('forwards PATCH and DELETE, and a 204 stays a 204 with no body', async () => {
    upstream.reply(204, undefined);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: '/api/v4/customers/7',
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
      payload: { name: 'Renamed' },
    });
    expect(upstream.last()).toMatchObject({
      method: 'PATCH',
      url: '/api/v4/customers/7',
      body: '{"name":"Renamed"}',
    });
    expect(patch.statusCode).toBe(204);

    // Published clients send Content-Type: application/json on bodiless DELETEs.
    const del = await t.app.inject({
      method: 'DELETE',
      url: '/api/v4/customers/7/transactions/3',
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
    });
    expect(upstream.last()).toMatchObject({
      method: 'DELETE',
      url: '/api/v4/customers/7/transactions/3',
      body: '',
    });
    expect(del.statusCode).toBe(204);
    expect(del.body).toBe('');
  });

  it('passes amoCRM problems through unchanged', async () => {
    const problem = {
      'validation-errors': [
        {
          request_id: '0',
          errors: [{ code: 'NotBlank', path: 'name', detail: 'This field is missing.' }],
        },
      ],
      title: 'Bad Request',
      type: 'https://httpstatus.es/400',
      status: 400,
      detail: 'Request validation failed',
    };
    upstream.reply(400, PROBLEM, JSON.stringify(problem));
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v4/customers',
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
      payload: [{}],
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe(PROBLEM);
    expect(response.body).toBe(JSON.stringify(problem));
  });

  it('passes a 429 back only when amoCRM asks for a pause over 10 s, with its Retry-After', async () => {
    const body = {
      title: 'Too Many Requests',
      type: 'https://httpstatus.es/429',
      status: 429,
      detail: 'You have sent too many requests in a given amount of time. Please try again later.',
      retry_after: 300,
    };
    upstream.reply(429, PROBLEM, JSON.stringify(body), { 'retry-after': '300' });
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v4/customers',
      headers: { cookie },
    });
    expect(response.statusCode).toBe(429);
    expect(response.headers['retry-after']).toBe('300');
    expect(response.headers['content-type']).toBe(PROBLEM);
    expect(problemSchema.parse(response.json())).toMatchObject({ status: 429, retry_after: 300 });
    expect(upstream.received).toHaveLength(1);
  });

  it('waits out a short 429 inside the gateway: the caller gets the answer that followed', async () => {
    let calls = 0;
    upstream.answer((_request, response) => {
      calls++;
      if (calls === 1) {
        response.writeHead(429, { 'content-type': PROBLEM, 'retry-after': '1' });
        response.end('{"status":429,"title":"Too Many Requests","retry_after":1}');
        return;
      }
      response.writeHead(200, { 'content-type': HAL });
      response.end('{"_links":{},"_embedded":{"customers":[]}}');
    });
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v4/customers',
      headers: { cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(upstream.received).toHaveLength(2);
  });

  it('answers a burst of 100 in full, never a 429, at no more than 7 requests a second upstream', async () => {
    // A stand-in that enforces amoCRM's limit: an eighth request within one second gets a 429.
    const started: number[] = [];
    upstream.answer((_request, response) => {
      const now = performance.now();
      started.push(now);
      const recent = started.filter((at) => now - at < 1000).length;
      if (recent > 7) {
        response.writeHead(429, { 'content-type': PROBLEM, 'retry-after': '1' });
        response.end('{"status":429,"title":"Too Many Requests","retry_after":1}');
        return;
      }
      response.writeHead(200, { 'content-type': HAL });
      response.end('{"_links":{},"_embedded":{"customers":[]}}');
    });
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        t.app.inject({
          method: 'GET',
          url: `/api/v4/customers?page=${i + 1}`,
          headers: { cookie },
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array.from({ length: 100 }, () => 200));
    expect(upstream.received).toHaveLength(100);
    const busiestSecond = Math.max(
      ...started.map((from) => started.filter((at) => at >= from && at - from < 1000).length),
    );
    expect(busiestSecond).toBeLessThanOrEqual(7);
    // Those at the back of the line were told the queue was long.
    expect(responses.at(-1)!.headers['x-upstream-queue']).toMatch(/^\d+$/);
    expect(Number(responses.at(-1)!.headers['x-upstream-queue'])).toBeGreaterThan(10);
  }, 30_000);

  it('turns a non-JSON 429 into a problem the console can read, keeping Retry-After', async () => {
    upstream.reply(429, 'text/plain', 'slow down', { 'retry-after': '5' });
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v4/customers',
      headers: { cookie },
    });
    expect(response.statusCode).toBe(429);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.headers['content-type']).toBe(PROBLEM);
    expect(problemSchema.parse(response.json())).toMatchObject({ status: 429, retry_after: 5 });
  });

  it('answers 502 with the upstream status when amoCRM sends its HTML ban page', async () => {
    upstream.reply(403, 'text/html', '<html><body><h1>403 Forbidden</h1>nginx</body></html>');
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v4/customers',
      headers: { cookie },
    });
    expect(response.statusCode).toBe(502);
    expect(response.headers['content-type']).toBe(PROBLEM);
    const problem = problemSchema.parse(response.json());
    expect(problem.detail).toContain('403');
    expect(response.body).not.toContain('nginx');
  });

  it('keeps the live account as it is: no capabilities are made up', async () => {
    const account = {
      id: 1,
      name: 'Live',
      subdomain: 'live',
      customers_mode: 'segments',
      _links: { self: { href: `${upstream.url}/api/v4/account` } },
    };
    upstream.reply(200, HAL, JSON.stringify(account));
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v4/account?with=capabilities',
      headers: { cookie },
    });
    expect(upstream.last()!.url).toBe('/api/v4/account?with=capabilities');
    expect(response.statusCode).toBe(200);
    const body = response.json<Record<string, unknown>>();
    expect(body).not.toHaveProperty('capabilities');
    expect(body).toMatchObject({
      id: 1,
      customers_mode: 'segments',
      _links: { self: { href: 'http://localhost:80/api/v4/account' } },
    });
  });

  it('answers 401 to callers without credentials and never forwards them', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v4/customers' });
    const badToken = await t.app.inject({
      method: 'GET',
      url: '/api/v4/customers',
      headers: { authorization: 'Bearer secret' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(badToken.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toBe(PROBLEM);
    expect(upstream.received).toHaveLength(0);
  });

  it('refuses a cross-site cookie POST before it reaches amoCRM', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v4/customers',
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
      payload: [{ name: 'x' }],
    });
    expect(response.statusCode).toBe(403);
    expect(upstream.received).toHaveLength(0);
  });

  it('never lets dot segments carry the account token outside /api/v4', async () => {
    // inject() normalises URLs the way a browser would; a raw HTTP client does not, so listen.
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const rawGet = (path: string) =>
      new Promise<{ status: number; type: string | undefined; body: string }>((resolve, reject) => {
        httpRequest({ host: '127.0.0.1', port, path, headers: { cookie } }, (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              type: response.headers['content-type'],
              body,
            }),
          );
        })
          .on('error', reject)
          .end();
      });
    for (const path of [
      '/api/v4/../../oauth2/access_token',
      '/api/v4/%2e%2e/%2E%2E/oauth2/access_token',
    ]) {
      const response = await rawGet(path);
      expect(response).toMatchObject({ status: 400, type: PROBLEM });
      expect(problemSchema.parse(JSON.parse(response.body)).detail).toBe(
        'Only /api/v4/ paths are forwarded',
      );
    }
    expect(upstream.received).toHaveLength(0);
  });

  it('still signs users in locally; /me asks amoCRM only for the account’s name', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: ORIGIN },
      payload: { email: ADMIN, password: 'demo' },
    });
    expect(login.statusCode).toBe(200);
    expect(upstream.received).toHaveLength(0);
    upstream.reply(200, HAL, '{"id":1,"name":"Live Co","subdomain":"live"}');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: ADMIN, live_account: { name: 'Live Co' } });
    expect(upstream.received.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/v4/account']);
  });

  // Last: it closes the fake account.
  it('answers 502 "amoCRM is unreachable" when the account cannot be reached', async () => {
    await upstream.close();
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v4/customers',
      headers: { cookie },
    });
    expect(response.statusCode).toBe(502);
    expect(response.headers['content-type']).toBe(PROBLEM);
    const problem = problemSchema.parse(response.json());
    expect(problem.detail).toMatch(/^amoCRM is unreachable: /);
    expect(response.body).not.toContain('secret');
  });
});
