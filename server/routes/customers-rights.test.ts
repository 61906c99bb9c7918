import { count, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customersPageSchema, customersWriteResponseSchema } from '../../src/contracts/customer';
import { customers, users } from '../db/schema';
import { ADMIN, createTestApp, SALES, type TestApp } from '../test/test-app';

let t: TestApp;
let salesId: number;
let ownId: number;
let foreignId: number;
beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  salesId = (await db.select().from(users).where(eq(users.email, SALES)))[0]!.id;
  ownId = (
    await db.select().from(customers).where(eq(customers.responsibleUserId, salesId)).limit(1)
  )[0]!.id;
  foreignId = (
    await db.select().from(customers).where(ne(customers.responsibleUserId, salesId)).limit(1)
  )[0]!.id;
});
afterAll(() => t.close());

const nameOf = async (id: number) =>
  (
    await t.database.db.select({ name: customers.name }).from(customers).where(eq(customers.id, id))
  )[0]!.name;
const customerCount = async () =>
  (await t.database.db.select({ n: count() }).from(customers))[0]!.n;

describe('customers rights', () => {
  it('lets sales (edit M) update their own customer but not a colleague’s (403, unchanged)', async () => {
    const before = await nameOf(foreignId);
    const refused = await t.as(SALES, {
      method: 'PATCH',
      url: '/api/v4/customers',
      payload: [{ id: foreignId, name: 'Taken over' }],
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toBe('application/problem+json');
    expect(await nameOf(foreignId)).toBe(before);

    const mixed = await t.as(SALES, {
      method: 'PATCH',
      url: '/api/v4/customers',
      payload: [
        { id: ownId, name: 'Mine, renamed' },
        { id: foreignId, name: 'Taken over' },
      ],
    });
    expect(mixed.statusCode).toBe(403);
    expect(await nameOf(ownId)).not.toBe('Mine, renamed');

    const single = await t.as(SALES, {
      method: 'PATCH',
      url: `/api/v4/customers/${foreignId}`,
      payload: { name: 'Taken over' },
    });
    expect(single.statusCode).toBe(403);

    const own = await t.as(SALES, {
      method: 'PATCH',
      url: `/api/v4/customers/${ownId}`,
      payload: { name: 'Mine, renamed' },
    });
    expect(own.statusCode).toBe(200);
    expect(await nameOf(ownId)).toBe('Mine, renamed');
  });

  it('never shows a view-M user another user’s customer: not in lists, by id or by filter', async () => {
    const viewer = await t.createUser({
      customers: { view: 'M', edit: 'M', add: 'A', delete: 'D', export: 'D' },
    });
    const created = await t.as(viewer.email, {
      method: 'POST',
      url: '/api/v4/customers',
      payload: [{ name: 'Viewer owned' }],
    });
    const mine = customersWriteResponseSchema.parse(created.json())._embedded.customers[0]!.id;

    const listed = await t.as(viewer.email, { method: 'GET', url: '/api/v4/customers?limit=250' });
    const page = customersPageSchema.parse(listed.json());
    expect(page._embedded.customers.map((c) => c.id)).toEqual([mine]);
    expect(page._links.next).toBeUndefined();

    const byId = await t.as(viewer.email, { method: 'GET', url: `/api/v4/customers/${foreignId}` });
    expect(byId.statusCode).toBe(204);
    const byFilter = await t.as(viewer.email, {
      method: 'GET',
      url: `/api/v4/customers?filter[id]=${foreignId}`,
    });
    expect(byFilter.statusCode).toBe(204);
    const byQuery = await t.as(viewer.email, {
      method: 'GET',
      url: `/api/v4/customers?query=${encodeURIComponent(await nameOf(foreignId))}`,
    });
    expect(byQuery.statusCode).toBe(204);

    // Patching it looks exactly like patching a missing customer.
    const patched = await t.as(viewer.email, {
      method: 'PATCH',
      url: '/api/v4/customers',
      payload: [{ id: foreignId, name: 'x' }],
    });
    expect(patched.statusCode).toBe(400);
    expect(patched.json()['validation-errors'][0].errors[0]).toMatchObject({
      path: 'id',
      code: 'NotFound',
    });
  });

  it('refuses to add customers for a user whose add right is D', async () => {
    const before = await customerCount();
    const readOnly = await t.createUser({
      customers: { view: 'A', edit: 'D', add: 'D', delete: 'D', export: 'D' },
    });
    const response = await t.as(readOnly.email, {
      method: 'POST',
      url: '/api/v4/customers',
      payload: [{ name: 'Nope' }],
    });
    expect(response.statusCode).toBe(403);
    expect(await customerCount()).toBe(before);
  });

  it('refuses a cookie request from a foreign Origin (CSRF) and changes nothing', async () => {
    const before = await customerCount();
    const beforeName = await nameOf(ownId);
    const cookie = await t.cookieFor(ADMIN);
    const headers = { cookie, origin: 'https://evil.example' };
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v4/customers',
      headers,
      payload: [{ name: 'CSRF' }],
    });
    expect(created.statusCode).toBe(403);
    expect(created.headers['content-type']).toBe('application/problem+json');
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v4/customers/${ownId}`,
      headers,
      payload: { name: 'CSRF' },
    });
    expect(patched.statusCode).toBe(403);
    expect(await customerCount()).toBe(before);
    expect(await nameOf(ownId)).toBe(beforeName);
  });

  it('answers 401 to writes without credentials', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v4/customers',
      payload: [{ name: 'Anon' }],
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toBe('application/problem+json');
  });
});
