import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customersWriteResponseSchema } from '../../src/contracts/customer';
import { segmentSchema, segmentsPageSchema } from '../../src/contracts/segment';
import { customers, customerSegments, segments, users } from '../db/schema';
import { ADMIN, createTestApp, SALES, type TestApp } from '../test/test-app';

// segments.customers_count is kept by database triggers; these tests change membership and
// deletion every way the app (and a hand on the database) can, and compare the listed counts
// with a count of the rows.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const SEGMENTS = '/api/v4/customers/segments';
const CUSTOMERS = '/api/v4/customers';

type Counts = Record<number, number>;

/** customers_count of every segment, as `email` is answered by the segments list. */
async function listed(email: string): Promise<Counts> {
  const response = await t.as(email, { method: 'GET', url: `${SEGMENTS}?limit=250` });
  expect(response.statusCode).toBe(200);
  const page = segmentsPageSchema.parse(response.json());
  return Object.fromEntries(page._embedded.segments.map((s) => [s.id, s.customers_count]));
}

/** Live customers per segment counted from the rows, optionally only those of `owners`. */
async function counted(owners?: number[]): Promise<Counts> {
  const db = t.database.db;
  const all = await db.select({ id: segments.id }).from(segments);
  const rows = await db
    .select({ id: customerSegments.segmentId, n: count() })
    .from(customerSegments)
    .innerJoin(customers, eq(customers.id, customerSegments.customerId))
    .where(
      and(
        eq(customers.isDeleted, false),
        owners ? inArray(customers.responsibleUserId, owners) : undefined,
      ),
    )
    .groupBy(customerSegments.segmentId);
  const byId = new Map(rows.map((r) => [r.id, Number(r.n)]));
  return Object.fromEntries(all.map((s) => [s.id, byId.get(s.id) ?? 0]));
}

const plus = (base: Counts, delta: Counts): Counts =>
  Object.fromEntries(Object.entries(base).map(([id, n]) => [id, n + (delta[Number(id)] ?? 0)]));

async function createCustomers(email: string, segmentSets: number[][]): Promise<number[]> {
  const response = await t.as(email, {
    method: 'POST',
    url: CUSTOMERS,
    payload: segmentSets.map((ids, i) => ({
      name: `Counted ${i}`,
      _embedded: { segments: ids.map((id) => ({ id })) },
    })),
  });
  expect(response.statusCode).toBe(200);
  return customersWriteResponseSchema.parse(response.json())._embedded.customers.map((c) => c.id);
}

async function setSegments(email: string, items: Array<{ id: number; segments: number[] }>) {
  const response = await t.as(email, {
    method: 'PATCH',
    url: CUSTOMERS,
    payload: items.map(({ id, segments: ids }) => ({
      id,
      _embedded: { segments: ids.map((s) => ({ id: s })) },
    })),
  });
  expect(response.statusCode).toBe(200);
}

