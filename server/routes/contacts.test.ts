import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  companiesPageSchema,
  companySchema,
  contactSchema,
  contactsPageSchema,
} from '../../src/contracts/contact';
import { problemSchema } from '../../src/contracts/problem';
import { companies, contacts, customerContacts, customers } from '../db/schema';
import { ADMIN, createTestApp, SALES, type TestApp } from '../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string, as = ADMIN) => t.as(as, { method: 'GET', url });

function ok(response: Awaited<ReturnType<typeof get>>) {
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/hal+json');
  return response.json() as unknown;
}

describe('GET /api/v4/contacts', () => {
  it('answers pages ordered by id with amoCRM fields and a next link', async () => {
    const page = contactsPageSchema.parse(ok(await get('/api/v4/contacts?limit=10')));
    const list = page._embedded.contacts;
    expect(list).toHaveLength(10);
    expect(list.map((c) => c.id)).toEqual([...list.map((c) => c.id)].sort((a, b) => a - b));
    expect(page._links.next?.href).toContain('page=2');
    const first = list[0]!;
    expect(first).toMatchObject({
      group_id: 0,
      closest_task_at: null,
      is_deleted: false,
      is_unsorted: false,
    });
    expect(first._links.self.href).toMatch(new RegExp(`/api/v4/contacts/${first.id}$`));
    const phone = first.custom_fields_values?.find((f) => f.field_code === 'PHONE');
    expect(phone).toMatchObject({ field_name: 'Phone', field_type: 'multitext' });

    const second = contactsPageSchema.parse(ok(await get('/api/v4/contacts?limit=10&page=2')));
    expect(second._embedded.contacts[0]!.id).toBeGreaterThan(list[9]!.id);
    const desc = contactsPageSchema.parse(ok(await get('/api/v4/contacts?limit=3&order[id]=desc')));
    expect(desc._embedded.contacts[0]!.id).toBeGreaterThan(desc._embedded.contacts[1]!.id);
  });

  it('finds a contact by its email, case-insensitively, and by part of its name', async () => {
    const [row] = await t.database.db.select().from(contacts).limit(1);
    const email = String(
      row!.customFieldsValues!.find((f) => f.field_code === 'EMAIL')!.values[0]!.value,
    );
    const byEmail = contactsPageSchema.parse(
      ok(await get(`/api/v4/contacts?query=${encodeURIComponent(email.toUpperCase())}`)),
    );
    expect(byEmail._embedded.contacts.map((c) => c.id)).toContain(row!.id);

    const byName = contactsPageSchema.parse(
      ok(
        await get(
          `/api/v4/contacts?query=${encodeURIComponent(row!.lastName.toLowerCase())}&limit=250`,
        ),
      ),
    );
    expect(byName._embedded.contacts.map((c) => c.id)).toContain(row!.id);
    expect(
      byName._embedded.contacts.every((c) =>
        JSON.stringify([c.name, c.custom_fields_values])
          .toLowerCase()
          .includes(row!.lastName.toLowerCase()),
      ),
    ).toBe(true);
  });

  it('takes LIKE wildcards in query literally and answers 204 when nothing matches', async () => {
    for (const query of ['%', 'no-such-person-xyz']) {
      const response = await get(`/api/v4/contacts?query=${encodeURIComponent(query)}`);
      expect(response.statusCode, query).toBe(204);
      expect(response.body).toBe('');
    }
    // `_` is a LIKE wildcard: a contact named "AxyQb" must not match "x_q".
    const inserted = await t.database.db
      .insert(contacts)
      .values(
        ['Ax_Qb', 'AxyQb'].map((name) => ({
          name,
          responsibleUserId: 1,
          createdBy: 1,
          updatedBy: 1,
          createdAt: 1,
          updatedAt: 1,
        })),
      )
      .returning({ id: contacts.id });
    const found = contactsPageSchema.parse(ok(await get('/api/v4/contacts?query=x_q')));
    expect(found._embedded.contacts.map((c) => c.id)).toEqual([inserted[0]!.id]);
  });

  it('filters by id in every array encoding', async () => {
    const ids = (await t.database.db.select({ id: contacts.id }).from(contacts).limit(2)).map(
      (r) => r.id,
    );
    for (const query of [
      `filter[id]=${ids[0]}&filter[id]=${ids[1]}`,
      `filter[id][]=${ids[0]}&filter[id][]=${ids[1]}`,
      `filter[id][0]=${ids[0]}&filter[id][1]=${ids[1]}`,
    ]) {
      const page = contactsPageSchema.parse(ok(await get(`/api/v4/contacts?${query}`)));
      expect(page._embedded.contacts.map((c) => c.id)).toEqual(ids);
    }
  });

  it('is readable by a sales user and answers 204 past the end', async () => {
    contactsPageSchema.parse(ok(await get('/api/v4/contacts', SALES)));
    expect((await get('/api/v4/contacts?page=9999')).statusCode).toBe(204);
  });

  it('answers 400 for bad parameters', async () => {
    for (const query of [
      'limit=251',
      'filter[id]=x',
      'filter[name]=a',
      'order[name]=asc',
      'order[id]=sideways',
      'query[]=a',
    ]) {
      const response = await get(`/api/v4/contacts?${query}`);
      expect(response.statusCode, query).toBe(400);
      problemSchema.parse(response.json());
    }
  });
});

