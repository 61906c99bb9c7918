import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linksPageSchema, linksWriteResponseSchema } from '../../src/contracts/link';
import { problemSchema } from '../../src/contracts/problem';
import {
  catalogElements,
  catalogs,
  companies,
  contacts,
  customerCatalogElements,
  customerCompanies,
  customerContacts,
  customers,
  users,
} from '../db/schema';
import { ADMIN, createTestApp, SALES, type TestApp } from '../test/test-app';

let t: TestApp;
let adminId: number;
let salesId: number;
let contactIds: number[];
let companyIds: number[];
let element: { id: number; catalogId: number };
beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const rows = await db.select({ id: users.id, email: users.email }).from(users);
  adminId = rows.find((r) => r.email === ADMIN)!.id;
  salesId = rows.find((r) => r.email === SALES)!.id;
  contactIds = (await db.select({ id: contacts.id }).from(contacts).limit(5)).map((r) => r.id);
  companyIds = (await db.select({ id: companies.id }).from(companies).limit(2)).map((r) => r.id);
  element = (await db.select().from(catalogElements).limit(1))[0]!;
});
afterAll(() => t.close());

async function freshCustomer(owner = adminId) {
  const [row] = await t.database.db
    .insert(customers)
    .values({
      name: 'Linked',
      responsibleUserId: owner,
      createdBy: owner,
      updatedBy: owner,
      createdAt: 1,
      updatedAt: 1,
    })
    .returning({ id: customers.id });
  return row!.id;
}

const post = (url: string, payload: unknown, as = ADMIN) =>
  t.as(as, { method: 'POST', url, payload: payload as object });
const get = (url: string, as = ADMIN) => t.as(as, { method: 'GET', url });

async function contactRows(customerId: number) {
  return t.database.db
    .select({ contactId: customerContacts.contactId, isMain: customerContacts.isMain })
    .from(customerContacts)
    .where(eq(customerContacts.customerId, customerId))
    .orderBy(customerContacts.contactId);
}

