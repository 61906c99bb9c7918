import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  customerSchema,
  customersWriteResponseSchema,
  customerWriteResultSchema,
  type Customer,
} from '../../src/contracts/customer';
import { problemSchema } from '../../src/contracts/problem';
import { customers, tags } from '../db/schema';
import { ADMIN, createTestApp, type TestApp } from '../test/test-app';

let t: TestApp;
let id: number;
beforeAll(async () => {
  t = await createTestApp();
  const response = await t.as(ADMIN, {
    method: 'POST',
    url: '/api/v4/customers',
    payload: [
      {
        name: 'Patch Me Ltd',
        _embedded: {
          tags: [{ name: 'alpha' }, { name: 'beta' }],
          segments: [{ id: 1 }, { id: 2 }],
        },
        custom_fields_values: [
          { field_id: 1, values: [{ value: 'old@patch.example' }] },
          { field_id: 2, values: [{ value: '+100' }] },
        ],
      },
    ],
  });
  id = customersWriteResponseSchema.parse(response.json())._embedded.customers[0]!.id;
});
afterAll(() => t.close());

const patch = (payload: unknown, url = '/api/v4/customers') =>
  t.as(ADMIN, { method: 'PATCH', url, payload: payload as object });
async function read(customerId = id): Promise<Customer> {
  return customerSchema.parse(
    (await t.as(ADMIN, { method: 'GET', url: `/api/v4/customers/${customerId}` })).json(),
  );
}
const tagNames = (c: Customer) => c._embedded.tags.map((tg) => tg.name).sort();

describe('PATCH /api/v4/customers', () => {
  it('updates the given fields only and answers ids, updated_at and request_id', async () => {
    const before = await read();
    const response = await patch([{ id, name: 'Patched Ltd', next_price: 777, request_id: 'r1' }]);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/hal+json');
    const [result] = customersWriteResponseSchema.parse(response.json())._embedded.customers;
    expect(result).toMatchObject({ id, request_id: 'r1' });
    expect(result!.updated_at).toBeGreaterThanOrEqual(before.updated_at);
    const after = await read();
    expect(after).toMatchObject({
      name: 'Patched Ltd',
      next_price: 777,
      next_date: before.next_date,
      updated_at: result!.updated_at,
    });
    expect(tagNames(after)).toEqual(['alpha', 'beta']);
    // The search text follows the new name.
    const search = await t.as(ADMIN, {
      method: 'GET',
      url: '/api/v4/customers?query=patched%20ltd',
    });
    expect(search.json()._embedded.customers.map((c: Customer) => c.id)).toEqual([id]);
  });

  it('replaces tags with _embedded.tags, then adjusts with tags_to_add and tags_to_delete', async () => {
    await patch([{ id, _embedded: { tags: [{ name: 'gamma' }] } }]);
    expect(tagNames(await read())).toEqual(['gamma']);
    await patch([{ id, tags_to_add: [{ name: 'delta' }, { name: 'gamma' }] }]);
    expect(tagNames(await read())).toEqual(['delta', 'gamma']);
    const [gamma] = await t.database.db.select().from(tags).where(eq(tags.name, 'gamma'));
    await patch([{ id, tags_to_delete: [{ id: gamma!.id }, { name: 'no such tag' }] }]);
    expect(tagNames(await read())).toEqual(['delta']);
    expect(await t.database.db.select().from(tags).where(eq(tags.name, 'no such tag'))).toEqual([]);
  });

  it('replaces segments and merges custom fields by field_id, clearing those sent empty', async () => {
    await patch([
      {
        id,
        _embedded: { segments: [{ id: 3 }] },
        custom_fields_values: [
          { field_id: 1, values: [{ value: 'new@patch.example' }] },
          { field_id: 2, values: [] },
          { field_id: 9, values: [{ value: 'A note' }] },
        ],
      },
    ]);
    const after = await read();
    expect(after._embedded.segments.map((s) => s.id)).toEqual([3]);
    const values = Object.fromEntries(
      after.custom_fields_values!.map((f) => [f.field_id, f.values[0]!.value]),
    );
    expect(values).toEqual({ 1: 'new@patch.example', 9: 'A note' });
    await patch([{ id, custom_fields_values: null }]);
    expect((await read()).custom_fields_values).toBeNull();
  });

  it('answers the single form /{id} with the entity summary, the id taken from the path', async () => {
    const response = await patch({ name: 'Single Form', id: 1 }, `/api/v4/customers/${id}`);
    expect(response.statusCode).toBe(200);
    const body = customerWriteResultSchema.parse(response.json());
    expect(body).toMatchObject({ id, request_id: '0', updated_at: expect.any(Number) });
    expect((await read()).name).toBe('Single Form');
    expect((await read(1)).name).not.toBe('Single Form');
    expect((await patch([{ id }], `/api/v4/customers/${id}`)).statusCode).toBe(400);
    expect((await patch({ name: 'x' }, '/api/v4/customers/abc')).statusCode).toBe(400);
  });

  it('refuses an item without id, or with an unknown id, naming it, and writes nothing', async () => {
    const before = await read();
    const response = await patch([
      { id, name: 'Must not stick' },
      { name: 'No id', request_id: 'no-id' },
      { id: 999_999, name: 'Ghost', request_id: 'ghost' },
    ]);
    expect(response.statusCode).toBe(400);
    const errors = problemSchema.parse(response.json())['validation-errors']!;
    expect(errors.map((e) => e.request_id)).toEqual(['no-id']);
    expect(errors[0]!.errors[0]).toMatchObject({ path: 'id', code: 'NotBlank' });

    const ghost = await patch([
      { id, name: 'Must not stick' },
      { id: 999_999, request_id: 'ghost' },
    ]);
    const ghostErrors = problemSchema.parse(ghost.json())['validation-errors']!;
    expect(ghostErrors).toEqual([
      { request_id: 'ghost', errors: [expect.objectContaining({ path: 'id', code: 'NotFound' })] },
    ]);
    expect((await read()).name).toBe(before.name);
  });

  it('refuses wrong types, 251 items and an empty body', async () => {
    expect((await patch([{ id, next_date: 'soon' }])).statusCode).toBe(400);
    const many = await patch(Array.from({ length: 251 }, () => ({ id })));
    expect(many.statusCode).toBe(422);
    const empty = await t.as(ADMIN, {
      method: 'PATCH',
      url: '/api/v4/customers',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expect(empty.statusCode).toBe(400);
    const [row] = await t.database.db.select().from(customers).where(eq(customers.id, id));
    expect(row!.nextDate).toBeNull();
  });
});
