import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  catalogElementSchema,
  catalogElementsPageSchema,
  catalogSchema,
  catalogsPageSchema,
} from '../../src/contracts/catalog';
import { problemSchema } from '../../src/contracts/problem';
import { catalogElements, catalogs } from '../db/schema';
import { ADMIN, createTestApp, SALES, type TestApp } from '../test/test-app';

let t: TestApp;
let catalogId: number;
beforeAll(async () => {
  t = await createTestApp();
  catalogId = (await t.database.db.select().from(catalogs).limit(1))[0]!.id;
});
afterAll(() => t.close());

const get = (url: string, as = ADMIN) => t.as(as, { method: 'GET', url });

function ok(response: Awaited<ReturnType<typeof get>>) {
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/hal+json');
  return response.json() as unknown;
}

describe('GET /api/v4/catalogs', () => {
  it('lists the catalogs, and gets one by id', async () => {
    const page = catalogsPageSchema.parse(ok(await get('/api/v4/catalogs', SALES)));
    expect(page._embedded.catalogs.map((c) => c.name)).toContain('Products');
    const products = page._embedded.catalogs.find((c) => c.name === 'Products')!;
    expect(products._links.self.href).toMatch(new RegExp(`/api/v4/catalogs/${products.id}$`));
    expect(catalogSchema.parse(ok(await get(`/api/v4/catalogs/${products.id}`))).id).toBe(
      products.id,
    );
    expect((await get('/api/v4/catalogs/2147483647')).statusCode).toBe(204);
    expect((await get('/api/v4/catalogs?page=50')).statusCode).toBe(204);
    expect((await get('/api/v4/catalogs?limit=1000')).statusCode).toBe(400);
  });
});

describe('GET /api/v4/catalogs/{catalog_id}/elements', () => {
  it('pages through the 40 elements of the demo catalog', async () => {
    const first = catalogElementsPageSchema.parse(
      ok(await get(`/api/v4/catalogs/${catalogId}/elements?limit=25`)),
    );
    expect(first._embedded.elements).toHaveLength(25);
    expect(first._links.next).toBeDefined();
    const second = catalogElementsPageSchema.parse(
      ok(await get(`/api/v4/catalogs/${catalogId}/elements?limit=25&page=2`)),
    );
    expect(second._embedded.elements).toHaveLength(15);
    expect(second._links.next).toBeUndefined();
    const element = first._embedded.elements[0]!;
    expect(element).toMatchObject({ catalog_id: catalogId, is_deleted: false });
    expect(element._links.self.href).toMatch(
      new RegExp(`/api/v4/catalogs/${catalogId}/elements/${element.id}$`),
    );
  });

  it('filters by id in every encoding and searches by name', async () => {
    const rows = await t.database.db.select().from(catalogElements).limit(2);
    const ids = rows.map((r) => r.id);
    for (const query of [
      `filter[id]=${ids[0]}&filter[id]=${ids[1]}`,
      `filter[id][]=${ids[0]}&filter[id][]=${ids[1]}`,
      `filter[id][0]=${ids[0]}&filter[id][1]=${ids[1]}`,
    ]) {
      const page = catalogElementsPageSchema.parse(
        ok(await get(`/api/v4/catalogs/${catalogId}/elements?${query}`)),
      );
      expect(page._embedded.elements.map((e) => e.id)).toEqual(ids);
    }
    const word = rows[0]!.name.split(' ').at(-1)!;
    const found = catalogElementsPageSchema.parse(
      ok(
        await get(
          `/api/v4/catalogs/${catalogId}/elements?query=${encodeURIComponent(word.toUpperCase())}`,
        ),
      ),
    );
    expect(found._embedded.elements.map((e) => e.id)).toContain(rows[0]!.id);
    expect(
      found._embedded.elements.every((e) => e.name.toLowerCase().includes(word.toLowerCase())),
    ).toBe(true);
  });

  it('answers 204 for a missing catalog or no match, 400 for bad input', async () => {
    expect((await get('/api/v4/catalogs/2147483647/elements')).statusCode).toBe(204);
    expect(
      (await get(`/api/v4/catalogs/${catalogId}/elements?query=zzzz-nothing`)).statusCode,
    ).toBe(204);
    for (const url of [
      '/api/v4/catalogs/abc/elements',
      `/api/v4/catalogs/${catalogId}/elements?filter[id]=x`,
      `/api/v4/catalogs/${catalogId}/elements?filter[name]=x`,
      `/api/v4/catalogs/${catalogId}/elements?limit=251`,
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      problemSchema.parse(response.json());
    }
  });
});

describe('GET /api/v4/catalogs/{catalog_id}/elements/{id}', () => {
  it('answers the element, and 204 for another catalog or a missing one', async () => {
    const [row] = await t.database.db.select().from(catalogElements).limit(1);
    const element = catalogElementSchema.parse(
      ok(await get(`/api/v4/catalogs/${catalogId}/elements/${row!.id}`)),
    );
    expect(element).toMatchObject({ id: row!.id, name: row!.name });
    const [other] = await t.database.db.insert(catalogs).values({ name: 'Services' }).returning();
    expect((await get(`/api/v4/catalogs/${other!.id}/elements/${row!.id}`)).statusCode).toBe(204);
    expect((await get(`/api/v4/catalogs/${catalogId}/elements/2147483647`)).statusCode).toBe(204);
    expect((await get(`/api/v4/catalogs/${catalogId}/elements/1.5`)).statusCode).toBe(400);
  });
});
