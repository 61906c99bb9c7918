import { eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerSchema } from '../../src/contracts/customer';
import { problemSchema } from '../../src/contracts/problem';
import {
  transactionSchema,
  transactionsWriteResponseSchema,
} from '../../src/contracts/transaction';
import { catalogElements, catalogs, customers, transactions, users } from '../db/schema';
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

let nextCustomer = 0;
/** A fresh customer with no transactions, owned by `owner`. */
async function freshCustomer(owner = adminId) {
  const [row] = await t.database.db
    .insert(customers)
    .values({
      name: `Buyer ${++nextCustomer}`,
      nextPrice: 7,
      nextDate: 1_700_000_000,
      responsibleUserId: owner,
      createdBy: owner,
      updatedBy: owner,
      createdAt: 1_600_000_000,
      updatedAt: 1_600_000_000,
    })
    .returning({ id: customers.id });
  return row!.id;
}

async function figures(customerId: number) {
  const [row] = await t.database.db
    .select({
      ltv: customers.ltv,
      purchases_count: customers.purchasesCount,
      average_check: customers.averageCheck,
      next_price: customers.nextPrice,
      next_date: customers.nextDate,
      updated_by: customers.updatedBy,
    })
    .from(customers)
    .where(eq(customers.id, customerId));
  return row!;
}

const add = (customerId: number, payload: unknown, as = ADMIN) =>
  t.as(as, {
    method: 'POST',
    url: `/api/v4/customers/${customerId}/transactions`,
    payload: payload as object,
  });

const remove = (url: string, as = ADMIN) =>
  t.as(as, {
    method: 'DELETE',
    url,
    headers: { 'content-type': 'application/json' },
  });

async function element() {
  const [row] = await t.database.db.select().from(catalogElements).limit(1);
  return row!;
}