describe('POST /api/v4/customers/{id}/link', () => {
  it('links a contact as main and the previous main loses it', async () => {
    const id = await freshCustomer();
    const [a, b] = contactIds as [number, number];
    const first = await post(`/api/v4/customers/${id}/link`, [
      { to_entity_id: a, to_entity_type: 'contacts', metadata: { main_contact: true } },
    ]);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/hal+json');
    expect(linksWriteResponseSchema.parse(first.json())._embedded.links).toEqual([
      {
        entity_id: id,
        entity_type: 'customers',
        to_entity_id: a,
        to_entity_type: 'contacts',
        metadata: { main_contact: true },
      },
    ]);

    const second = await post(`/api/v4/customers/${id}/link`, [
      { to_entity_id: b, to_entity_type: 'contacts', metadata: { is_main: true } },
    ]);
    expect(linksWriteResponseSchema.parse(second.json())._embedded.links[0]!.metadata).toEqual({
      main_contact: true,
    });
    expect(await contactRows(id)).toEqual(
      [
        { contactId: a, isMain: false },
        { contactId: b, isMain: true },
      ].sort((x, y) => x.contactId - y.contactId),
    );
  });

  it('makes the first contact main when none is, and keeps a later one secondary', async () => {
    const id = await freshCustomer();
    const [a, b] = contactIds as [number, number];
    const response = await post(`/api/v4/customers/${id}/link`, [
      { to_entity_id: a, to_entity_type: 'contacts' },
      { to_entity_id: b, to_entity_type: 'contacts' },
    ]);
    const links = linksWriteResponseSchema.parse(response.json())._embedded.links;
    expect(links.map((l) => l.metadata)).toEqual([{ main_contact: true }, { main_contact: false }]);
  });

  it('replaces the company: a customer has at most one', async () => {
    const id = await freshCustomer();
    const [x, y] = companyIds as [number, number];
    await post(`/api/v4/customers/${id}/link`, [{ to_entity_id: x, to_entity_type: 'companies' }]);
    const response = await post(`/api/v4/customers/${id}/link`, [
      { to_entity_id: y, to_entity_type: 'companies' },
    ]);
    expect(linksWriteResponseSchema.parse(response.json())._embedded.links).toEqual([
      {
        entity_id: id,
        entity_type: 'customers',
        to_entity_id: y,
        to_entity_type: 'companies',
        metadata: null,
      },
    ]);
    const rows = await t.database.db
      .select()
      .from(customerCompanies)
      .where(eq(customerCompanies.customerId, id));
    expect(rows).toEqual([{ customerId: id, companyId: y }]);
  });

  it('links catalog elements with quantity 1 by default and updates it on re-link', async () => {
    const id = await freshCustomer();
    const item = { to_entity_id: element.id, to_entity_type: 'catalog_elements' };
    const first = await post(`/api/v4/customers/${id}/link`, [
      { ...item, metadata: { catalog_id: element.catalogId } },
    ]);
    expect(linksWriteResponseSchema.parse(first.json())._embedded.links[0]!.metadata).toEqual({
      catalog_id: element.catalogId,
      quantity: 1,
    });
    const again = await post(`/api/v4/customers/${id}/link`, [
      { ...item, metadata: { catalog_id: element.catalogId, quantity: 12 } },
    ]);
    expect(linksWriteResponseSchema.parse(again.json())._embedded.links[0]!.metadata).toEqual({
      catalog_id: element.catalogId,
      quantity: 12,
    });
    const rows = await t.database.db
      .select()
      .from(customerCatalogElements)
      .where(eq(customerCatalogElements.customerId, id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.quantity).toBe(12);
  });

  it('links nothing when one target is bad, naming each bad request_id', async () => {
    const id = await freshCustomer();
    const [otherCatalog] = await t.database.db
      .insert(catalogs)
      .values({ name: 'Other' })
      .returning();
    const response = await post(`/api/v4/customers/${id}/link`, [
      { to_entity_id: contactIds[0], to_entity_type: 'contacts' },
      { to_entity_id: 2_000_000_000, to_entity_type: 'contacts', request_id: 'ghost' },
      { to_entity_id: 2_000_000_000, to_entity_type: 'companies' },
      { to_entity_id: element.id, to_entity_type: 'catalog_elements' },
      {
        to_entity_id: element.id,
        to_entity_type: 'catalog_elements',
        metadata: { catalog_id: otherCatalog!.id },
      },
      {
        to_entity_id: element.id,
        to_entity_type: 'catalog_elements',
        metadata: { catalog_id: element.catalogId, quantity: 1.5 },
      },
    ]);
    expect(response.statusCode).toBe(400);
    const problem = problemSchema.parse(response.json());
    expect(
      problem['validation-errors']!.map((e) => [e.request_id, e.errors.map((x) => x.path)]),
    ).toEqual([
      ['ghost', ['to_entity_id']],
      ['2', ['to_entity_id']],
      ['3', ['metadata.catalog_id']],
      ['4', ['metadata.catalog_id']],
      ['5', ['metadata.quantity']],
    ]);
    expect(await contactRows(id)).toEqual([]);
  });

  it('answers 400 for bad bodies, odd ids and missing customers; 422 beyond 250 items', async () => {
    const id = await freshCustomer();
    for (const body of [
      [],
      [{ to_entity_type: 'contacts' }],
      [{ to_entity_id: 1, to_entity_type: 'leads' }],
      ['x'],
    ]) {
      const response = await post(`/api/v4/customers/${id}/link`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.headers['content-type']).toBe('application/problem+json');
    }
    const item = { to_entity_id: contactIds[0], to_entity_type: 'contacts' };
    expect((await post('/api/v4/customers/abc/link', [item])).statusCode).toBe(400);
    const missing = await post('/api/v4/customers/2147483647/link', [item]);
    expect(missing.statusCode).toBe(400);
    expect(problemSchema.parse(missing.json()).detail).toMatch(/not found/);
    const many = await post(
      `/api/v4/customers/${id}/link`,
      Array.from({ length: 251 }, () => item),
    );
    expect(many.statusCode).toBe(422);
  });

  it("refuses a sales user (edit M) on another user's customer with 403", async () => {
    const theirs = await freshCustomer(adminId);
    const item = [{ to_entity_id: contactIds[0], to_entity_type: 'contacts' }];
    expect((await post(`/api/v4/customers/${theirs}/link`, item, SALES)).statusCode).toBe(403);
    expect((await post(`/api/v4/customers/${theirs}/unlink`, item, SALES)).statusCode).toBe(403);
    expect(await contactRows(theirs)).toEqual([]);
    const own = await freshCustomer(salesId);
    expect((await post(`/api/v4/customers/${own}/link`, item, SALES)).statusCode).toBe(200);
  });
});

describe('POST /api/v4/customers/{id}/unlink', () => {
  it('unlinks with 204 and no body', async () => {
    const id = await freshCustomer();
    const [a, b] = contactIds as [number, number];
    await post(`/api/v4/customers/${id}/link`, [
      { to_entity_id: a, to_entity_type: 'contacts' },
      { to_entity_id: b, to_entity_type: 'contacts' },
      { to_entity_id: companyIds[0], to_entity_type: 'companies' },
      {
        to_entity_id: element.id,
        to_entity_type: 'catalog_elements',
        metadata: { catalog_id: element.catalogId },
      },
    ]);
    const response = await post(`/api/v4/customers/${id}/unlink`, [
      { to_entity_id: a, to_entity_type: 'contacts' },
      { to_entity_id: companyIds[0], to_entity_type: 'companies' },
      { to_entity_id: element.id, to_entity_type: 'catalog_elements' },
    ]);
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    const left = linksPageSchema.parse((await get(`/api/v4/customers/${id}/links`)).json());
    expect(left._embedded.links.map((l) => [l.to_entity_type, l.to_entity_id])).toEqual([
      ['contacts', b],
    ]);
  });

  it('leaves another company in place when unlinking one that is not linked', async () => {
    const id = await freshCustomer();
    await post(`/api/v4/customers/${id}/link`, [
      { to_entity_id: companyIds[0], to_entity_type: 'companies' },
    ]);
    const response = await post(`/api/v4/customers/${id}/unlink`, [
      { to_entity_id: companyIds[1], to_entity_type: 'companies' },
    ]);
    expect(response.statusCode).toBe(204);
    const rows = await t.database.db
      .select()
      .from(customerCompanies)
      .where(eq(customerCompanies.customerId, id));
    expect(rows).toHaveLength(1);
  });
});

describe('GET /api/v4/customers/{id}/links', () => {
  it("lists the customer's contacts (main first), company and catalog elements", async () => {
    const id = await freshCustomer();
    const [a, b] = contactIds as [number, number];
    await post(`/api/v4/customers/${id}/link`, [
      { to_entity_id: a, to_entity_type: 'contacts' },
      { to_entity_id: b, to_entity_type: 'contacts', metadata: { main_contact: true } },
      { to_entity_id: companyIds[0], to_entity_type: 'companies' },
      {
        to_entity_id: element.id,
        to_entity_type: 'catalog_elements',
        metadata: { catalog_id: element.catalogId, quantity: 4 },
      },
    ]);
    const response = await get(`/api/v4/customers/${id}/links`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/hal+json');
    const page = linksPageSchema.parse(response.json());
    expect(page._links.self.href).toMatch(new RegExp(`/api/v4/customers/${id}/links$`));
    expect(page._embedded.links.map((l) => [l.to_entity_type, l.to_entity_id, l.metadata])).toEqual(
      [
        ['contacts', b, { main_contact: true }],
        ['contacts', a, { main_contact: false }],
        ['companies', companyIds[0], null],
        ['catalog_elements', element.id, { catalog_id: element.catalogId, quantity: 4 }],
      ],
    );

    const onlyA = linksPageSchema.parse(
      (
        await get(
          `/api/v4/customers/${id}/links?filter[to_entity_type]=contacts&filter[to_entity_id]=${a}`,
        )
      ).json(),
    );
    expect(onlyA._embedded.links.map((l) => l.to_entity_id)).toEqual([a]);
    const byCatalog = linksPageSchema.parse(
      (
        await get(`/api/v4/customers/${id}/links?filter[to_catalog_id]=${element.catalogId}`)
      ).json(),
    );
    expect(byCatalog._embedded.links.map((l) => l.to_entity_type)).toEqual(['catalog_elements']);
    const companiesOnly = linksPageSchema.parse(
      (await get(`/api/v4/customers/${id}/links?filter[to_entity_type]=companies`)).json(),
    );
    expect(companiesOnly._embedded.links).toHaveLength(1);
  });

  it('answers 204 for a customer without links, a missing one, or one the caller cannot see', async () => {
    const bare = await freshCustomer();
    const viewer = await t.createUser({
      customers: { view: 'M', edit: 'M', add: 'A', delete: 'D', export: 'D' },
    });
    const [linked] = await t.database.db
      .select({ id: customerContacts.customerId })
      .from(customerContacts)
      .innerJoin(customers, eq(customers.id, customerContacts.customerId))
      .where(and(eq(customerContacts.isMain, true)))
      .limit(1);
    for (const [url, who] of [
      [`/api/v4/customers/${bare}/links`, ADMIN],
      ['/api/v4/customers/2147483647/links', ADMIN],
      [`/api/v4/customers/${linked!.id}/links`, viewer.email],
    ] as const) {
      const response = await get(url, who);
      expect(response.statusCode, url).toBe(204);
      expect(response.body).toBe('');
    }
    expect((await get(`/api/v4/customers/${linked!.id}/links`)).statusCode).toBe(200);
  });

  it('answers 400 for bad filters and odd ids', async () => {
    for (const url of [
      '/api/v4/customers/abc/links',
      '/api/v4/customers/1/links?filter[to_entity_type]=leads',
      '/api/v4/customers/1/links?filter[to_entity_id]=5',
      '/api/v4/customers/1/links?filter[to_catalog_id]=x',
      '/api/v4/customers/1/links?filter[bogus]=1',
    ]) {
      expect((await get(url)).statusCode, url).toBe(400);
    }
  });
});

describe('bulk forms', () => {
  it('links, lists and unlinks across customers with entity_id per item', async () => {
    const one = await freshCustomer();
    const two = await freshCustomer();
    const linked = await post('/api/v4/customers/link', [
      { entity_id: one, to_entity_id: contactIds[0], to_entity_type: 'contacts' },
      { entity_id: two, to_entity_id: contactIds[1], to_entity_type: 'contacts' },
    ]);
    expect(linked.statusCode).toBe(200);
    expect(
      linksWriteResponseSchema.parse(linked.json())._embedded.links.map((l) => l.entity_id),
    ).toEqual([one, two]);

    for (const query of [
      `filter[entity_id][]=${one}&filter[entity_id][]=${two}`,
      `filter[entity_id]=${one}&filter[entity_id]=${two}`,
      `filter[entity_id][0]=${one}&filter[entity_id][1]=${two}`,
    ]) {
      const page = linksPageSchema.parse((await get(`/api/v4/customers/links?${query}`)).json());
      expect(page._embedded.links.map((l) => [l.entity_id, l.to_entity_id])).toEqual([
        [one, contactIds[0]],
        [two, contactIds[1]],
      ]);
    }

    const unlinked = await post('/api/v4/customers/unlink', [
      { entity_id: one, to_entity_id: contactIds[0], to_entity_type: 'contacts' },
    ]);
    expect(unlinked.statusCode).toBe(204);
    const after = linksPageSchema.parse(
      (await get(`/api/v4/customers/links?filter[entity_id]=${one},${two}`)).json(),
    );
    expect(after._embedded.links.map((l) => l.entity_id)).toEqual([two]);
  });

  it('needs filter[entity_id] on GET and entity_id on every written item', async () => {
    expect((await get('/api/v4/customers/links')).statusCode).toBe(400);
    const response = await post('/api/v4/customers/link', [
      { to_entity_id: contactIds[0], to_entity_type: 'contacts', request_id: 'r1' },
    ]);
    expect(response.statusCode).toBe(400);
    expect(problemSchema.parse(response.json())['validation-errors']).toEqual([
      { request_id: 'r1', errors: [expect.objectContaining({ path: 'entity_id' })] },
    ]);
  });

  it('names the items whose customer is missing and links nothing', async () => {
    const one = await freshCustomer();
    const response = await post('/api/v4/customers/link', [
      { entity_id: one, to_entity_id: contactIds[0], to_entity_type: 'contacts' },
      { entity_id: 2_147_483_647, to_entity_id: contactIds[0], to_entity_type: 'contacts' },
    ]);
    expect(response.statusCode).toBe(400);
    expect(
      problemSchema.parse(response.json())['validation-errors']!.map((e) => e.request_id),
    ).toEqual(['1']);
    expect(await contactRows(one)).toEqual([]);
  });
});
