import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bonusPointsResponseSchema } from '../../src/contracts/customer';
import { problemSchema } from '../../src/contracts/problem';
import { customers, users } from '../db/schema';
import { ADMIN, createTestApp, SALES, type TestApp } from '../test/test-app';

let t: TestApp;
let adminId: number;
let salesId: number;
beforeAll(async () => {
  t = await createTestApp();
  const rows = await t.database.db.select({ id: users.id, email: users.email }).from(users);
  adminId = rows.find((r) => r.email === ADMIN)!.id;
  salesId = rows.find((r) => r.email === SALES)!.id;
});
afterAll(() => t.close());

async function freshCustomer(owner: number, bonusPoints = 0) {
  const [row] = await t.database.db
    .insert(customers)
    .values({
      name: 'Loyal buyer',
      responsibleUserId: owner,
      createdBy: owner,
      updatedBy: owner,
      createdAt: 1,
      updatedAt: 1,
      bonusPoints,
    })
    .returning({ id: customers.id });
  return row!.id;
}

const post = (id: number | string, payload: unknown, as = ADMIN) =>
  t.as(as, {
    method: 'POST',
    url: `/api/v4/customers/${id}/bonus_points`,
    payload: payload as object,
  });

async function balance(id: number) {
  const [row] = await t.database.db
    .select({ points: customers.bonusPoints })
    .from(customers)
    .where(eq(customers.id, id));
  return row!.points;
}

describe('POST /api/v4/customers/{id}/bonus_points', () => {
  it('earns and redeems, answering the new balance', async () => {
    const id = await freshCustomer(adminId);
    const earned = await post(id, { earn: 500 });
    expect(earned.statusCode).toBe(200);
    expect(earned.headers['content-type']).toBe('application/hal+json');
    expect(bonusPointsResponseSchema.parse(earned.json())).toEqual({ bonus_points: 500 });

    const redeemed = await post(id, { redeem: 120 });
    expect(bonusPointsResponseSchema.parse(redeemed.json())).toEqual({ bonus_points: 380 });
    expect(await balance(id)).toBe(380);

    const all = await post(id, { redeem: 380 });
    expect(bonusPointsResponseSchema.parse(all.json())).toEqual({ bonus_points: 0 });
  });

  it('refuses to redeem more than the balance with a 400 problem, balance unchanged', async () => {
    const id = await freshCustomer(adminId, 100);
    const response = await post(id, { redeem: 101 });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(problemSchema.parse(response.json()).detail).toMatch(/fewer bonus points/);
    expect(await balance(id)).toBe(100);
  });

  it('answers 400 for a body that is neither earn nor redeem', async () => {
    const id = await freshCustomer(adminId, 10);
    for (const body of [
      {},
      { earn: 0 },
      { earn: -5 },
      { redeem: 1.5 },
      { earn: '5' },
      { earn: 1, redeem: 1 },
      [],
    ]) {
      const response = await post(id, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      problemSchema.parse(response.json());
    }
    const empty = await t.as(ADMIN, {
      method: 'POST',
      url: `/api/v4/customers/${id}/bonus_points`,
      headers: { 'content-type': 'application/json' },
    });
    expect(empty.statusCode).toBe(400);
    expect(await balance(id)).toBe(10);
  });

  it('answers 400 for a missing customer or an odd id', async () => {
    expect((await post(2_147_483_647, { earn: 1 })).statusCode).toBe(400);
    expect((await post('abc', { earn: 1 })).statusCode).toBe(400);
  });

  it("needs the edit right: 403 for a sales user on another user's customer", async () => {
    const theirs = await freshCustomer(adminId, 50);
    const refused = await post(theirs, { earn: 10 }, SALES);
    expect(refused.statusCode).toBe(403);
    expect(await balance(theirs)).toBe(50);

    const own = await freshCustomer(salesId);
    const allowed = await post(own, { earn: 10 }, SALES);
    expect(bonusPointsResponseSchema.parse(allowed.json())).toEqual({ bonus_points: 10 });
  });
});
