import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  customerSchema,
  customersWriteResponseSchema,
  type Customer,
  type CustomerCreate,
} from '../../src/contracts/customer';
import { problemSchema } from '../../src/contracts/problem';
import { customers, customFields, segments, tags, users } from '../db/schema';
import { ADMIN, createTestApp, type TestApp } from '../test/test-app';

let t: TestApp;
let fieldId: Record<string, number>;
let adminId: number;
beforeAll(async () => {
  t = await createTestApp();
  const fields = await t.database.db
    .select()
    .from(customFields)
    .where(eq(customFields.entityType, 'customers'));
  fieldId = Object.fromEntries(fields.map((f) => [f.code!, f.id]));
  const [admin] = await t.database.db.select().from(users).where(eq(users.email, ADMIN));
  adminId = admin!.id;
  // The table of bad items below names the seeded field ids directly.
  expect(fieldId).toMatchObject({
    REVENUE: 3,
    INDUSTRY: 4,
    CONTRACT_DATE: 6,
    NEWSLETTER: 7,
    WEBSITE: 8,
  });
});
afterAll(() => t.close());

const post = (payload: unknown) =>
  t.as(ADMIN, { method: 'POST', url: '/api/v4/customers', payload: payload as object });
const customerCount = async () =>
  (await t.database.db.select({ n: count() }).from(customers))[0]!.n;
async function read(id: number): Promise<Customer> {
  const response = await t.as(ADMIN, { method: 'GET', url: `/api/v4/customers/${id}` });
  return customerSchema.parse(response.json());
}
function expectValidation(response: {
  statusCode: number;
  headers: Record<string, unknown>;
  json: () => unknown;
}) {
  expect(response.statusCode).toBe(400);
  expect(response.headers['content-type']).toBe('application/problem+json');
  return problemSchema.parse(response.json())['validation-errors'] ?? [];
}

