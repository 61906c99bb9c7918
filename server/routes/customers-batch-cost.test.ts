import { count, eq, inArray } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customersWriteResponseSchema } from '../../src/contracts/customer';
import { problemSchema } from '../../src/contracts/problem';
import { customers, customerTags, tags } from '../db/schema';
import { TAGS_PER_REQUEST } from '../services/batch-cost';
import { ADMIN, createTestApp, type TestApp } from '../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const rows = async (table: typeof customers | typeof tags | typeof customerTags) =>
  (await t.database.db.select({ n: count() }).from(table))[0]!.n;
const tagNamesOf = async (customerId: number) =>
  (
    await t.database.db
      .select({ name: tags.name })
      .from(customerTags)
      .innerJoin(tags, eq(tags.id, customerTags.tagId))
      .where(eq(customerTags.customerId, customerId))
  )
    .map((r) => r.name)
    .sort();

/** Names that a hand-built array literal would get wrong. */
const AWKWARD = ['quo"te', 'com,ma', '{brace}', 'back\\slash', 'NULL', ' pad ', 'ёлка 🎄'];

const batch = (items: number, tagsEach: number, prefix: string, padding = '') =>
  Array.from({ length: items }, (_, i) => ({
    name: `${prefix} customer ${i}`,
    _embedded: {
      tags: Array.from({ length: tagsEach }, (_, j) => ({ name: `${prefix}-${i}-${j}${padding}` })),
    },
  }));

describe('the cost of one customers write is bounded', () => {
  it('refuses 250 items × 100 tags (≈ 880 KB) at once with a 422 naming the limit, writing nothing', async () => {
    const before = await Promise.all([rows(customers), rows(tags), rows(customerTags)]);
    const body = batch(250, 100, 'huge', '-tag-name-pad');
    expect(JSON.stringify(body).length).toBeGreaterThan(850_000);
    for (const method of ['POST', 'PATCH'] as const) {
      const payload = method === 'POST' ? body : body.map((item, i) => ({ ...item, id: i + 1 }));
      const response = await t.as(ADMIN, { method, url: '/api/v4/customers', payload });
      expect(response.statusCode).toBe(422);
      expect(response.headers['content-type']).toBe('application/problem+json');
      expect(problemSchema.parse(response.json()).detail).toContain(
        `Limit ${TAGS_PER_REQUEST} tags per request`,
      );
    }
    expect(await Promise.all([rows(customers), rows(tags), rows(customerTags)])).toEqual(before);
  });

  it('answers a batch at the limit, with every tag linked, then replaces, adds and deletes them set-wise', async () => {
    const tagsEach = TAGS_PER_REQUEST / 250;
    const body = batch(250, tagsEach, 'full');
    body[0]!._embedded.tags = AWKWARD.map((name) => ({ name }));
    const created = await t.as(ADMIN, { method: 'POST', url: '/api/v4/customers', payload: body });
    expect(created.statusCode).toBe(200);
    const ids = customersWriteResponseSchema
      .parse(created.json())
      ._embedded.customers.map((c) => c.id);
    expect(ids).toHaveLength(250);
    expect(await tagNamesOf(ids[0]!)).toEqual(AWKWARD.map((n) => n.trim()).sort());
    expect(await tagNamesOf(ids[249]!)).toEqual(
      Array.from({ length: tagsEach }, (_, j) => `full-249-${j}`).sort(),
    );

    const replaced = await t.as(ADMIN, {
      method: 'PATCH',
      url: '/api/v4/customers',
      payload: ids.map((id, i) => ({
        id,
        name: `renamed ${i}`,
        next_price: i,
        _embedded: { tags: [{ name: `new-${i}-a` }, { name: `new-${i}-b` }, { name: 'shared' }] },
      })),
    });
    expect(replaced.statusCode).toBe(200);
    expect(await tagNamesOf(ids[7]!)).toEqual(['new-7-a', 'new-7-b', 'shared']);
    const renamed = await t.database.db
      .select({ id: customers.id, name: customers.name, nextPrice: customers.nextPrice })
      .from(customers)
      .where(inArray(customers.id, ids));
    expect(renamed.every((c) => c.name === `renamed ${ids.indexOf(c.id)}`)).toBe(true);
    expect(renamed.every((c) => c.nextPrice === ids.indexOf(c.id))).toBe(true);

    // Items patching different fields in one batch: each keeps its own patch.
    const mixed = await t.as(ADMIN, {
      method: 'PATCH',
      url: '/api/v4/customers',
      payload: [
        { id: ids[0], tags_to_delete: [{ name: 'shared' }], next_price: 5 },
        { id: ids[1], tags_to_add: [{ name: 'extra' }], name: 'only renamed' },
      ],
    });
    expect(mixed.statusCode).toBe(200);
    expect(await tagNamesOf(ids[0]!)).toEqual(['new-0-a', 'new-0-b']);
    expect(await tagNamesOf(ids[1]!)).toEqual(['extra', 'new-1-a', 'new-1-b', 'shared']);
    const [first, second] = await Promise.all(
      [ids[0]!, ids[1]!].map(
        async (id) =>
          (await t.database.db.select().from(customers).where(eq(customers.id, id)))[0]!,
      ),
    );
    expect([first!.name, first!.nextPrice]).toEqual(['renamed 0', 5]);
    expect([second!.name, second!.nextPrice]).toEqual(['only renamed', 1]);
  });

  it('keeps /api/health answering while a batch at the limit is written', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const cookie = await t.cookieFor(ADMIN);
    let inFlight = true;
    const write = fetch(`${base}/api/v4/customers`, {
      method: 'POST',
      headers: { cookie, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
      body: JSON.stringify(batch(250, TAGS_PER_REQUEST / 250, 'busy')),
    }).finally(() => {
      inFlight = false;
    });
    const answeredDuring: number[] = [];
    while (inFlight) {
      // A generous bound (10 s, the batch itself is about a second): before, one heavy batch
      // held every other request for minutes.
      const health = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(10_000) });
      expect(health.status).toBe(200);
      if (inFlight) answeredDuring.push(health.status);
    }
    expect((await write).status).toBe(200);
    expect(answeredDuring.length).toBeGreaterThan(0);
  });
});
