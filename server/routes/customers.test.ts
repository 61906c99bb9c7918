import { and, eq, gte, isNotNull, lte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerSchema, customersPageSchema, type Customer } from '../../src/contracts/customer';
import { problemSchema } from '../../src/contracts/problem';
import { customers, customerSegments, customerTags } from '../db/schema';
import { ADMIN, createTestApp, type TestApp } from '../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string, user = ADMIN) => t.as(user, { method: 'GET', url });

/** A list page parsed by the shared contract, or [] on 204. */
async function list(query: string, user = ADMIN): Promise<Customer[]> {
  const response = await get(`/api/v4/customers?${query}`, user);
  if (response.statusCode === 204) return [];
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/hal+json');
  return customersPageSchema.parse(response.json())._embedded.customers;
}
const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id).sort((a, b) => a - b);

async function expectProblem(url: string, status: number) {
  const response = await get(url);
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toBe('application/problem+json');
  return problemSchema.parse(response.json());
}

describe('GET /api/v4/customers', () => {
  it('answers the first 50 by id with HAL links, segments and tags, and no embeds without with', async () => {
    const response = await get('/api/v4/customers');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/hal+json');
    const page = customersPageSchema.parse(response.json());
    expect(page._page).toBe(1);
    expect(page._links.next?.href).toContain('page=2');
    const rows = page._embedded.customers;
    expect(rows).toHaveLength(50);
    expect(rows.map((r) => r.id)).toEqual(ids(rows));
    for (const row of rows) {
      expect(row._embedded.segments).toBeInstanceOf(Array);
      expect(row._embedded.tags).toBeInstanceOf(Array);
      expect(Object.keys(row._embedded).sort()).toEqual(['segments', 'tags']);
    }
    expect(rows.some((r) => r._embedded.tags.length > 0 && r._embedded.segments.length > 0)).toBe(
      true,
    );
  });

  it('embeds contacts (one main), the company and catalog elements when with asks', async () => {
    const rows = await list('limit=250&with=contacts,companies,catalog_elements');
    for (const row of rows) {
      expect(row._embedded.contacts).toBeInstanceOf(Array);
      expect(row._embedded.companies!.length).toBeLessThanOrEqual(1);
      const contacts = row._embedded.contacts!;
      if (contacts.length > 0) expect(contacts.filter((c) => c.is_main)).toHaveLength(1);
    }
    expect(rows.some((r) => r._embedded.companies!.length === 1)).toBe(true);
    const withElements = rows.find((r) => r._embedded.catalog_elements!.length > 0)!;
    expect(withElements._embedded.catalog_elements![0]!.metadata).toMatchObject({
      catalog_id: expect.any(Number),
      quantity: expect.any(Number),
    });
    const onlyContacts = await list('limit=5&with=contacts');
    expect(onlyContacts[0]!._embedded.companies).toBeUndefined();
  });

  it('pages to the end: no next link on the last page, 204 past it', async () => {
    const total = (await t.database.db.select({ id: customers.id }).from(customers)).length;
    const lastPage = Math.ceil(total / 100);
    const last = await get(`/api/v4/customers?limit=100&page=${lastPage}`);
    const body = customersPageSchema.parse(last.json());
    expect(body._links.next).toBeUndefined();
    expect(body._links.prev?.href).toContain(`page=${lastPage - 1}`);
    expect(body._embedded.customers).toHaveLength(total - (lastPage - 1) * 100);
    const past = await get(`/api/v4/customers?limit=100&page=${lastPage + 1}`);
    expect(past.statusCode).toBe(204);
    expect(past.body).toBe('');
  });

  it('refuses a limit above 250 and malformed paging with a 400 problem', async () => {
    expect((await expectProblem('/api/v4/customers?limit=251', 400)).detail).toContain('250');
    await expectProblem('/api/v4/customers?limit=0', 400);
    await expectProblem('/api/v4/customers?page=abc', 400);
    expect(await list('limit=250')).toHaveLength(250);
    expect((await get('/api/v4/customers?limit=250&page=999999999')).statusCode).toBe(204);
  });

  it('filters by id in every array encoding, the spec example URL included', async () => {
    for (const query of [
      'filter[id]=3&filter[id]=7',
      'filter[id][]=3&filter[id][]=7',
      'filter[id][0]=3&filter[id][1]=7',
      'filter%5Bid%5D%5B0%5D=3&filter%5Bid%5D%5B1%5D=7',
      'filter[id]=3,7',
    ]) {
      expect(ids(await list(query)), query).toEqual([3, 7]);
    }
    expect(ids(await list('filter[id]=5'))).toEqual([5]);
  });

  it('filters by exact name, by people and by status, as the database holds them', async () => {
    const [first] = await t.database.db.select().from(customers).where(eq(customers.id, 10));
    expect(ids(await list(`filter[name]=${encodeURIComponent(first!.name)}`))).toContain(10);
    expect(await list(`filter[name]=${encodeURIComponent(first!.name.toUpperCase())}x`)).toEqual(
      [],
    );
    expect(
      ids(await list(`filter[name][0]=${encodeURIComponent(first!.name)}&filter[name][1]=nobody`)),
    ).toContain(10);

    const cases = [
      ['responsible_user_id', customers.responsibleUserId, [3, 4]],
      ['status_id', customers.statusId, [2]],
      ['created_by', customers.createdBy, [1]],
      ['updated_by', customers.updatedBy, [1]],
    ] as const;
    for (const [key, column, values] of cases) {
      const query = values.map((v) => `filter[${key}][]=${v}`).join('&');
      const rows = await t.database.db.select({ id: customers.id, v: column }).from(customers);
      const expected = ids(rows.filter((r) => (values as readonly number[]).includes(r.v!))).slice(
        0,
        250,
      );
      expect(ids(await list(`limit=250&${query}`)), key).toEqual(expected);
    }
  });

  it('filters by ranges of dates and next price, either side optional', async () => {
    const db = t.database.db;
    const [sample] = await db
      .select()
      .from(customers)
      .where(isNotNull(customers.nextDate))
      .limit(1);
    const from = sample!.nextDate! - 10 * 86_400;
    const to = sample!.nextDate! + 10 * 86_400;
    const expected = await db
      .select({ id: customers.id })
      .from(customers)
      .where(and(gte(customers.nextDate, from), lte(customers.nextDate, to)));
    expect(
      ids(await list(`limit=250&filter[next_date][from]=${from}&filter[next_date][to]=${to}`)),
    ).toEqual(ids(expected));

    const cutoff = sample!.createdAt;
    for (const row of await list(`limit=250&filter[created_at][from]=${cutoff}`))
      expect(row.created_at).toBeGreaterThanOrEqual(cutoff);
    for (const row of await list(`limit=250&filter[updated_at][to]=${sample!.updatedAt}`))
      expect(row.updated_at).toBeLessThanOrEqual(sample!.updatedAt);
    const priced = await list(
      'limit=250&filter[next_price][from]=1000&filter[next_price][to]=2000',
    );
    expect(priced.length).toBeGreaterThan(0);
    for (const row of priced) expect(row.next_price).toBeGreaterThanOrEqual(1000);
    for (const row of priced) expect(row.next_price).toBeLessThanOrEqual(2000);

    await db.update(customers).set({ closestTaskAt: 1_900_000_000 }).where(eq(customers.id, 12));
    expect(ids(await list('filter[closest_task_at][from]=1899999999'))).toEqual([12]);
    // Bounds beyond 32 bits are clamped, not a database error.
    expect(await list('filter[next_date][from]=999999999999')).toEqual([]);
  });

  it('filters by segment and tag ids (any of them)', async () => {
    const db = t.database.db;
    const inSegments = await db
      .select()
      .from(customerSegments)
      .where(eq(customerSegments.segmentId, 2));
    const inOther = await db
      .select()
      .from(customerSegments)
      .where(eq(customerSegments.segmentId, 5));
    const expected = [...new Set([...inSegments, ...inOther].map((r) => r.customerId))].sort(
      (a, b) => a - b,
    );
    const rows = await list('limit=250&filter[segment_id][]=2&filter[segment_id][]=5');
    expect(ids(rows)).toEqual(expected);
    for (const row of rows)
      expect(row._embedded.segments.some((s) => s.id === 2 || s.id === 5)).toBe(true);

    const tagged = await db.select().from(customerTags).where(eq(customerTags.tagId, 3));
    expect(ids(await list('limit=250&filter[tag_id]=3'))).toEqual(
      ids(tagged.map((r) => ({ id: r.customerId }))),
    );
  });

  it('ignores unknown filters but refuses malformed values of known ones', async () => {
    expect(ids(await list('filter[pipeline_id]=5&filter[id]=4'))).toEqual([4]);
    await expectProblem('/api/v4/customers?filter[id]=abc', 400);
    await expectProblem('/api/v4/customers?filter[created_at][from]=yesterday', 400);
    await expectProblem('/api/v4/customers?filter=5', 400);
    await expectProblem('/api/v4/customers?filter[segment_id][]=-1', 400);
  });
});

