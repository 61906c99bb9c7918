import fc from 'fast-check';
import qs from 'qs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerSchema, customersWriteResponseSchema } from '../../src/contracts/customer';
import { INT4_MAX } from '../../src/contracts/request';
import {
  transactionSchema,
  transactionsWriteResponseSchema,
} from '../../src/contracts/transaction';
import { ADMIN, createTestApp, type TestApp } from '../test/test-app';

/**
 * Property tests over the declared contract: whatever a client sends, the answer is never a 5xx,
 * and whatever the server accepts it gives back unchanged. Runs on PGlite and, in `.ci/run`, on
 * PostgreSQL (the same file under TEST_DATABASE_URL).
 */
let t: TestApp;
let customerId: number;
beforeAll(async () => {
  t = await createTestApp();
  const created = await t.as(ADMIN, {
    method: 'POST',
    url: '/api/v4/customers',
    payload: [{ name: 'Property customer' }],
  });
  customerId = customersWriteResponseSchema.parse(created.json())._embedded.customers[0]!.id;
});
afterAll(() => t.close());

const RUNS = { numRuns: 60 };

/** Strings a hostile client sends: NUL, lone surrogates, LIKE wildcards, quotes, any code point. */
const hostileText = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('\u0000', 'a\ud800', '\udfff', '%_\\', "'; drop table customers; --", ''),
  fc.string({ minLength: 256, maxLength: 300 }),
);
/** Numbers at and past every boundary a column has. */
const hostileNumber = fc.oneof(
  fc.integer(),
  fc.constantFrom(-1, 0, INT4_MAX, INT4_MAX + 1, -INT4_MAX - 2, Number.MAX_SAFE_INTEGER, 1e300),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const hostileValue = fc.oneof(hostileText, hostileNumber, fc.boolean(), fc.constant(null));
const hostileArray = fc.array(
  fc.oneof(hostileValue, fc.record({ id: hostileValue, name: hostileValue }, { requiredKeys: [] })),
  { maxLength: 4 },
);

const customerItem = fc.record(
  {
    name: hostileValue,
    next_price: hostileValue,
    next_date: hostileValue,
    responsible_user_id: hostileValue,
    status_id: hostileValue,
    periodicity: hostileValue,
    created_by: hostileValue,
    updated_by: hostileValue,
    created_at: hostileValue,
    request_id: hostileValue,
    custom_fields_values: fc.oneof(
      hostileValue,
      fc.array(
        fc.record(
          {
            field_id: hostileValue,
            field_code: hostileValue,
            values: fc.oneof(
              hostileValue,
              fc.array(
                fc.record({ value: hostileValue, enum_id: hostileValue }, { requiredKeys: [] }),
                { maxLength: 3 },
              ),
            ),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
    ),
    _embedded: fc.record(
      {
        tags: fc.oneof(hostileValue, hostileArray),
        segments: fc.oneof(hostileValue, hostileArray),
      },
      { requiredKeys: [] },
    ),
    tags_to_add: hostileArray,
    id: hostileValue,
  },
  { requiredKeys: [] },
);

/** A body: usually an array of items, sometimes anything JSON can carry. */
const hostileBody = <T>(item: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.array(item, { minLength: 1, maxLength: 3 }) },
    { weight: 1, arbitrary: item },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );

async function answer(method: 'POST' | 'PATCH' | 'GET', url: string, payload?: unknown) {
  const response = await t.as(ADMIN, {
    method,
    url,
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
    headers: { 'content-type': 'application/json' },
  });
  return response;
}

function expectClientAnswer(
  response: { statusCode: number; body: string; json: () => unknown },
  what: string,
) {
  expect(response.statusCode, `${what} -> ${response.body.slice(0, 300)}`).toBeLessThan(500);
  if (response.statusCode >= 400) {
    expect(response.json(), what).toMatchObject({ status: response.statusCode });
  }
}

describe('hostile bodies never get a 5xx', () => {
  const endpoints: Array<[string, 'POST' | 'PATCH', () => string, fc.Arbitrary<unknown>]> = [
    ['POST /customers', 'POST', () => '/api/v4/customers', hostileBody(customerItem)],
    ['PATCH /customers', 'PATCH', () => '/api/v4/customers', hostileBody(customerItem)],
    ['PATCH /customers/{id}', 'PATCH', () => `/api/v4/customers/${customerId}`, customerItem],
    [
      'POST /customers/{id}/transactions',
      'POST',
      () => `/api/v4/customers/${customerId}/transactions`,
      hostileBody(
        fc.record(
          {
            price: hostileValue,
            comment: hostileValue,
            completed_at: hostileValue,
            next_price: hostileValue,
            next_date: hostileValue,
            created_by: hostileValue,
            request_id: hostileValue,
            _embedded: fc.record({
              catalog_elements: fc.array(
                fc.record({
                  id: hostileValue,
                  metadata: fc.record({ catalog_id: hostileValue, quantity: hostileValue }),
                }),
                { maxLength: 2 },
              ),
            }),
          },
          { requiredKeys: [] },
        ),
      ),
    ],
    [
      'POST /customers/tags',
      'POST',
      () => '/api/v4/customers/tags',
      hostileBody(fc.record({ name: hostileValue, color: hostileValue }, { requiredKeys: [] })),
    ],
    [
      'POST /customers/segments',
      'POST',
      () => '/api/v4/customers/segments',
      hostileBody(fc.record({ name: hostileValue, color: hostileValue }, { requiredKeys: [] })),
    ],
    [
      'POST /customers/{id}/link',
      'POST',
      () => `/api/v4/customers/${customerId}/link`,
      hostileBody(
        fc.record(
          {
            to_entity_id: hostileValue,
            to_entity_type: fc.oneof(hostileValue, fc.constantFrom('contacts', 'catalog_elements')),
            metadata: fc.oneof(
              hostileValue,
              fc.record({
                quantity: hostileValue,
                catalog_id: hostileValue,
                is_main: hostileValue,
              }),
            ),
          },
          { requiredKeys: [] },
        ),
      ),
    ],
    [
      'POST /customers/{id}/bonus_points',
      'POST',
      () => `/api/v4/customers/${customerId}/bonus_points`,
      fc.oneof(
        fc.record({ earn: hostileValue }),
        fc.record({ redeem: hostileValue }),
        hostileValue,
      ),
    ],
    [
      'PATCH /users/{id}',
      'PATCH',
      () => '/api/v4/users/2',
      fc.record({ rights: fc.record({ group_id: hostileValue, is_admin: hostileValue }) }),
    ],
    [
      'POST /api/auth/tokens',
      'POST',
      () => '/api/auth/tokens',
      fc.record({ name: hostileValue, user_id: hostileValue }, { requiredKeys: [] }),
    ],
  ];
  it.each(endpoints)('%s', async (name, method, url, body) => {
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        expectClientAnswer(
          await answer(method, url(), payload),
          `${name} ${JSON.stringify(payload)}`,
        );
      }),
      RUNS,
    );
  });
});