describe('POST /api/v4/customers/{customer_id}/transactions', () => {
  it('adds one transaction and updates the customer figures', async () => {
    const customerId = await freshCustomer();
    const before = Math.floor(Date.now() / 1000);
    const response = await add(customerId, [{ price: 1000, comment: 'First' }]);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/hal+json');
    const body = transactionsWriteResponseSchema.parse(response.json());
    expect(body._links.self.href).toMatch(
      new RegExp(`/api/v4/customers/${customerId}/transactions$`),
    );
    const [added] = body._embedded.transactions;
    expect(added!.request_id).toBe('0');
    expect(added!._links.self.href).toMatch(
      new RegExp(`/api/v4/customers/${customerId}/transactions/${added!.id}$`),
    );
    expect(await figures(customerId)).toMatchObject({
      ltv: 1000,
      purchases_count: 1,
      average_check: 1000,
      next_price: 7,
      next_date: 1_700_000_000,
      updated_by: adminId,
    });

    const fetched = transactionSchema.parse(
      (
        await t.as(ADMIN, { method: 'GET', url: `/api/v4/customers/transactions/${added!.id}` })
      ).json(),
    );
    expect(fetched).toMatchObject({
      price: 1000,
      comment: 'First',
      created_by: adminId,
      customer_id: customerId,
    });
    expect(fetched.completed_at).toBeGreaterThanOrEqual(before);
  });

  it('adds several, echoes request ids and lets the last next_price/next_date win', async () => {
    const customerId = await freshCustomer();
    const { id: elementId, catalogId } = await element();
    const response = await add(customerId, [
      {
        price: 100,
        request_id: 'a',
        next_price: 50,
        next_date: 1_800_000_000,
        completed_at: 1_750_000_000,
      },
      {
        price: 200,
        request_id: 7,
        _embedded: {
          catalog_elements: [{ id: elementId, metadata: { catalog_id: catalogId, quantity: 3 } }],
        },
      },
      { price: 401, next_price: 60, next_date: 1_900_000_000, created_by: 0 },
    ]);
    expect(response.statusCode).toBe(200);
    const body = transactionsWriteResponseSchema.parse(response.json());
    expect(body._embedded.transactions.map((x) => x.request_id)).toEqual(['a', '7', '2']);
    expect(await figures(customerId)).toMatchObject({
      ltv: 701,
      purchases_count: 3,
      average_check: 233, // floor(701 / 3)
      next_price: 60,
      next_date: 1_900_000_000,
    });
    const second = transactionSchema.parse(
      (
        await t.as(ADMIN, {
          method: 'GET',
          url: `/api/v4/customers/${customerId}/transactions/${body._embedded.transactions[1]!.id}`,
        })
      ).json(),
    );
    expect(second._embedded.catalog_elements).toEqual([
      { id: elementId, metadata: { catalog_id: catalogId, quantity: 3 } },
    ]);
    const first = await t.database.db
      .select()
      .from(transactions)
      .where(eq(transactions.id, body._embedded.transactions[0]!.id));
    expect(first[0]!.completedAt).toBe(1_750_000_000);
  });

  it('takes a lone object as a one-item batch, and clears next_date when sent null', async () => {
    const customerId = await freshCustomer();
    const response = await add(customerId, { price: 5, next_date: null });
    expect(response.statusCode).toBe(200);
    expect(await figures(customerId)).toMatchObject({ ltv: 5, next_date: null });
  });

  it('adds nothing when one item is bad, naming its request_id', async () => {
    const customerId = await freshCustomer();
    await add(customerId, [{ price: 300 }]);
    const before = await figures(customerId);
    for (const bad of [
      { comment: 'no price' },
      { price: 0 },
      { price: -5 },
      { price: '10' },
      { price: 1.5 },
    ]) {
      const response = await add(customerId, [{ price: 10 }, { ...bad, request_id: 'bad-one' }]);
      expect(response.statusCode, JSON.stringify(bad)).toBe(400);
      expect(response.headers['content-type']).toBe('application/problem+json');
      const problem = problemSchema.parse(response.json());
      expect(problem['validation-errors']).toEqual([
        expect.objectContaining({
          request_id: 'bad-one',
          errors: expect.arrayContaining([expect.objectContaining({ path: 'price' })]),
        }),
      ]);
    }
    expect(await figures(customerId)).toEqual(before);
    const count = await t.database.db
      .select()
      .from(transactions)
      .where(eq(transactions.customerId, customerId));
    expect(count).toHaveLength(1);
  });

  it('refuses catalog elements that do not exist or belong to another catalog', async () => {
    const customerId = await freshCustomer();
    const { id: elementId, catalogId } = await element();
    const [otherCatalog] = await t.database.db
      .insert(catalogs)
      .values({ name: 'Services' })
      .returning();
    const response = await add(customerId, [
      {
        price: 10,
        _embedded: {
          catalog_elements: [{ id: 2_000_000_000, metadata: { catalog_id: catalogId } }],
        },
      },
      {
        price: 10,
        _embedded: {
          catalog_elements: [{ id: elementId, metadata: { catalog_id: otherCatalog!.id } }],
        },
      },
      { price: 10, created_by: 999_999 },
      { price: 10 },
    ]);
    expect(response.statusCode).toBe(400);
    const problem = problemSchema.parse(response.json());
    expect(problem['validation-errors']).toEqual([
      {
        request_id: '0',
        errors: [
          expect.objectContaining({ code: 'NotFound', path: '_embedded.catalog_elements.0.id' }),
        ],
      },
      {
        request_id: '1',
        errors: [
          expect.objectContaining({ path: '_embedded.catalog_elements.0.metadata.catalog_id' }),
        ],
      },
      { request_id: '2', errors: [expect.objectContaining({ path: 'created_by' })] },
    ]);
    expect(await figures(customerId)).toMatchObject({ ltv: 0, purchases_count: 0 });
  });

  it('keeps the figures exact when purchases for one customer arrive at once', async () => {
    const customerId = await freshCustomer();
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => add(customerId, [{ price: 10 * (i + 1) }])),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array.from({ length: 8 }, () => 200));
    expect(await figures(customerId)).toMatchObject({
      ltv: 360,
      purchases_count: 8,
      average_check: 45,
    });
  });

  it('answers 422 for more than 250 items and adds nothing', async () => {
    const customerId = await freshCustomer();
    const response = await add(
      customerId,
      Array.from({ length: 251 }, () => ({ price: 1 })),
    );
    expect(response.statusCode).toBe(422);
    expect(problemSchema.parse(response.json()).detail).toBe('Limit 250 per page');
    expect(await figures(customerId)).toMatchObject({ ltv: 0, purchases_count: 0 });
  });

  it('accepts exactly 250 items', async () => {
    const customerId = await freshCustomer();
    const response = await add(
      customerId,
      Array.from({ length: 250 }, (_, i) => ({ price: i + 1 })),
    );
    expect(response.statusCode).toBe(200);
    expect(
      transactionsWriteResponseSchema.parse(response.json())._embedded.transactions,
    ).toHaveLength(250);
    expect(await figures(customerId)).toMatchObject({
      ltv: 31_375,
      purchases_count: 250,
      average_check: 125,
    });
  });

  it('answers 400 for an empty body, an empty array, malformed JSON and non-object items', async () => {
    const customerId = await freshCustomer();
    const url = `/api/v4/customers/${customerId}/transactions`;
    const responses = [
      await t.as(ADMIN, { method: 'POST', url, headers: { 'content-type': 'application/json' } }),
      await add(customerId, []),
      await t.as(ADMIN, {
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json' },
        payload: '[{"price":',
      }),
      await add(customerId, [42]),
    ];
    for (const response of responses) {
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toBe('application/problem+json');
    }
  });

  it('answers 400 "not found" for a missing customer and for an odd id', async () => {
    const missing = await add(2_147_483_647, [{ price: 1 }]);
    expect(missing.statusCode).toBe(400);
    expect(problemSchema.parse(missing.json()).detail).toMatch(/not found/);
    expect((await add('abc' as unknown as number, [{ price: 1 }])).statusCode).toBe(400);
  });

  it("refuses a sales user (edit M) on another user's customer with 403, figures unchanged", async () => {
    const customerId = await freshCustomer(adminId);
    await add(customerId, [{ price: 40 }]);
    const before = await figures(customerId);
    const response = await add(customerId, [{ price: 10 }], SALES);
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(await figures(customerId)).toEqual(before);

    const own = await freshCustomer(salesId);
    const allowed = await add(own, [{ price: 10 }], SALES);
    expect(allowed.statusCode).toBe(200);
  });

  it('answers 400 "not found" to a view-M user adding to a customer they cannot see', async () => {
    const viewer = await t.createUser({
      customers: { view: 'M', edit: 'M', add: 'A', delete: 'D', export: 'D' },
    });
    const customerId = await freshCustomer(adminId);
    const response = await add(customerId, [{ price: 10 }], viewer.email);
    expect(response.statusCode).toBe(400);
    expect(await figures(customerId)).toMatchObject({ ltv: 0, purchases_count: 0 });
  });
});