describe('POST /api/v4/customers', () => {
  it('creates a customer with tags by name and id, segments and custom fields, then reads it back', async () => {
    const [segment] = await t.database.db.select().from(segments).limit(1);
    const [tag] = await t.database.db.select().from(tags).limit(1);
    const response = await post([
      {
        name: 'Blue Harbor Traders',
        next_price: 1200,
        request_id: 'mine-1',
        _embedded: {
          tags: [{ name: 'Brand new tag' }, { id: tag!.id }],
          segments: [{ id: segment!.id }],
        },
        custom_fields_values: [
          { field_id: fieldId.EMAIL!, values: [{ value: 'buyer@blueharbor.example' }] },
          { field_id: fieldId.REVENUE!, values: [{ value: 125000 }] },
          { field_id: fieldId.INDUSTRY!, values: [{ value: 'Logistics' }] },
          { field_id: fieldId.NEWSLETTER!, values: [{ value: true }] },
        ],
      },
      { name: 'Second one' },
    ]);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/hal+json');
    const body = customersWriteResponseSchema.parse(response.json());
    expect(body._embedded.customers.map((c) => c.request_id)).toEqual(['mine-1', '1']);
    const [first, second] = body._embedded.customers;
    expect(first!._links.self.href).toMatch(new RegExp(`/api/v4/customers/${first!.id}$`));
    expect(second!.id).toBeGreaterThan(first!.id);

    const customer = await read(first!.id);
    expect(customer).toMatchObject({
      name: 'Blue Harbor Traders',
      next_price: 1200,
      responsible_user_id: adminId,
      created_by: adminId,
      updated_by: adminId,
    });
    expect(Math.abs(customer.created_at - Date.now() / 1000)).toBeLessThan(60);
    expect(customer._embedded.tags.map((tg) => tg.name).sort()).toEqual(
      ['Brand new tag', tag!.name].sort(),
    );
    expect(customer._embedded.segments.map((s) => s.id)).toEqual([segment!.id]);
    const industry = customer.custom_fields_values!.find((f) => f.field_id === fieldId.INDUSTRY);
    expect(industry).toMatchObject({
      field_name: 'Industry',
      field_code: 'INDUSTRY',
      field_type: 'select',
    });
    expect(industry!.values[0]).toMatchObject({ value: 'Logistics', enum_id: expect.any(Number) });
    expect(
      customer.custom_fields_values!.find((f) => f.field_id === fieldId.REVENUE)!.values[0]!.value,
    ).toBe('125000');

    const search = await t.as(ADMIN, {
      method: 'GET',
      url: '/api/v4/customers?query=BLUEHARBOR.example',
    });
    expect(search.json()._embedded.customers.map((c: Customer) => c.id)).toEqual([first!.id]);
  });

  it('finds an existing tag by name case-insensitively instead of duplicating it', async () => {
    const a = customersWriteResponseSchema.parse(
      (await post([{ name: 'A', _embedded: { tags: [{ name: 'Case Tag' }] } }])).json(),
    );
    const b = customersWriteResponseSchema.parse(
      (await post([{ name: 'B', _embedded: { tags: [{ name: 'case TAG' }] } }])).json(),
    );
    const [tagA, tagB] = [
      await read(a._embedded.customers[0]!.id),
      await read(b._embedded.customers[0]!.id),
    ];
    expect(tagB._embedded.tags[0]!.id).toBe(tagA._embedded.tags[0]!.id);
    const rows = await t.database.db
      .select()
      .from(tags)
      .where(sql`lower(${tags.name}) = 'case tag'`);
    expect(rows).toHaveLength(1);
  });

  it('keeps created_by 0 (a robot) and given dates', async () => {
    const body = customersWriteResponseSchema.parse(
      (
        await post({ name: 'Robot made', created_by: 0, created_at: 1_600_000_000, request_id: 7 })
      ).json(),
    );
    expect(body._embedded.customers[0]!.request_id).toBe('7');
    expect(await read(body._embedded.customers[0]!.id)).toMatchObject({
      created_by: 0,
      created_at: 1_600_000_000,
    });
  });

  it('takes 250 items, refuses 251 and 10,000 with 422 and writes nothing', async () => {
    const before = await customerCount();
    const make = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Bulk ${i}` }));
    const ok = await post(make(250));
    expect(ok.statusCode).toBe(200);
    expect(customersWriteResponseSchema.parse(ok.json())._embedded.customers).toHaveLength(250);
    expect(await customerCount()).toBe(before + 250);
    for (const n of [251, 10_000]) {
      const response = await post(make(n));
      expect(response.statusCode).toBe(422);
      expect(response.headers['content-type']).toBe('application/problem+json');
      expect(response.json().detail).toBe('Limit 250 per page');
    }
    expect(await customerCount()).toBe(before + 250);
  });

  it.each<[string, CustomerCreate, string, string]>([
    [
      'an unknown custom field',
      { custom_fields_values: [{ field_id: 999_999, values: [{ value: 'x' }] }] },
      'custom_fields_values.0.field_id',
      'NotSupportedChoice',
    ],
    [
      'a non-numeric numeric field',
      { custom_fields_values: [{ field_id: 3, values: [{ value: 'lots' }] }] },
      'custom_fields_values.0.values.0.value',
      'InvalidType',
    ],
    [
      'an unknown select choice',
      { custom_fields_values: [{ field_id: 4, values: [{ value: 'Mining' }] }] },
      'custom_fields_values.0.values.0.value',
      'NotSupportedChoice',
    ],
    [
      'a checkbox given a string',
      { custom_fields_values: [{ field_id: 7, values: [{ value: 'yes' }] }] },
      'custom_fields_values.0.values.0.value',
      'InvalidType',
    ],
    [
      'a malformed URL',
      { custom_fields_values: [{ field_id: 8, values: [{ value: 'not a url' }] }] },
      'custom_fields_values.0.values.0.value',
      'InvalidFormat',
    ],
    [
      'a date given text',
      { custom_fields_values: [{ field_id: 6, values: [{ value: 'tomorrow' }] }] },
      'custom_fields_values.0.values.0.value',
      'InvalidType',
    ],
    [
      'a missing responsible user',
      { responsible_user_id: 999_999 },
      'responsible_user_id',
      'NotSupportedChoice',
    ],
    [
      'a missing tag id',
      { _embedded: { tags: [{ id: 999_999 }] } },
      '_embedded.tags.0.id',
      'NotSupportedChoice',
    ],
    [
      'a missing segment',
      { _embedded: { segments: [{ id: 999_999 }] } },
      '_embedded.segments.0.id',
      'NotSupportedChoice',
    ],
    ['a wrongly typed name', { name: 5 as unknown as string }, 'name', 'InvalidType'],
    [
      'a next_date past 2038 (a 32-bit column)',
      { next_date: 3_000_000_000 },
      'next_date',
      'OutOfRange',
    ],
    [
      'a wrongly typed price',
      { next_price: '10' as unknown as number },
      'next_price',
      'InvalidType',
    ],
  ])(
    'refuses the whole batch for %s, naming that item and path',
    async (_case, bad, path, code) => {
      const before = await customerCount();
      const response = await post([
        { name: 'Fine', _embedded: { tags: [{ name: 'Should not be created' }] } },
        { name: 'Bad', request_id: 'bad-one', ...bad },
      ]);
      const errors = expectValidation(response);
      expect(errors).toHaveLength(1);
      expect(errors[0]!.request_id).toBe('bad-one');
      expect(errors[0]!.errors).toContainEqual(expect.objectContaining({ path, code }));
      expect(await customerCount()).toBe(before);
      expect(
        await t.database.db.select().from(tags).where(eq(tags.name, 'Should not be created')),
      ).toEqual([]);
    },
  );

  it('answers malformed JSON, an empty body and a non-array body with 400 problems', async () => {
    const malformed = await t.as(ADMIN, {
      method: 'POST',
      url: '/api/v4/customers',
      headers: { 'content-type': 'application/json' },
      payload: '[{"name": "x",',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toBe('application/problem+json');
    const empty = await t.as(ADMIN, {
      method: 'POST',
      url: '/api/v4/customers',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expect(empty.statusCode).toBe(400);
    expect((await post([])).statusCode).toBe(400);
    expect(expectValidation(await post(['just a string']))[0]!.request_id).toBe('0');
  });

  it('answers a 1 MB name with a 4xx, never a 5xx', async () => {
    const before = await customerCount();
    const response = await post([{ name: 'x'.repeat(1024 * 1024) }]);
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(await customerCount()).toBe(before);
  });
});