describe('hostile query strings never get a 5xx', () => {
  const queryValue = fc.oneof(
    hostileValue,
    fc.array(hostileValue, { maxLength: 3 }),
    fc.record({ from: hostileValue, to: hostileValue }, { requiredKeys: [] }),
    fc.dictionary(fc.string({ maxLength: 6 }), hostileValue, { maxKeys: 3 }),
  );
  const query = fc.record(
    {
      page: hostileValue,
      limit: hostileValue,
      query: hostileValue,
      with: fc.oneof(hostileValue, fc.array(hostileText, { maxLength: 3 })),
      filter: fc.oneof(
        hostileValue,
        fc.dictionary(
          fc.constantFrom(
            'id',
            'name',
            'customer_id',
            'completed_at',
            'next_date',
            'tag_id',
            'to_entity_type',
            'to_entity_id',
            'to_catalog_id',
            'entity_id',
            'other',
          ),
          queryValue,
          { maxKeys: 4 },
        ),
      ),
      order: fc.oneof(hostileValue, fc.dictionary(fc.string({ maxLength: 12 }), hostileValue)),
      user_id: hostileValue,
    },
    { requiredKeys: [] },
  );
  it.each([
    '/api/v4/customers',
    '/api/v4/customers/transactions',
    `/api/v4/customers/{id}/transactions`,
    '/api/v4/customers/tags',
    '/api/v4/customers/links',
    `/api/v4/customers/{id}/links`,
    '/api/v4/contacts',
    '/api/v4/catalogs/1/elements',
    '/api/v4/customers/segments',
    '/api/v4/users',
    '/api/v4/account',
    '/api/auth/tokens',
  ])('GET %s', async (path) => {
    await fc.assert(
      fc.asyncProperty(query, async (params) => {
        const url = `${path.replace('{id}', String(customerId))}?${qs.stringify(params)}`;
        expectClientAnswer(await answer('GET', url), url);
      }),
      RUNS,
    );
  });
});

/** Text the contract accepts: well-formed UTF-16 without NUL, not blank once trimmed. */
const storableText = (max: number) =>
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: max })
    .filter((s) => s.trim().length > 0 && !s.includes('\u0000') && s.trim().length <= max);

describe('every accepted body reads back unchanged', () => {
  it('a customer: name, next price, next date and periodicity', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          name: storableText(60),
          next_price: fc.integer({ min: 0, max: 2_000_000_000 }),
          next_date: fc.option(fc.integer({ min: 0, max: INT4_MAX }), { nil: null }),
          periodicity: fc.integer({ min: 0, max: 3650 }),
        }),
        async (item) => {
          const created = await answer('POST', '/api/v4/customers', [item]);
          expect(created.statusCode, created.body).toBe(200);
          const { id } = customersWriteResponseSchema.parse(created.json())._embedded.customers[0]!;
          const read = customerSchema.parse(
            (await answer('GET', `/api/v4/customers/${id}`)).json(),
          );
          expect({
            name: read.name,
            next_price: read.next_price,
            next_date: read.next_date,
            periodicity: read.periodicity,
          }).toEqual({ ...item, name: item.name.trim() });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a purchase: price, comment and completed_at', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          price: fc.integer({ min: 1, max: 2_000_000_000 }),
          comment: fc.option(storableText(200), { nil: null }),
          completed_at: fc.integer({ min: 0, max: INT4_MAX }),
        }),
        async (item) => {
          const url = `/api/v4/customers/${customerId}/transactions`;
          const added = await answer('POST', url, [item]);
          expect(added.statusCode, added.body).toBe(200);
          const { id } = transactionsWriteResponseSchema.parse(added.json())._embedded
            .transactions[0]!;
          const read = transactionSchema.parse((await answer('GET', `${url}/${id}`)).json());
          expect({
            price: read.price,
            comment: read.comment,
            completed_at: read.completed_at,
          }).toEqual(item);
        },
      ),
      { numRuns: 40 },
    );
  });
});
