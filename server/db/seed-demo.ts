import { en, Faker } from '@faker-js/faker';
import { sql } from 'drizzle-orm';
import { SEGMENT_COLORS } from '../../src/contracts/segment';
import type { CatalogElementLink } from '../../src/contracts/catalog';
import type { CustomFieldValues } from '../../src/contracts/common';
import { hashPassword } from '../services/passwords';
import { buildSearchText } from '../services/search-text';
import type { Db } from './client';
import { SALES_RIGHTS } from './seed-base';
import {
  catalogElements,
  catalogs,
  companies,
  contacts,
  customerCatalogElements,
  customerCompanies,
  customerContacts,
  customers,
  customerSegments,
  customerStatuses,
  customerTags,
  customFields,
  segments,
  tags,
  transactions,
  users,
} from './schema';

export type SeedOptions = {
  customers: number;
  /** Average transactions per customer (the demo has ~5, so ~10,000 for 2,000 customers). */
  transactionsPerCustomer?: number;
  seed?: number;
  /** Progress callback for the CLI. */
  onProgress?: (done: number, total: number) => void;
};

const DAY = 86_400;
const CHUNK = 500;

const SEGMENT_NAMES = [
  'VIP',
  'Wholesale',
  'Retail',
  'New this quarter',
  'At risk',
  'Loyal',
  'Big spenders',
  'Seasonal',
  'Online only',
  'Partners',
  'Dormant',
  'Referral',
  'Enterprise',
  'Small business',
  'Students',
];
const TAG_NAMES = [
  'priority',
  'newsletter',
  'b2b',
  'b2c',
  'trade show',
  'discount',
  'follow-up',
  'key account',
  'referral',
  'upsell',
  'churn risk',
  'holiday',
];
const EXTRA_USERS = ['Maria Lopez', 'Ivan Petrov', 'Chen Wei', 'Fatima Khan'];
const PERIODICITIES = [7, 14, 30, 30, 30, 60, 90];

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * A realistic, deterministic demo account: the same RNG seed gives the same customers.
 * Needs `ensureAccount(db, { demo: true })` first (users, fields, statuses, catalog).
 */
