import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segmentSchema, segmentsPageSchema } from '../../src/contracts/segment';
import { customers, customerSegments, segments } from '../db/schema';
import { ADMIN, createTestApp, SALES, type TestApp } from '../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const URL = '/api/v4/customers/segments';

/** Live customers per segment, straight from the database. */
async function countsInDb(): Promise<Map<number, number>> {
  const rows = await t.database.db
    .select({ id: customerSegments.segmentId, n: count() })
    .from(customerSegments)
    .innerJoin(customers, eq(customers.id, customerSegments.customerId))
    .where(eq(customers.isDeleted, false))
    .groupBy(customerSegments.segmentId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

const create = (as: string, payload: object) => t.as(as, { method: 'POST', url: URL, payload });

describe('GET /api/v4/customers/segments', () => {
  it('lists the segments with the number of customers in each', async () => {
    const response = await t.as(SALES, { method: 'GET', url: URL });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/hal+json');
    const page = segmentsPageSchema.parse(response.json());
    expect(page._embedded.segments).toHaveLength(15);
    const expected = await countsInDb();
    for (const segment of page._embedded.segments) {
      expect(segment.customers_count).toBe(expected.get(segment.id) ?? 0);
    }
    expect(page._embedded.segments.some((s) => s.customers_count > 0)).toBe(true);
  });

  it('counts only the customers the caller may see', async () => {
    const own = await t.createUser({
      customers: { view: 'M', edit: 'M', add: 'A', delete: 'D', export: 'D' },
    });
    const page = segmentsPageSchema.parse(
      (await t.as(own.email, { method: 'GET', url: URL })).json(),
    );
    expect(page._embedded.segments.every((s) => s.customers_count === 0)).toBe(true);
  });

  it('pages: next link while more remain, 204 past the end', async () => {
    const first = segmentsPageSchema.parse(
      (await t.as(SALES, { method: 'GET', url: `${URL}?limit=10` })).json(),
    );
    expect(first._embedded.segments).toHaveLength(10);
    expect(first._links.next?.href).toContain('page=2');
    const past = await t.as(SALES, { method: 'GET', url: `${URL}?page=50` });
    expect(past.statusCode).toBe(204);
  });

  it('answers one segment, 204 when missing', async () => {
    const page = segmentsPageSchema.parse((await t.as(SALES, { method: 'GET', url: URL })).json());
    const first = page._embedded.segments[0]!;
    const response = await t.as(SALES, { method: 'GET', url: `${URL}/${first.id}` });
    expect(segmentSchema.parse(response.json())).toEqual(first);
    expect((await t.as(SALES, { method: 'GET', url: `${URL}/999999` })).statusCode).toBe(204);
  });
});

describe('segment writes', () => {
  it('creates segments from a batch and echoes each request_id', async () => {
    const response = await create(ADMIN, [
      { name: 'VIP', color: '10599D', request_id: 'a' },
      { name: 'Wholesale', color: '388e3c' },
    ]);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const created = segmentsPageSchema.parse(body)._embedded.segments;
    expect(created.map((s) => [s.name, s.color, s.customers_count])).toEqual([
      ['VIP', '10599d', 0],
      ['Wholesale', '388e3c', 0],
    ]);
    expect(body._embedded.segments.map((s: { request_id: string }) => s.request_id)).toEqual([
      'a',
      '1',
    ]);
    const fetched = await t.as(SALES, { method: 'GET', url: `${URL}/${created[0]!.id}` });
    expect(segmentSchema.parse(fetched.json()).name).toBe('VIP');
  });

  it('refuses colours outside the palette with NotSupportedChoice, creating nothing', async () => {
    const before = await t.database.db.select({ n: count() }).from(segments);
    const response = await create(ADMIN, [
      { name: 'Fine', color: '10599d' },
      { name: 'Pink', color: 'ff00ff' },
    ]);
    expect(response.statusCode).toBe(400);
    expect(response.json()['validation-errors']).toEqual([
      {
        request_id: '1',
        errors: [expect.objectContaining({ code: 'NotSupportedChoice', path: 'color' })],
      },
    ]);
    const after = await t.database.db.select({ n: count() }).from(segments);
    expect(after).toEqual(before);
  });

  it('refuses a colour with # or an empty name (400 with paths)', async () => {
    const response = await create(ADMIN, [{ name: '', color: '#10599d' }]);
    expect(response.statusCode).toBe(400);
    const paths = response
      .json()
      ['validation-errors'][0].errors.map((e: { path: string }) => e.path);
    expect(paths.sort()).toEqual(['color', 'name']);
  });

  it('refuses writes by a non-admin with 403', async () => {
    const page = segmentsPageSchema.parse((await t.as(SALES, { method: 'GET', url: URL })).json());
    const id = page._embedded.segments[0]!.id;
    expect((await create(SALES, [{ name: 'Nope', color: '10599d' }])).statusCode).toBe(403);
    expect(
      (await t.as(SALES, { method: 'PATCH', url: `${URL}/${id}`, payload: { name: 'Nope' } }))
        .statusCode,
    ).toBe(403);
    expect((await t.as(SALES, { method: 'DELETE', url: `${URL}/${id}` })).statusCode).toBe(403);
  });

  it('renames and recolours a segment, keeping its customers', async () => {
    const page = segmentsPageSchema.parse((await t.as(ADMIN, { method: 'GET', url: URL })).json());
    const target = page._embedded.segments.find((s) => s.customers_count > 0)!;
    const response = await t.as(ADMIN, {
      method: 'PATCH',
      url: `${URL}/${target.id}`,
      payload: { name: 'Renamed', color: 'D32F2F' },
    });
    expect(response.statusCode).toBe(200);
    const updated = segmentSchema.parse(response.json());
    expect(updated).toMatchObject({
      name: 'Renamed',
      color: 'd32f2f',
      customers_count: target.customers_count,
    });
  });

  it('answers 400 for an empty PATCH or a colour outside the palette, 404 for a missing segment', async () => {
    const page = segmentsPageSchema.parse((await t.as(ADMIN, { method: 'GET', url: URL })).json());
    const id = page._embedded.segments[0]!.id;
    const patch = (url: string, payload: object) => t.as(ADMIN, { method: 'PATCH', url, payload });
    expect((await patch(`${URL}/${id}`, {})).statusCode).toBe(400);
    expect((await patch(`${URL}/${id}`, { color: '123456' })).statusCode).toBe(400);
    expect((await patch(`${URL}/999999`, { name: 'Ghost' })).statusCode).toBe(404);
  });

  it('deletes a segment and removes it from its customers', async () => {
    const page = segmentsPageSchema.parse((await t.as(ADMIN, { method: 'GET', url: URL })).json());
    const target = page._embedded.segments.find((s) => s.customers_count > 0)!;
    const response = await t.as(ADMIN, { method: 'DELETE', url: `${URL}/${target.id}` });
    expect(response.statusCode).toBe(204);
    expect((await t.as(ADMIN, { method: 'GET', url: `${URL}/${target.id}` })).statusCode).toBe(204);
    const links = await t.database.db
      .select({ n: count() })
      .from(customerSegments)
      .where(eq(customerSegments.segmentId, target.id));
    expect(links[0]!.n).toBe(0);
    // Deleting again is still a success: the segment is gone either way.
    expect((await t.as(ADMIN, { method: 'DELETE', url: `${URL}/${target.id}` })).statusCode).toBe(
      204,
    );
  });

  it('refuses to go beyond 100 segments', async () => {
    const [{ n }] = (await t.database.db.select({ n: count() }).from(segments)) as [{ n: number }];
    const fill = Array.from({ length: 100 - Number(n) }, (_, i) => ({
      name: `Fill ${i}`,
      color: '616161',
    }));
    expect((await create(ADMIN, fill)).statusCode).toBe(200);
    const over = await create(ADMIN, [{ name: 'One too many', color: '616161' }]);
    expect(over.statusCode).toBe(400);
    expect(over.json().detail).toMatch(/at most 100 segments/);
  });
});