describe('GET /api/v4/customers ordering and search', () => {
  const sortKey: Record<string, (c: Customer) => number | string | null> = {
    id: (c) => c.id,
    created_at: (c) => c.created_at,
    updated_at: (c) => c.updated_at,
    next_date: (c) => c.next_date,
    next_price: (c) => c.next_price,
    ltv: (c) => c.ltv,
    name: (c) => c.name.toLowerCase(),
  };

  it.each(Object.keys(sortKey))('orders by %s both ways, ties by id, nulls last', async (field) => {
    for (const direction of ['asc', 'desc'] as const) {
      const rows = await list(`limit=250&order[${field}]=${direction}`);
      const sign = direction === 'asc' ? 1 : -1;
      for (let i = 1; i < rows.length; i++) {
        const [a, b] = [sortKey[field]!(rows[i - 1]!), sortKey[field]!(rows[i]!)];
        if (a === null) expect(b, `${field} ${direction}: nulls last`).toBeNull();
        else if (b !== null && a === b)
          expect(sign * (rows[i]!.id - rows[i - 1]!.id)).toBeGreaterThan(0);
        else if (b !== null)
          expect(sign * (a < b ? -1 : 1), `${field} ${direction} at ${i}`).toBe(-1);
      }
    }
  });

  it('refuses an unknown order field, a bad direction or two fields', async () => {
    await expectProblem('/api/v4/customers?order[purchases_count]=asc', 400);
    await expectProblem('/api/v4/customers?order[id]=up', 400);
    await expectProblem('/api/v4/customers?order[id]=asc&order[name]=desc', 400);
  });

  it('searches names and custom-field values case-insensitively, wildcards literal', async () => {
    const [row] = await t.database.db.select().from(customers).where(eq(customers.id, 20));
    const word = row!.name.split(' ')[0]!.toUpperCase();
    const byName = await list(`limit=250&query=${encodeURIComponent(word)}`);
    expect(ids(byName)).toContain(20);
    for (const c of byName)
      expect(JSON.stringify([c.name, c.custom_fields_values]).toLowerCase()).toContain(
        word.toLowerCase(),
      );

    const withRevenue = (await list('limit=250')).find((c) =>
      c.custom_fields_values?.some((f) => f.field_code === 'REVENUE'),
    )!;
    const revenue = String(
      withRevenue.custom_fields_values!.find((f) => f.field_code === 'REVENUE')!.values[0]!.value,
    );
    expect(ids(await list(`limit=250&query=${revenue}`))).toContain(withRevenue.id);

    expect(await list('query=%25%25')).toEqual([]);
    expect(await list('query=_____________________')).toEqual([]);
    await expectProblem(`/api/v4/customers?query=${'x'.repeat(501)}`, 400);
    await expectProblem('/api/v4/customers?query[]=a', 400);
  });
});

describe('GET /api/v4/customers/{id}', () => {
  it('answers the customer, with embeds on request', async () => {
    const response = await get('/api/v4/customers/7?with=contacts');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/hal+json');
    const customer = customerSchema.parse(response.json());
    expect(customer.id).toBe(7);
    expect(customer._links.self.href).toMatch(/\/api\/v4\/customers\/7$/);
    expect(customer._embedded.contacts).toBeInstanceOf(Array);
    expect(customer._embedded.catalog_elements).toBeUndefined();
  });

  it('answers 204 with no body for a missing customer', async () => {
    const response = await get('/api/v4/customers/999999');
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
  });

  it.each(['abc', '0', '-1', '1.5', '99999999999'])(
    'refuses the id %s with a 400 problem',
    async (id) => {
      await expectProblem(`/api/v4/customers/${id}`, 400);
    },
  );

  it('answers 401 without credentials', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v4/customers/1' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect((await t.app.inject({ method: 'GET', url: '/api/v4/customers' })).statusCode).toBe(401);
  });
});