export async function seedDemo(db: Db, options: SeedOptions): Promise<void> {
  const faker = new Faker({ locale: [en] });
  faker.seed(options.seed ?? 20_261_124);
  const now = Math.floor(Date.now() / 1000);
  const perCustomer = options.transactionsPerCustomer ?? 5;

  // Team members who own customers but have no demo login.
  const existingUsers = await db.select({ id: users.id }).from(users);
  if (existingUsers.length < 2 + EXTRA_USERS.length) {
    const unusable = await hashPassword(faker.string.alphanumeric(32));
    await db.insert(users).values(
      EXTRA_USERS.map((name, i) => ({
        name,
        email: `${name.split(' ')[0]!.toLowerCase()}@example.com`,
        passwordHash: unusable,
        rights: { ...SALES_RIGHTS, group_id: i % 2 },
        groupId: i % 2,
        createdAt: now,
      })),
    );
  }
  const userIds = (await db.select({ id: users.id }).from(users)).map((u) => u.id);
  const statusIds = (await db.select({ id: customerStatuses.id }).from(customerStatuses)).map(
    (s) => s.id,
  );
  const fields = await db.select().from(customFields);
  const customerFields = fields.filter((f) => f.entityType === 'customers');
  const contactFields = fields.filter((f) => f.entityType === 'contacts');
  const [catalog] = await db.select().from(catalogs).limit(1);
  if (!catalog) throw new Error('ensureAccount must run before seedDemo');

  // `cli seed` adds customers to an account that may already have the demo's segments and tags
  // (tag names are unique): reuse them instead of inserting them twice.
  const existingSegments = await db.select({ id: segments.id }).from(segments);
  const existingTags = await db.select({ id: tags.id }).from(tags);
  const segmentRows =
    existingSegments.length > 0
      ? existingSegments
      : await db
          .insert(segments)
          .values(
            SEGMENT_NAMES.map((name, i) => ({
              name,
              color: SEGMENT_COLORS[i % SEGMENT_COLORS.length]!,
              createdAt: now - 400 * DAY,
              updatedAt: now - 400 * DAY,
            })),
          )
          .returning({ id: segments.id });
  const tagRows =
    existingTags.length > 0
      ? existingTags
      : await db
          .insert(tags)
          .values(TAG_NAMES.map((name) => ({ name })))
          .returning({ id: tags.id });

  const productRows = await db
    .insert(catalogElements)
    .values(
      Array.from({ length: 40 }, () => ({
        catalogId: catalog.id,
        name: faker.commerce.productName(),
        createdBy: userIds[0]!,
        updatedBy: userIds[0]!,
        createdAt: now - 500 * DAY,
        updatedAt: now - 500 * DAY,
      })),
    )
    .returning({ id: catalogElements.id });

  const phoneField = contactFields.find((f) => f.code === 'PHONE');
  const emailField = contactFields.find((f) => f.code === 'EMAIL');
  const contactCount = Math.ceil(options.customers * 1.25);
  const contactRows: Array<typeof contacts.$inferInsert> = Array.from(
    { length: contactCount },
    () => {
      const first = faker.person.firstName();
      const last = faker.person.lastName();
      const created = now - faker.number.int({ min: 30, max: 900 }) * DAY;
      const values: CustomFieldValues[] = [];
      if (phoneField) {
        values.push({
          field_id: phoneField.id,
          field_name: phoneField.name,
          field_code: phoneField.code,
          field_type: phoneField.type,
          values: [{ value: faker.phone.number({ style: 'international' }), enum_code: 'WORK' }],
        });
      }
      if (emailField) {
        values.push({
          field_id: emailField.id,
          field_name: emailField.name,
          field_code: emailField.code,
          field_type: emailField.type,
          values: [
            {
              value: faker.internet.email({ firstName: first, lastName: last }).toLowerCase(),
              enum_code: 'WORK',
            },
          ],
        });
      }
      return {
        name: `${first} ${last}`,
        firstName: first,
        lastName: last,
        responsibleUserId: faker.helpers.arrayElement(userIds),
        createdBy: userIds[0]!,
        updatedBy: userIds[0]!,
        createdAt: created,
        updatedAt: created,
        customFieldsValues: values,
      };
    },
  );
  const contactIds: number[] = [];
  await insertChunked(contactRows, async (chunk) => {
    const rows = await db.insert(contacts).values(chunk).returning({ id: contacts.id });
    contactIds.push(...rows.map((r) => r.id));
  });

  const companyRows = Array.from({ length: Math.ceil(options.customers * 0.3) }, () => {
    const created = now - faker.number.int({ min: 30, max: 900 }) * DAY;
    return {
      name: faker.company.name(),
      responsibleUserId: faker.helpers.arrayElement(userIds),
      createdBy: userIds[0]!,
      updatedBy: userIds[0]!,
      createdAt: created,
      updatedAt: created,
    };
  });
  const companyIds: number[] = [];
  await insertChunked(companyRows, async (chunk) => {
    const rows = await db.insert(companies).values(chunk).returning({ id: companies.id });
    companyIds.push(...rows.map((r) => r.id));
  });

  const fieldValue = (
    field: (typeof customerFields)[number],
    name: string,
  ): CustomFieldValues | null => {
    const base = {
      field_id: field.id,
      field_name: field.name,
      field_code: field.code,
      field_type: field.type,
    };
    switch (field.type) {
      case 'text':
        return field.code === 'EMAIL'
          ? {
              ...base,
              values: [
                { value: faker.internet.email({ lastName: name.split(' ')[0] }).toLowerCase() },
              ],
            }
          : { ...base, values: [{ value: faker.phone.number({ style: 'international' }) }] };
      case 'numeric':
        return {
          ...base,
          values: [{ value: String(faker.number.int({ min: 10, max: 5000 }) * 1000) }],
        };
      case 'select': {
        const choice = faker.helpers.arrayElement(field.enums ?? []);
        return { ...base, values: [{ value: choice.value, enum_id: choice.id }] };
      }
      case 'multiselect':
        return {
          ...base,
          values: faker.helpers
            .arrayElements(field.enums ?? [], { min: 1, max: 2 })
            .map((choice) => ({ value: choice.value, enum_id: choice.id })),
        };
      case 'date':
        return {
          ...base,
          values: [{ value: now - faker.number.int({ min: 10, max: 700 }) * DAY }],
        };
      case 'checkbox':
        return { ...base, values: [{ value: faker.datatype.boolean() }] };
      case 'url':
        return { ...base, values: [{ value: `https://${faker.internet.domainName()}` }] };
      case 'textarea':
        return { ...base, values: [{ value: faker.company.catchPhrase() }] };
      default:
        return null;
    }
  };

  let contactCursor = 0;
  let done = 0;
  for (let start = 0; start < options.customers; start += CHUNK) {
    const size = Math.min(CHUNK, options.customers - start);
    const rows = Array.from({ length: size }, () => {
      const person = faker.datatype.boolean({ probability: 0.35 });
      const name = person ? faker.person.fullName() : faker.company.name();
      const created =
        now - faker.number.int({ min: 5, max: 720 }) * DAY - faker.number.int({ min: 0, max: DAY });
      const values = customerFields
        .filter(() => faker.datatype.boolean({ probability: 0.7 }))
        .map((field) => fieldValue(field, name))
        .filter((v): v is CustomFieldValues => v !== null);
      return {
        name,
        nextPrice: faker.number.int({ min: 0, max: 400 }) * 50,
        nextDate: faker.datatype.boolean({ probability: 0.9 })
          ? now + faker.number.int({ min: -45, max: 120 }) * DAY
          : null,
        responsibleUserId: faker.helpers.arrayElement(userIds),
        statusId: faker.helpers.arrayElement(statusIds),
        periodicity: faker.helpers.arrayElement(PERIODICITIES),
        createdBy: userIds[0]!,
        updatedBy: userIds[0]!,
        createdAt: created,
        updatedAt: created + faker.number.int({ min: 0, max: 30 }) * DAY,
        customFieldsValues: values.length > 0 ? values : null,
        searchText: buildSearchText(name, values),
      };
    });
    const inserted = await db
      .insert(customers)
      .values(rows)
      .returning({ id: customers.id, createdAt: customers.createdAt });

    const segmentLinks: Array<typeof customerSegments.$inferInsert> = [];
    const tagLinks: Array<typeof customerTags.$inferInsert> = [];
    const contactLinks: Array<typeof customerContacts.$inferInsert> = [];
    const companyLinks: Array<typeof customerCompanies.$inferInsert> = [];
    const elementLinks: Array<typeof customerCatalogElements.$inferInsert> = [];
    const purchases: Array<typeof transactions.$inferInsert> = [];
    for (const customer of inserted) {
      for (const s of faker.helpers.arrayElements(segmentRows, { min: 0, max: 3 })) {
        segmentLinks.push({ customerId: customer.id, segmentId: s.id });
      }
      for (const t of faker.helpers.arrayElements(tagRows, { min: 0, max: 3 })) {
        tagLinks.push({ customerId: customer.id, tagId: t.id });
      }
      const contactsHere = faker.helpers.weightedArrayElement([
        { weight: 2, value: 0 },
        { weight: 6, value: 1 },
        { weight: 2, value: 2 },
        { weight: 1, value: 3 },
      ]);
      for (let c = 0; c < contactsHere && contactIds.length > 0; c++) {
        contactLinks.push({
          customerId: customer.id,
          contactId: contactIds[contactCursor++ % contactIds.length]!,
          isMain: c === 0,
        });
      }
      if (companyIds.length > 0 && faker.datatype.boolean({ probability: 0.6 })) {
        companyLinks.push({
          customerId: customer.id,
          companyId: faker.helpers.arrayElement(companyIds),
        });
      }
      for (const e of faker.helpers.arrayElements(productRows, { min: 0, max: 2 })) {
        elementLinks.push({
          customerId: customer.id,
          elementId: e.id,
          catalogId: catalog.id,
          quantity: faker.number.int({ min: 1, max: 20 }),
        });
      }
      const count = faker.number.int({ min: 0, max: perCustomer * 2 });
      for (let t = 0; t < count; t++) {
        const completed = faker.number.int({ min: customer.createdAt, max: now });
        const items: CatalogElementLink[] = faker.helpers
          .arrayElements(productRows, { min: 0, max: 2 })
          .map((e) => ({
            id: e.id,
            metadata: { catalog_id: catalog.id, quantity: faker.number.int({ min: 1, max: 10 }) },
          }));
        purchases.push({
          customerId: customer.id,
          price: faker.number.int({ min: 1, max: 400 }) * 50,
          comment: faker.datatype.boolean({ probability: 0.4 })
            ? faker.commerce.productDescription().slice(0, 120)
            : null,
          completedAt: completed,
          createdBy: faker.helpers.arrayElement(userIds),
          updatedBy: userIds[0]!,
          createdAt: completed,
          updatedAt: completed,
          catalogElements: items,
        });
      }
    }
    await insertChunked(segmentLinks, (chunk) => db.insert(customerSegments).values(chunk));
    await insertChunked(tagLinks, (chunk) => db.insert(customerTags).values(chunk));
    await insertChunked(contactLinks, (chunk) => db.insert(customerContacts).values(chunk));
    await insertChunked(companyLinks, (chunk) => db.insert(customerCompanies).values(chunk));
    await insertChunked(elementLinks, (chunk) => db.insert(customerCatalogElements).values(chunk));
    await insertChunked(purchases, (chunk) => db.insert(transactions).values(chunk));
    done += size;
    options.onProgress?.(done, options.customers);
  }

  // The figures are derived from the transactions, as the service keeps them afterwards.
  await db.execute(sql`
    update customers c set
      ltv = t.ltv, purchases_count = t.n, average_check = t.ltv / t.n
    from (select customer_id, sum(price) as ltv, count(*) as n from transactions group by customer_id) t
    where t.customer_id = c.id`);
  await db.execute(sql`analyze`);
}
