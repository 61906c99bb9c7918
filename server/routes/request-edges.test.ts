import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../../src/contracts/problem';
import { ADMIN, createTestApp, type TestApp } from '../test/test-app';

let t: TestApp;
let customerId: number;
beforeAll(async () => {
  t = await createTestApp();
  const created = await t.as(ADMIN, {
    method: 'POST',
    url: '/api/v4/customers',
    payload: [{ name: 'Edge case customer' }],
  });
  customerId = (created.json() as { _embedded: { customers: Array<{ id: number }> } })._embedded
    .customers[0]!.id;
});
afterAll(() => t.close());

const send = (method: 'POST' | 'PATCH' | 'GET', url: string, payload?: object) =>
  t.as(ADMIN, { method, url, ...(payload === undefined ? {} : { payload }) });

/** The problem body of a 400, with every `[request_id, path]` it names. */
function namedPaths(response: {
  statusCode: number;
  headers: Record<string, unknown>;
  json: () => unknown;
}) {
  expect(response.statusCode).toBe(400);
  expect(response.headers['content-type']).toBe('application/problem+json');
  const problem = problemSchema.parse(response.json());
  return (problem['validation-errors'] ?? []).flatMap((item) =>
    item.errors.map((error) => [item.request_id, error.path]),
  );
}

const NUL = 'a\u0000b';
const LONE_HIGH = 'x\ud800y';
const LONE_LOW = '\udc00';

describe('text the database cannot hold is refused, naming the field', () => {
  it.each([
    ['a customer name with a NUL byte', [{ name: NUL }], ['0', 'name']],
    ['a customer name with a lone high surrogate', [{ name: LONE_HIGH }], ['0', 'name']],
    [
      'a tag name with a lone low surrogate',
      [{ name: 'ok', _embedded: { tags: [{ name: LONE_LOW }] } }],
      ['0', '_embedded.tags.0.name'],
    ],
    [
      'a custom-field value with a NUL byte, under its own request_id',
      [
        { name: 'fine' },
        {
          name: 'bad',
          request_id: 'second',
          custom_fields_values: [{ field_id: 3, values: [{ value: NUL }] }],
        },
      ],
      ['second', 'custom_fields_values.0.values.0.value'],
    ],
  ])('%s', async (_label, body, expected) => {
    expect(namedPaths(await send('POST', '/api/v4/customers', body))).toContainEqual(expected);
  });

  it('refuses a NUL in a purchase comment, a segment name, a tag, a token name and a login', async () => {
    expect(
      namedPaths(
        await send('POST', `/api/v4/customers/${customerId}/transactions`, [
          { price: 10, comment: NUL },
        ]),
      ),
    ).toEqual([['0', 'comment']]);
    expect(
      namedPaths(
        await send('POST', '/api/v4/customers/segments', [{ name: LONE_HIGH, color: '10599d' }]),
      ),
    ).toEqual([['0', 'name']]);
    expect(namedPaths(await send('POST', '/api/v4/customers/tags', [{ name: NUL }]))).toEqual([
      ['0', 'name'],
    ]);
    expect(namedPaths(await send('POST', '/api/auth/tokens', { name: LONE_LOW }))).toEqual([
      ['0', 'name'],
    ]);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'http://localhost:80' },
      payload: { email: `admin${NUL}@example.com`, password: 'demo' },
    });
    expect(namedPaths(login)).toEqual([['0', 'email']]);
  });

  it('refuses a NUL or a lone surrogate in query= and filter[name] with a 400 naming them', async () => {
    expect(
      namedPaths(await send('GET', `/api/v4/customers?query=${encodeURIComponent(NUL)}`)),
    ).toEqual([['0', 'query']]);
    // %ED%A0%80 is a lone surrogate in UTF-8 form; the URL decoder turns it into U+FFFD, so
    // only the JSON form of a lone surrogate can reach a body; a query gets the NUL.
    expect(
      namedPaths(await send('GET', `/api/v4/customers?filter[name][]=${encodeURIComponent(NUL)}`)),
    ).toEqual([['0', 'filter.name.0']]);
    expect(
      namedPaths(await send('GET', `/api/v4/customers/tags?query=${encodeURIComponent(NUL)}`)),
    ).toEqual([['0', 'query']]);
  });
});