describe('segment customers_count', () => {
  it('starts from the seeded links', async () => {
    const counts = await listed(ADMIN);
    expect(counts).toEqual(await counted());
    expect(Object.values(counts).some((n) => n > 0)).toBe(true);
  });

  it('counts a batch of 250 customers created with segments', async () => {
    const before = await listed(ADMIN);
    // Duplicates in one customer's list are one link.
    const sets = Array.from({ length: 250 }, (_, i) => [[1], [1, 2], [2, 2, 3], []][i % 4]!);
    await createCustomers(ADMIN, sets);
    const after = await listed(SALES);
    expect(after).toEqual(plus(before, { 1: 63 + 63, 2: 63 + 62, 3: 62 }));
    expect(after).toEqual(await counted());
    const one = await t.as(SALES, { method: 'GET', url: `${SEGMENTS}/1` });
    expect(segmentSchema.parse(one.json()).customers_count).toBe(after[1]);
  });

  it('moves customers between segments on update, and leaves counts alone otherwise', async () => {
    const ids = await createCustomers(ADMIN, [[4], [4, 5], [5]]);
    const before = await listed(ADMIN);
    await setSegments(ADMIN, [
      { id: ids[0]!, segments: [5, 6] },
      { id: ids[1]!, segments: [] },
      { id: ids[2]!, segments: [5] },
    ]);
    expect(await listed(ADMIN)).toEqual(plus(before, { 4: -2, 5: 0, 6: 1 }));

    const renamed = await t.as(ADMIN, {
      method: 'PATCH',
      url: `${CUSTOMERS}/${ids[2]}`,
      payload: { name: 'Renamed, same segments' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(await listed(ADMIN)).toEqual(plus(before, { 4: -2, 6: 1 }));
    expect(await listed(ADMIN)).toEqual(await counted());
  });

  // The API has no customer delete (nor has amoCRM's v4), so these go to the database directly.
  it('drops a deleted customer from its segments and counts it again when restored', async () => {
    const db = t.database.db;
    const ids = await createCustomers(ADMIN, [[7, 8], [7], [8]]);
    const before = await listed(ADMIN);
    await db.update(customers).set({ isDeleted: true }).where(inArray(customers.id, ids));
    expect(await listed(ADMIN)).toEqual(plus(before, { 7: -2, 8: -2 }));

    // Links of a deleted customer do not count, and removing them changes nothing.
    await db.insert(customerSegments).values({ customerId: ids[2]!, segmentId: 9 });
    await db
      .delete(customerSegments)
      .where(and(eq(customerSegments.customerId, ids[1]!), eq(customerSegments.segmentId, 7)));
    expect(await listed(ADMIN)).toEqual(plus(before, { 7: -2, 8: -2 }));

    await db.update(customers).set({ isDeleted: false }).where(inArray(customers.id, ids));
    expect(await listed(ADMIN)).toEqual(plus(before, { 7: -1, 9: 1 }));
    expect(await listed(ADMIN)).toEqual(await counted());
  });

  it('follows customers removed from the database, deleted first or not', async () => {
    const db = t.database.db;
    const [live, deleted] = await createCustomers(ADMIN, [[10, 11], [10]]);
    await db.update(customers).set({ isDeleted: true }).where(eq(customers.id, deleted!));
    const before = await listed(ADMIN);
    await db.delete(customers).where(inArray(customers.id, [live!, deleted!]));
    expect(await listed(ADMIN)).toEqual(plus(before, { 10: -1, 11: -1 }));
    expect(await listed(ADMIN)).toEqual(await counted());
  });

  it('keeps the other segments exact when a segment is deleted', async () => {
    await createCustomers(ADMIN, [[12, 13], [12], [13, 14]]);
    const before = await listed(ADMIN);
    expect((await t.as(ADMIN, { method: 'DELETE', url: `${SEGMENTS}/12` })).statusCode).toBe(204);
    const { 12: gone, ...rest } = before;
    expect(gone).toBeGreaterThan(0);
    expect(await listed(ADMIN)).toEqual(rest);
    expect(await listed(ADMIN)).toEqual(await counted());
  });

  it('counts for a restricted viewer only the customers they may see', async () => {
    const viewer = await t.createUser({
      customers: { view: 'M', edit: 'M', add: 'A', delete: 'D', export: 'D' },
    });
    const none = await listed(viewer.email);
    expect(Object.values(none).every((n) => n === 0)).toBe(true);

    const everyone = await listed(ADMIN);
    const [first] = await createCustomers(viewer.email, [[1, 2], [2], [15]]);
    expect(await listed(viewer.email)).toEqual(plus(none, { 1: 1, 2: 2, 15: 1 }));
    expect(await listed(viewer.email)).toEqual(await counted([viewer.id]));
    expect(await listed(ADMIN)).toEqual(plus(everyone, { 1: 1, 2: 2, 15: 1 }));

    await setSegments(viewer.email, [{ id: first!, segments: [15] }]);
    expect(await listed(viewer.email)).toEqual(plus(none, { 2: 1, 15: 2 }));
    expect(await listed(ADMIN)).toEqual(plus(everyone, { 2: 1, 15: 2 }));
  });

  it('counts for a group viewer the customers of their group', async () => {
    const db = t.database.db;
    const viewer = await t.createUser({
      customers: { view: 'G', edit: 'G', add: 'A', delete: 'D', export: 'D' },
      groupId: 1,
    });
    const group = await db.select({ id: users.id }).from(users).where(eq(users.groupId, 1));
    const expected = await counted(group.map((u) => u.id));
    expect(Object.values(expected).some((n) => n > 0)).toBe(true);
    expect(await listed(viewer.email)).toEqual(expected);
    expect(await listed(viewer.email)).not.toEqual(await listed(ADMIN));
  });
});
