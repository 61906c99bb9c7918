import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customFieldSchema, customFieldsPageSchema } from '../../src/contracts/custom-field';
import { CONTACT_FIELDS, CUSTOMER_FIELDS } from '../db/seed-base';
import { createTestApp, SALES, type TestApp } from '../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const list = async (url: string) => {
  const response = await t.as(SALES, { method: 'GET', url });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/hal+json');
  return customFieldsPageSchema.parse(response.json())._embedded.custom_fields;
};

describe('GET /api/v4/customers/custom_fields', () => {
  it("lists the customers' fields in display order, with enums for choices", async () => {
    const fields = await list('/api/v4/customers/custom_fields');
    expect(fields.map((f) => f.code)).toEqual(CUSTOMER_FIELDS.map((f) => f.code));
    expect(fields.every((f) => f.entity_type === 'customers' && f.is_deletable)).toBe(true);
    const industry = fields.find((f) => f.code === 'INDUSTRY')!;
    expect(industry.type).toBe('select');
    expect(industry.enums?.map((e) => e.value)).toContain('Retail');
    expect(fields.find((f) => f.code === 'EMAIL')!.enums).toBeNull();
  });

  it('answers one field, 204 for a missing one or one of another entity', async () => {
    const fields = await list('/api/v4/customers/custom_fields');
    const first = fields[0]!;
    const one = await t.as(SALES, {
      method: 'GET',
      url: `/api/v4/customers/custom_fields/${first.id}`,
    });
    expect(customFieldSchema.parse(one.json())).toEqual(first);
    const contactField = (await list('/api/v4/contacts/custom_fields'))[0]!;
    const wrongEntity = await t.as(SALES, {
      method: 'GET',
      url: `/api/v4/customers/custom_fields/${contactField.id}`,
    });
    expect(wrongEntity.statusCode).toBe(204);
    const missing = await t.as(SALES, {
      method: 'GET',
      url: '/api/v4/customers/custom_fields/999999',
    });
    expect(missing.statusCode).toBe(204);
  });

  it('pages with limit and answers 204 past the end', async () => {
    const response = await t.as(SALES, {
      method: 'GET',
      url: '/api/v4/customers/custom_fields?limit=4',
    });
    const page = customFieldsPageSchema.parse(response.json());
    expect(page._embedded.custom_fields).toHaveLength(4);
    expect(page._links.next?.href).toContain('page=2');
    const past = await t.as(SALES, {
      method: 'GET',
      url: '/api/v4/customers/custom_fields?page=5',
    });
    expect(past.statusCode).toBe(204);
  });
});

describe('GET /api/v4/contacts/custom_fields', () => {
  it("lists the contacts' fields with amoCRM's predefined PHONE and EMAIL", async () => {
    const fields = await list('/api/v4/contacts/custom_fields');
    expect(fields.map((f) => f.code)).toEqual(CONTACT_FIELDS.map((f) => f.code));
    const phone = fields.find((f) => f.code === 'PHONE')!;
    expect(phone).toMatchObject({
      type: 'multitext',
      entity_type: 'contacts',
      is_predefined: true,
      is_deletable: false,
    });
    expect(phone.enums?.map((e) => e.value)).toEqual(['WORK', 'MOB', 'HOME']);
    expect(phone._links.self.href).toMatch(
      new RegExp(`/api/v4/contacts/custom_fields/${phone.id}$`),
    );
  });
});