describe('GET /api/v4/contacts/{id}', () => {
  it('answers the contact, 204 when missing, 400 for an odd id', async () => {
    const [row] = await t.database.db.select().from(contacts).limit(1);
    const contact = contactSchema.parse(ok(await get(`/api/v4/contacts/${row!.id}`)));
    expect(contact).toMatchObject({
      id: row!.id,
      name: row!.name,
      first_name: row!.firstName,
      last_name: row!.lastName,
    });
    const missing = await get('/api/v4/contacts/2147483647');
    expect(missing.statusCode).toBe(204);
    expect(missing.body).toBe('');
    expect((await get('/api/v4/contacts/abc')).statusCode).toBe(400);
  });
});

describe('companies', () => {
  it('lists, filters, searches and gets companies', async () => {
    const page = companiesPageSchema.parse(ok(await get('/api/v4/companies?limit=5')));
    expect(page._embedded.companies).toHaveLength(5);
    const [row] = await t.database.db
      .select()
      .from(companies)
      .where(eq(companies.id, page._embedded.companies[2]!.id));
    const company = companySchema.parse(ok(await get(`/api/v4/companies/${row!.id}`)));
    expect(company).toMatchObject({ id: row!.id, name: row!.name, group_id: 0, is_deleted: false });
    expect(company._links.self.href).toMatch(new RegExp(`/api/v4/companies/${row!.id}$`));

    const filtered = companiesPageSchema.parse(
      ok(await get(`/api/v4/companies?filter[id][]=${row!.id}`)),
    );
    expect(filtered._embedded.companies.map((c) => c.id)).toEqual([row!.id]);
    const searched = companiesPageSchema.parse(
      ok(await get(`/api/v4/companies?query=${encodeURIComponent(row!.name.toUpperCase())}`)),
    );
    expect(searched._embedded.companies.map((c) => c.id)).toContain(row!.id);

    expect((await get('/api/v4/companies/2147483647')).statusCode).toBe(204);
    expect((await get('/api/v4/companies/0')).statusCode).toBe(400);
    expect((await get('/api/v4/companies?query=no-such-company-xyz')).statusCode).toBe(204);
  });
});

describe('GET /api/v4/contacts?with=customers', () => {
  it("embeds each contact's customers, only those the reader may see", async () => {
    const linked = await t.database.db
      .select({
        contactId: customerContacts.contactId,
        customerId: customerContacts.customerId,
        owner: customers.responsibleUserId,
      })
      .from(customerContacts)
      .innerJoin(customers, eq(customers.id, customerContacts.customerId))
      .limit(50);
    const sample = linked[0];
    if (!sample) throw new Error('the test seed links no contacts to customers');
    const url = `/api/v4/contacts?with=customers&filter[id][]=${sample.contactId}`;

    const asAdmin = contactsPageSchema.parse(ok(await get(url)));
    const expectedAll = linked
      .filter((row) => row.contactId === sample.contactId)
      .map((row) => row.customerId);
    const embedded = asAdmin._embedded.contacts[0]?._embedded?.customers.map((c) => c.id);
    expect(embedded?.sort()).toEqual(expectedAll.sort());

    // A reader who may see only their own customers sees none of someone else's.
    const reader = await t.createUser({
      customers: { view: 'M', edit: 'M', add: 'M', delete: 'D', export: 'D' },
    });
    const asReader = contactsPageSchema.parse(ok(await get(url, reader.email)));
    expect(asReader._embedded.contacts[0]?._embedded?.customers).toEqual([]);
  });

  it('leaves contacts without _embedded when not asked, and refuses a non-string with', async () => {
    const plain = contactsPageSchema.parse(ok(await get('/api/v4/contacts?limit=3')));
    expect(plain._embedded.contacts.every((c) => c._embedded === undefined)).toBe(true);
    const bad = await get('/api/v4/contacts?with[a]=customers');
    expect(bad.statusCode).toBe(400);
  });
});
