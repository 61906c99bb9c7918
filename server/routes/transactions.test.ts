import { and, desc, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../../src/contracts/problem';
import { transactionSchema, transactionsPageSchema } from '../../src/contracts/transaction';
import { customers, transactions, users } from '../db/schema';
import { ADMIN, createTestApp, SALES, type TestApp } from '../test/test-app';

let t: TestApp;
let salesId: number;
beforeAll(async () => {
  t = await createTestApp();
  const [sales] = await t.database.db.select().from(users).where(eq(users.email, SALES));
  salesId = sales!.id;
});
afterAll(() => t.close());

const get = (url: string, as = ADMIN) => t.as(as, { method: 'GET', url });

/** A transaction of a customer whose responsible user is (or is not) `userId`. */
async function transactionOwnedBy(userId: number, owned: boolean) {
  const [row] = await t.database.db
    .select({ id: transactions.id, customerId: transactions.customerId })
    .from(transactions)
    .innerJoin(customers, eq(customers.id, transactions.customerId))
    .where(
      owned ? eq(customers.responsibleUserId, userId) : ne(customers.responsibleUserId, userId),
    )
    .orderBy(desc(transactions.id))
    .limit(1);
  return row!;
}

function expectPage(response: Awaited<ReturnType<typeof get>>) {
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/hal+json');
  return transactionsPageSchema.parse(response.json());
}

describe('GET /api/v4/customers/transactions', () => {
  it('answers the newest 50 first, with a next link and absolute self links', async () => {
    const page = expectPage(await get('/api/v4/customers/transactions'));
    const list = page._embedded.transactions;
    expect(list).toHaveLength(50);
    expect(page._page).toBe(1);
    expect(page._links.next?.href).toMatch(
      /^http:\/\/localhost(:80)?\/api\/v4\/customers\/transactions\?page=2$/,
    );
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1]!, list[i]!];
      expect(
        a.completed_at > b.completed_at || (a.completed_at === b.completed_at && a.id > b.id),
      ).toBe(true);
    }
    const first = list[0]!;
    expect(first._links.self.href).toMatch(
      new RegExp(
        `^http://localhost(:80)?/api/v4/customers/${first.customer_id}/transactions/${first.id}$`,
      ),
    );
    expect(first._embedded.customer.id).toBe(first.customer_id);
    expect(first._embedded.customer._links?.self.href).toMatch(
      new RegExp(`/api/v4/customers/${first.customer_id}$`),
    );
    expect(first.is_deleted).toBe(false);
  });

  it('pages without overlap and drops the next link on the last page', async () => {
    const total = (await t.database.db.select({ id: transactions.id }).from(transactions)).length;
    const limit = 250;
    const lastPage = Math.ceil(total / limit);
    const last = expectPage(
      await get(`/api/v4/customers/transactions?limit=${limit}&page=${lastPage}`),
    );
    expect(last._links.next).toBeUndefined();
    expect(last._links.prev?.href).toContain(`page=${lastPage - 1}`);
    expect(last._embedded.transactions).toHaveLength(total - (lastPage - 1) * limit);

    const one = expectPage(await get('/api/v4/customers/transactions?limit=5&page=1'));
    const two = expectPage(await get('/api/v4/customers/transactions?limit=5&page=2'));
    const ids = [...one._embedded.transactions, ...two._embedded.transactions].map((x) => x.id);
    expect(new Set(ids).size).toBe(10);
  });

  it('answers 204 with no body for a page past the end', async () => {
    const response = await get('/api/v4/customers/transactions?limit=250&page=1000');
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
  });

  it('filters by id in every array encoding clients use', async () => {
    const rows = await t.database.db.select({ id: transactions.id }).from(transactions).limit(2);
    const [a, b] = rows.map((r) => r.id) as [number, number];
    const urls = [
      `filter[id]=${a}&filter[id]=${b}`,
      `filter[id][]=${a}&filter[id][]=${b}`,
      `filter[id][0]=${a}&filter[id][1]=${b}`,
      `filter%5Bid%5D%5B0%5D=${a}&filter%5Bid%5D%5B1%5D=${b}&page=1&limit=50`,
    ];
    for (const query of urls) {
      const page = expectPage(await get(`/api/v4/customers/transactions?${query}`));
      expect(page._embedded.transactions.map((x) => x.id).sort()).toEqual([a, b].sort());
    }
    const single = expectPage(await get(`/api/v4/customers/transactions?filter[id]=${a}`));
    expect(single._embedded.transactions.map((x) => x.id)).toEqual([a]);
  });

  it('filters by customer and completion date range, and sorts on request', async () => {
    const { customerId } = await transactionOwnedBy(salesId, true);
    const mine = await t.database.db
      .select()
      .from(transactions)
      .where(eq(transactions.customerId, customerId));
    const page = expectPage(
      await get(
        `/api/v4/customers/transactions?filter[customer_id][]=${customerId}&order[price]=asc`,
      ),
    );
    const prices = page._embedded.transactions.map((x) => x.price);
    expect(prices).toEqual([...prices].sort((x, y) => x - y));
    expect(page._embedded.transactions).toHaveLength(mine.length);

    const pivot = mine[0]!.completedAt;
    const ranged = expectPage(
      await get(
        `/api/v4/customers/transactions?filter[completed_at][from]=${pivot}&filter[completed_at][to]=${pivot}`,
      ),
    );
    expect(ranged._embedded.transactions.every((x) => x.completed_at === pivot)).toBe(true);
    expect(ranged._embedded.transactions.map((x) => x.id)).toContain(mine[0]!.id);
  });

  it('takes date bounds beyond 2038 as open-ended, not as a server error', async () => {
    const future = await get(
      '/api/v4/customers/transactions?filter[completed_at][from]=32503680000',
    );
    expect(future.statusCode).toBe(204);
    const past = await get(
      '/api/v4/customers/transactions?filter[completed_at][to]=32503680000&limit=1',
    );
    expect(past.statusCode).toBe(200);
  });

  it('answers 204 when nothing matches', async () => {
    const response = await get('/api/v4/customers/transactions?filter[id]=2147483647');
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
  });

  it('refuses bad paging, filters and ordering with a 400 problem', async () => {
    for (const query of [
      'limit=251',
      'limit=0',
      'page=abc',
      'filter[id]=abc',
      'filter[id][]=1.5',
      'filter[customer_id]=-1',
      'filter[completed_at][from]=yesterday',
      'filter[nope]=1',
      'filter=1',
      'order[name]=asc',
      'order[id]=up',
    ]) {
      const response = await get(`/api/v4/customers/transactions?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toBe('application/problem+json');
      problemSchema.parse(response.json());
    }
  });

  it('shows a view-M user only the transactions of their own customers', async () => {
    const page = expectPage(await get('/api/v4/customers/transactions?limit=250', SALES));
    expect(page._embedded.transactions.length).toBeGreaterThan(0);
    const viewer = await t.createUser({
      customers: { view: 'M', edit: 'M', add: 'A', delete: 'D', export: 'D' },
    });
    const [owned] = await t.database.db
      .select({ id: customers.id })
      .from(customers)
      .where(ne(customers.responsibleUserId, viewer.id))
      .limit(1);
    // Hand one customer (and its transactions) to the new user: they see exactly those.
    await t.database.db
      .update(customers)
      .set({ responsibleUserId: viewer.id })
      .where(eq(customers.id, owned!.id));
    const expected = await t.database.db
      .select({ id: transactions.id })
      .from(transactions)
      .where(eq(transactions.customerId, owned!.id));
    const response = await get('/api/v4/customers/transactions?limit=250', viewer.email);
    if (expected.length === 0) {
      expect(response.statusCode).toBe(204);
    } else {
      const seen = expectPage(response)._embedded.transactions;
      expect(seen.map((x) => x.id).sort()).toEqual(expected.map((x) => x.id).sort());
    }
  });
});

describe('GET /api/v4/customers/{customer_id}/transactions', () => {
  it("lists only that customer's transactions", async () => {
    const { customerId } = await transactionOwnedBy(salesId, false);
    const page = expectPage(await get(`/api/v4/customers/${customerId}/transactions`));
    expect(page._embedded.transactions.every((x) => x.customer_id === customerId)).toBe(true);
    expect(page._links.self.href).toContain(`/api/v4/customers/${customerId}/transactions?page=1`);
  });

  it('answers 204 for a customer that is missing or has no transactions', async () => {
    expect((await get('/api/v4/customers/2147483647/transactions')).statusCode).toBe(204);
    const [bare] = await t.database.db
      .insert(customers)
      .values({
        name: 'No purchases',
        responsibleUserId: salesId,
        createdBy: salesId,
        updatedBy: salesId,
        createdAt: 1,
        updatedAt: 1,
      })
      .returning({ id: customers.id });
    expect((await get(`/api/v4/customers/${bare!.id}/transactions`)).statusCode).toBe(204);
  });

  it("answers 204 to a view-M user asking for another user's customer", async () => {
    const viewer = await t.createUser({
      customers: { view: 'M', edit: 'M', add: 'A', delete: 'D', export: 'D' },
    });
    const { customerId } = await transactionOwnedBy(viewer.id, false);
    expect(
      (await get(`/api/v4/customers/${customerId}/transactions`, viewer.email)).statusCode,
    ).toBe(204);
  });

  it('answers 400 for an odd customer id', async () => {
    for (const id of ['abc', '0', '-1', '1.5', '99999999999']) {
      const response = await get(`/api/v4/customers/${id}/transactions/1`);
      expect(response.statusCode, id).toBe(400);
      expect(response.headers['content-type']).toBe('application/problem+json');
    }
    expect((await get('/api/v4/customers/abc/transactions')).statusCode).toBe(400);
  });
});

describe('GET a transaction by id', () => {
  it('answers the transaction on both paths', async () => {
    const { id, customerId } = await transactionOwnedBy(salesId, false);
    for (const url of [
      `/api/v4/customers/transactions/${id}`,
      `/api/v4/customers/${customerId}/transactions/${id}`,
    ]) {
      const response = await get(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/hal+json');
      const transaction = transactionSchema.parse(response.json());
      expect(transaction).toMatchObject({
        id,
        customer_id: customerId,
        account_id: expect.any(Number),
      });
    }
  });

  it('embeds the catalog elements of the purchase', async () => {
    const rows = await t.database.db.select().from(transactions).limit(200);
    const withItems = rows.find((r) => r.catalogElements.length > 0)!;
    const transaction = transactionSchema.parse(
      (await get(`/api/v4/customers/transactions/${withItems.id}`)).json(),
    );
    expect(transaction._embedded.catalog_elements).toEqual(withItems.catalogElements);
  });

  it('answers 204 when missing, of another customer, or of a hidden customer', async () => {
    const { id, customerId } = await transactionOwnedBy(salesId, false);
    const [other] = await t.database.db
      .select({ id: customers.id })
      .from(customers)
      .where(and(ne(customers.id, customerId)))
      .limit(1);
    const viewer = await t.createUser({
      customers: { view: 'M', edit: 'M', add: 'A', delete: 'D', export: 'D' },
    });
    for (const [url, who] of [
      ['/api/v4/customers/transactions/2147483647', ADMIN],
      [`/api/v4/customers/${other!.id}/transactions/${id}`, ADMIN],
      [`/api/v4/customers/transactions/${id}`, viewer.email],
      [`/api/v4/customers/${customerId}/transactions/${id}`, viewer.email],
    ] as const) {
      const response = await get(url, who);
      expect(response.statusCode, url).toBe(204);
      expect(response.body).toBe('');
    }
  });

  it('answers 400 for an odd transaction id', async () => {
    for (const id of ['abc', '0', '1e3', '99999999999']) {
      expect((await get(`/api/v4/customers/transactions/${id}`)).statusCode, id).toBe(400);
    }
  });

  it('answers 401 without credentials', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v4/customers/transactions' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toBe('application/problem+json');
  });
});