describe('the customer as API clients see it', () => {
  it('GET /api/v4/customers/{id} shows the figures after adding and after deleting', async () => {
    const customerId = await freshCustomer();
    const seen = async () => {
      const response = await t.as(ADMIN, { method: 'GET', url: `/api/v4/customers/${customerId}` });
      expect(response.statusCode).toBe(200);
      return customerSchema.parse(response.json());
    };
    const added = transactionsWriteResponseSchema.parse(
      (
        await add(customerId, [
          { price: 250 },
          { price: 101, next_price: 300, next_date: 1_950_000_000 },
        ])
      ).json(),
    );
    expect(await seen()).toMatchObject({
      ltv: 351,
      purchases_count: 2,
      average_check: 175,
      next_price: 300,
      next_date: 1_950_000_000,
    });
    await remove(
      `/api/v4/customers/${customerId}/transactions/${added._embedded.transactions[1]!.id}`,
    );
    expect(await seen()).toMatchObject({ ltv: 250, purchases_count: 1, average_check: 250 });
  });
});

describe('DELETE a transaction', () => {
  async function customerWithThree() {
    const customerId = await freshCustomer();
    const body = transactionsWriteResponseSchema.parse(
      (await add(customerId, [{ price: 100 }, { price: 200 }, { price: 301 }])).json(),
    );
    return { customerId, ids: body._embedded.transactions.map((x) => x.id) };
  }

  it('deletes on both paths with 204 and reverses the figures', async () => {
    const { customerId, ids } = await customerWithThree();
    expect(await figures(customerId)).toMatchObject({
      ltv: 601,
      purchases_count: 3,
      average_check: 200,
    });

    const first = await remove(`/api/v4/customers/transactions/${ids[2]}`);
    expect(first.statusCode).toBe(204);
    expect(first.body).toBe('');
    expect(await figures(customerId)).toMatchObject({
      ltv: 300,
      purchases_count: 2,
      average_check: 150,
    });

    const second = await remove(`/api/v4/customers/${customerId}/transactions/${ids[0]}`);
    expect(second.statusCode).toBe(204);
    expect(await figures(customerId)).toMatchObject({
      ltv: 200,
      purchases_count: 1,
      average_check: 200,
    });

    await remove(`/api/v4/customers/transactions/${ids[1]}`);
    expect(await figures(customerId)).toMatchObject({
      ltv: 0,
      purchases_count: 0,
      average_check: 0,
    });
    const gone = await t.as(ADMIN, {
      method: 'GET',
      url: `/api/v4/customers/transactions/${ids[1]}`,
    });
    expect(gone.statusCode).toBe(204);
  });

  it('works without a Content-Type header too', async () => {
    const { customerId, ids } = await customerWithThree();
    const response = await t.as(ADMIN, {
      method: 'DELETE',
      url: `/api/v4/customers/transactions/${ids[0]}`,
    });
    expect(response.statusCode).toBe(204);
    expect(await figures(customerId)).toMatchObject({ purchases_count: 2 });
  });

  it('answers 400 "not found" for a missing transaction, a repeated delete, or the wrong customer', async () => {
    const { customerId, ids } = await customerWithThree();
    const other = await freshCustomer();
    const responses = [
      await remove('/api/v4/customers/transactions/2147483647'),
      await remove(`/api/v4/customers/${other}/transactions/${ids[0]}`),
    ];
    await remove(`/api/v4/customers/transactions/${ids[1]}`);
    responses.push(await remove(`/api/v4/customers/transactions/${ids[1]}`));
    for (const response of responses) {
      expect(response.statusCode).toBe(400);
      expect(problemSchema.parse(response.json()).detail).toMatch(/Transaction \d+ not found/);
    }
    expect(await figures(customerId)).toMatchObject({ ltv: 401, purchases_count: 2 });
  });

  it('answers 400 for odd ids', async () => {
    for (const url of [
      '/api/v4/customers/transactions/abc',
      '/api/v4/customers/x/transactions/1',
    ]) {
      expect((await remove(url)).statusCode, url).toBe(400);
    }
  });

  it("refuses a sales user (edit M) on another user's customer with 403, figures unchanged", async () => {
    const { customerId, ids } = await customerWithThree();
    const before = await figures(customerId);
    const response = await remove(`/api/v4/customers/transactions/${ids[0]}`, SALES);
    expect(response.statusCode).toBe(403);
    expect(await figures(customerId)).toEqual(before);
  });

  it('hides the transactions of customers a view-M user cannot see (400 not found)', async () => {
    const viewer = await t.createUser({
      customers: { view: 'M', edit: 'M', add: 'A', delete: 'D', export: 'D' },
    });
    const [hidden] = await t.database.db
      .select({ id: transactions.id })
      .from(transactions)
      .innerJoin(customers, eq(customers.id, transactions.customerId))
      .where(ne(customers.responsibleUserId, viewer.id))
      .limit(1);
    const response = await remove(`/api/v4/customers/transactions/${hidden!.id}`, viewer.email);
    expect(response.statusCode).toBe(400);
  });
});