describe('integers beyond their int4 columns are a 400, never a database error', () => {
  const BIG = 2_147_483_648;
  it.each([
    ['a tag id', [{ name: 'x', _embedded: { tags: [{ id: BIG }] } }], '_embedded.tags.0.id'],
    ['created_by', [{ name: 'x', created_by: BIG }], 'created_by'],
    ['updated_by', [{ name: 'x', updated_by: BIG }], 'updated_by'],
    [
      'a segment id',
      [{ name: 'x', _embedded: { segments: [{ id: BIG }] } }],
      '_embedded.segments.0.id',
    ],
    [
      'a custom field id',
      [{ name: 'x', custom_fields_values: [{ field_id: BIG, values: [] }] }],
      'custom_fields_values.0.field_id',
    ],
    [
      'an enum id',
      [{ name: 'x', custom_fields_values: [{ field_id: 4, values: [{ enum_id: BIG }] }] }],
      'custom_fields_values.0.values.0.enum_id',
    ],
  ])('%s on a customer', async (_label, body, path) => {
    expect(namedPaths(await send('POST', '/api/v4/customers', body))).toContainEqual(['0', path]);
  });

  it('a catalog element id or catalog id on a purchase, and created_by', async () => {
    const url = `/api/v4/customers/${customerId}/transactions`;
    expect(
      namedPaths(
        await send('POST', url, [
          { price: 1, _embedded: { catalog_elements: [{ id: BIG, metadata: { catalog_id: 1 } }] } },
        ]),
      ),
    ).toEqual([['0', '_embedded.catalog_elements.0.id']]);
    expect(
      namedPaths(
        await send('POST', url, [
          { price: 1, _embedded: { catalog_elements: [{ id: 1, metadata: { catalog_id: BIG } }] } },
        ]),
      ),
    ).toEqual([['0', '_embedded.catalog_elements.0.metadata.catalog_id']]);
    expect(namedPaths(await send('POST', url, [{ price: 1, created_by: BIG }]))).toEqual([
      ['0', 'created_by'],
    ]);
  });

  it('a group_id in rights, a user_id for a token, and ids in filters and paths', async () => {
    expect(
      namedPaths(await send('PATCH', '/api/v4/users/1', { rights: { group_id: BIG } })),
    ).toEqual([['0', 'rights.group_id']]);
    expect(namedPaths(await send('POST', '/api/auth/tokens', { name: 'n', user_id: BIG }))).toEqual(
      [['0', 'user_id']],
    );
    expect(namedPaths(await send('GET', `/api/v4/customers?filter[tag_id][]=${BIG}`))).toEqual([
      ['0', 'filter.tag_id.0'],
    ]);
    expect(
      namedPaths(await send('GET', `/api/v4/customers/transactions?filter[customer_id]=1,${BIG}`)),
    ).toEqual([['0', 'filter.customer_id.1']]);
    expect(namedPaths(await send('GET', `/api/v4/customers/${BIG}`))).toEqual([['0', 'id']]);
    expect(namedPaths(await send('GET', `/api/auth/tokens?user_id=${BIG}`))).toEqual([
      ['0', 'user_id'],
    ]);
  });
});

describe('query strings', () => {
  it('accept the three array encodings and a comma list alike', async () => {
    const bodies = await Promise.all(
      [
        `filter[id]=${customerId}&filter[id]=1`,
        `filter[id][]=${customerId}&filter[id][]=1`,
        `filter[id][0]=${customerId}&filter[id][1]=1`,
        `filter[id]=${customerId},1`,
      ].map(async (query) => {
        const response = await send('GET', `/api/v4/customers?${query}`);
        expect(response.statusCode, query).toBe(200);
        return (
          response.json() as { _embedded: { customers: Array<{ id: number }> } }
        )._embedded.customers
          .map((c) => c.id)
          .sort((a, b) => a - b);
      }),
    );
    expect(new Set(bodies.map((ids) => JSON.stringify(ids))).size).toBe(1);
    expect(bodies[0]).toContain(customerId);
  });

  it('take an empty parameter as one not given', async () => {
    const response = await send('GET', '/api/v4/customers?page=&limit=&filter[id]=&query=');
    expect(response.statusCode).toBe(200);
  });

  it('name what is wrong in the detail, for clients that read only that', async () => {
    const response = await send('GET', '/api/v4/customers/transactions?filter[custmer_id]=1');
    expect(response.statusCode).toBe(400);
    expect(problemSchema.parse(response.json()).detail).toContain('custmer_id');
  });
});

describe('errors raised before routing are problem+json', () => {
  it('a malformed percent-encoding in the path', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v4/customers/%zz' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(problemSchema.parse(response.json()).status).toBe(400);
  });

  /** One raw HTTP exchange with a listening server: Node's parser refuses before Fastify sees it. */
  async function raw(request: string): Promise<{ status: number; type?: string; body: string }> {
    const address = t.app.server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening');
    return new Promise((resolve, reject) => {
      const socket = connect(address.port, '127.0.0.1');
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      socket.on('error', () => {});
      socket.on('close', () => {
        const [head = '', body = ''] = text.split('\r\n\r\n');
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
        const type = /content-type: ([^\r\n]+)/i.exec(head)?.[1];
        resolve({ status, type, body });
      });
      socket.on('connect', () => socket.end(request));
      setTimeout(() => reject(new Error('no answer')), 10_000).unref();
    });
  }

  it('headers too large, a URI too long and a malformed request line', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const header = await raw(
      `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(header.status).toBe(431);
    expect(header.type).toBe('application/problem+json');
    expect(problemSchema.parse(JSON.parse(header.body)).status).toBe(431);

    const uri = await raw(
      `GET /api/v4/customers?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    );
    expect([414, 431]).toContain(uri.status);
    expect(uri.type).toBe('application/problem+json');

    const garbage = await raw('NOT A REQUEST\r\n\r\n');
    expect(garbage.status).toBe(400);
    expect(garbage.type).toBe('application/problem+json');
    expect(problemSchema.parse(JSON.parse(garbage.body)).detail).toBe('Malformed HTTP request');
  });
});
