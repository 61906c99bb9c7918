import { and, between, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER_ORDER_FIELDS, customersPageSchema } from '../../src/contracts/customer';
import { customers } from '../db/schema';
import { ADMIN, createTestApp, type TestApp } from '../test/test-app';

// The list reads a page's ids from a per-order index first, then those rows (customer-repository):
// pages must still tile the whole ordered list, with deleted and invisible customers left out.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // A deleted customer in the middle of every order.
  await t.database.db.update(customers).set({ isDeleted: true }).where(eq(customers.id, 7));
});
afterAll(() => t.close());

async function pageIds(query: string, user = ADMIN): Promise<{ ids: number[]; next: boolean }> {
  const response = await t.as(user, { method: 'GET', url: `/api/v4/customers?${query}` });
  if (response.statusCode === 204) return { ids: [], next: false };
  expect(response.statusCode).toBe(200);
  const page = customersPageSchema.parse(response.json());
  return { ids: page._embedded.customers.map((c) => c.id), next: Boolean(page._links.next) };
}

describe('list pages', () => {
  it.each(CUSTOMER_ORDER_FIELDS.flatMap((f) => [`${f}=asc`, `${f}=desc`]))(
    'order[%s]: eight pages of 25 are the first two pages of 100, in order',
    async (order) => {
      const [field, direction] = order.split('=');
      const by = `order[${field}]=${direction}`;
      const big = [
        ...(await pageIds(`limit=100&page=1&${by}`)).ids,
        ...(await pageIds(`limit=100&page=2&${by}`)).ids,
      ];
      const small: number[] = [];
      for (let page = 1; page <= 8; page++) {
        small.push(...(await pageIds(`limit=25&page=${page}&${by}`)).ids);
      }
      expect(small).toHaveLength(200);
      expect(small).toEqual(big);
    },
  );

  it('walks every live customer exactly once to the last page, which has no next link', async () => {
    const [row] = await t.database.db
      .select({ live: count() })
      .from(customers)
      .where(eq(customers.isDeleted, false));
    const live = row!.live;
    const seen: number[] = [];
    let last = { ids: [] as number[], next: true };
    for (let page = 1; last.next; page++) {
      last = await pageIds(`limit=50&page=${page}&order[name]=desc`);
      seen.push(...last.ids);
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(live);
    expect(seen).not.toContain(7);
    const past = await t.as(ADMIN, {
      method: 'GET',
      url: `/api/v4/customers?limit=50&page=${Math.ceil(live / 50) + 1}&order[name]=desc`,
    });
    expect(past.statusCode).toBe(204);
  });

  it("a view-M user's pages hold only their own customers, all of them", async () => {
    const user = await t.createUser({
      customers: { view: 'M', edit: 'M', add: 'M', delete: 'D', export: 'D' },
    });
    await t.database.db
      .update(customers)
      .set({ responsibleUserId: user.id })
      .where(between(customers.id, 40, 240));
    const own = await t.database.db
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.responsibleUserId, user.id), eq(customers.isDeleted, false)));
    expect(own.length).toBeGreaterThan(150);
    const seen: number[] = [];
    let last = { ids: [] as number[], next: true };
    for (let page = 1; last.next; page++) {
      last = await pageIds(`limit=25&page=${page}&order[ltv]=desc`, user.email);
      seen.push(...last.ids);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual(own.map((r) => r.id).sort((a, b) => a - b));
  });
});
