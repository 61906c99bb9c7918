import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { CustomFieldValues } from '../../src/contracts/common';
import type { CatalogElementLink } from '../../src/contracts/catalog';
import type { UserRights } from '../../src/contracts/user';

/**
 * The database schema is not the wire schema: repositories map rows to amoCRM's shapes.
 * Dates are unix seconds in integer columns, as amoCRM exposes them, so no conversion is lost.
 */

export const accounts = pgTable('accounts', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  subdomain: text('subdomain').notNull(),
  country: text('country').notNull().default('US'),
  currency: text('currency').notNull().default('USD'),
  currencySymbol: text('currency_symbol').notNull().default('$'),
  customersEnabled: boolean('customers_enabled').notNull().default(true),
  customersMode: text('customers_mode', { enum: ['segments', 'periodicity'] })
    .notNull()
    .default('segments'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: integer('updated_by').notNull().default(0),
});

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  lang: text('lang').notNull().default('en'),
  groupId: integer('group_id'),
  rights: jsonb('rights').$type<UserRights>().notNull(),
  createdAt: integer('created_at').notNull(),
});

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie value: a stolen database does not yield live sessions. */
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    /** Absolute expiry: created_at + the session lifetime, however active the session is. */
    expiresAt: integer('expires_at').notNull(),
    /** Idle expiry is measured from here (refreshed at most once a minute). */
    lastSeenAt: integer('last_seen_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Failed sign-ins per bucket (`email:<sha256>` or `ip:<address>`) in a fixed window. In the
 * database, not in memory, so several servers on one PostgreSQL count the same attempts.
 */
export const loginFailures = pgTable('login_failures', {
  bucket: text('bucket').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: integer('window_started_at').notNull(),
});

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at'),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

export const customFields = pgTable('custom_fields', {
  id: serial('id').primaryKey(),
  entityType: text('entity_type').notNull(),
  name: text('name').notNull(),
  type: text('type').notNull(),
  code: text('code'),
  sort: integer('sort').notNull().default(0),
  enums: jsonb('enums').$type<Array<{ id: number; value: string; sort: number }>>(),
});

export const customerStatuses = pgTable('customer_statuses', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  sort: integer('sort').notNull(),
  isDefault: boolean('is_default').notNull().default(false),
  color: text('color').notNull(),
  type: integer('type').notNull(),
});

export const segments = pgTable('segments', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  color: text('color').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  /**
   * Live (not deleted) customers in the segment, whoever owns them. Kept by triggers in
   * migration 0002, never written by the app; callers who may not see every customer need
   * the counting join instead.
   */
  customersCount: integer('customers_count').notNull().default(0),
});

export const tags = pgTable(
  'tags',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    color: text('color'),
  },
  (t) => [uniqueIndex('tags_name_lower_idx').on(sql`lower(${t.name})`)],
);

/**
 * One index per order the API offers, on live customers only, holding every column the list's
 * page-of-ids query reads (the order key, id, and the owner the visibility rules test): page 400
 * of 250 then skips its 99,750 rows in an index-only scan instead of reading the wide rows
 * (customer-repository.ts asks for the page's ids first, then only those rows).
 */
const live = (order: string) =>
  ({
    on: (...columns: Parameters<ReturnType<typeof index>['on']>) =>
      index(`customers_live_${order}_idx`)
        .on(...columns)
        .where(sql`is_deleted = false`),
  }) as const;

export const customers = pgTable(
  'customers',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    nextPrice: integer('next_price').notNull().default(0),
    nextDate: integer('next_date'),
    responsibleUserId: integer('responsible_user_id').notNull(),
    statusId: integer('status_id'),
    periodicity: integer('periodicity').notNull().default(0),
    createdBy: integer('created_by').notNull(),
    updatedBy: integer('updated_by').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    closestTaskAt: integer('closest_task_at'),
    isDeleted: boolean('is_deleted').notNull().default(false),
    customFieldsValues: jsonb('custom_fields_values').$type<CustomFieldValues[]>(),
    ltv: bigint('ltv', { mode: 'number' }).notNull().default(0),
    purchasesCount: integer('purchases_count').notNull().default(0),
    averageCheck: bigint('average_check', { mode: 'number' }).notNull().default(0),
    bonusPoints: bigint('bonus_points', { mode: 'number' }).notNull().default(0),
    /** Lower-cased name and custom-field values: what `query` searches, trigram-indexed. */
    searchText: text('search_text').notNull().default(''),
  },
  (t) => [
    index('customers_responsible_idx').on(t.responsibleUserId, t.id),
    // One index per order the API offers, on live customers only, holding every column the
    // list's page-of-ids query reads (the order key, id, and the owner the visibility rules test):
    // page 400 of 250 then skips its 99,750 rows in an index-only scan instead of reading the
    // wide rows (customer-repository.ts asks for the page's ids first, then those rows).
    live('id').on(t.id, t.responsibleUserId),
    live('next_date').on(t.nextDate, t.id, t.responsibleUserId),
    // `order[next_date]=desc` puts nulls last, which a backward scan of the index above cannot.
    live('next_date_desc').on(
      t.nextDate.desc().nullsLast(),
      t.id.desc().nullsFirst(),
      t.responsibleUserId,
    ),
    live('created_at').on(t.createdAt, t.id, t.responsibleUserId),
    live('updated_at').on(t.updatedAt, t.id, t.responsibleUserId),
    live('next_price').on(t.nextPrice, t.id, t.responsibleUserId),
    live('ltv').on(t.ltv, t.id, t.responsibleUserId),
    // `name` itself too: PostgreSQL scans an expression index index-only when the column is in it.
    live('name').on(sql`lower(${t.name})`, t.id, t.name, t.responsibleUserId),
    index('customers_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    // Tiny (few customers are deleted): lets the segment-count triggers ask "is it deleted?"
    // with an anti-join instead of reading the wide customers table.
    index('customers_deleted_idx')
      .on(t.id)
      .where(sql`${t.isDeleted}`),
  ],
);

export const customerSegments = pgTable(
  'customer_segments',
  {
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    segmentId: integer('segment_id')
      .notNull()
      .references(() => segments.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.segmentId] }),
    index('customer_segments_segment_idx').on(t.segmentId, t.customerId),
  ],
);

export const customerTags = pgTable(
  'customer_tags',
  {
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.tagId] }),
    index('customer_tags_tag_idx').on(t.tagId, t.customerId),
  ],
);

const partyColumns = () => ({
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  responsibleUserId: integer('responsible_user_id').notNull(),
  createdBy: integer('created_by').notNull(),
  updatedBy: integer('updated_by').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  customFieldsValues: jsonb('custom_fields_values').$type<CustomFieldValues[]>(),
});

export const contacts = pgTable(
  'contacts',
  {
    ...partyColumns(),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
  },
  (t) => [index('contacts_name_idx').on(sql`lower(${t.name})`)],
);

export const companies = pgTable('companies', partyColumns());

export const customerContacts = pgTable(
  'customer_contacts',
  {
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    isMain: boolean('is_main').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.contactId] }),
    index('customer_contacts_contact_idx').on(t.contactId),
  ],
);

/** A customer has at most one company: the primary key is the customer. */
export const customerCompanies = pgTable('customer_companies', {
  customerId: integer('customer_id')
    .primaryKey()
    .references(() => customers.id, { onDelete: 'cascade' }),
  companyId: integer('company_id')
    .notNull()
    .references(() => companies.id, { onDelete: 'cascade' }),
});

export const catalogs = pgTable('catalogs', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  type: text('type').notNull().default('regular'),
  sort: integer('sort').notNull().default(0),
});

export const catalogElements = pgTable(
  'catalog_elements',
  {
    id: serial('id').primaryKey(),
    catalogId: integer('catalog_id')
      .notNull()
      .references(() => catalogs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdBy: integer('created_by').notNull(),
    updatedBy: integer('updated_by').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    customFieldsValues: jsonb('custom_fields_values').$type<CustomFieldValues[]>(),
  },
  (t) => [index('catalog_elements_catalog_idx').on(t.catalogId, t.id)],
);

export const customerCatalogElements = pgTable(
  'customer_catalog_elements',
  {
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    elementId: integer('element_id')
      .notNull()
      .references(() => catalogElements.id, { onDelete: 'cascade' }),
    catalogId: integer('catalog_id').notNull(),
    quantity: integer('quantity').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.elementId] })],
);

export const transactions = pgTable(
  'transactions',
  {
    id: serial('id').primaryKey(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    price: bigint('price', { mode: 'number' }).notNull(),
    comment: text('comment'),
    completedAt: integer('completed_at').notNull(),
    createdBy: integer('created_by').notNull(),
    updatedBy: integer('updated_by').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** Catalog elements of the purchase, as amoCRM embeds them. */
    catalogElements: jsonb('catalog_elements').$type<CatalogElementLink[]>().notNull().default([]),
  },
  (t) => [
    index('transactions_customer_idx').on(t.customerId, t.completedAt, t.id),
    index('transactions_completed_idx').on(t.completedAt, t.id),
  ],
);

/** Saved grid views (a console extension): a name for a `/customers?…` address. */
export const savedViews = pgTable(
  'saved_views',
  {
    id: serial('id').primaryKey(),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    url: text('url').notNull(),
    shared: boolean('shared').notNull().default(false),
    position: integer('position').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('saved_views_owner_idx').on(t.ownerId)],
);

/** The view a user's bare `/customers` opens; gone with the view or the user. */
export const savedViewDefaults = pgTable('saved_view_defaults', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  viewId: integer('view_id')
    .notNull()
    .references(() => savedViews.id, { onDelete: 'cascade' }),
});

/**
 * OAuth 2.0 tokens of the live amoCRM account (gateway mode with an integration), one row per
 * account URL. amoCRM rotates the refresh token on every refresh, so the latest one must outlive
 * a restart and be shared by every instance. `credentials_hash` is a hash of the authorization
 * code / refresh token given in the environment when this row was made: a new one there wins.
 * Secrets: never logged, never sent to the browser.
 */
export const amocrmOauthTokens = pgTable('amocrm_oauth_tokens', {
  baseUrl: text('base_url').primaryKey(),
  accessToken: text('access_token').notNull(),
  refreshToken: text('refresh_token').notNull(),
  expiresAt: integer('expires_at').notNull(),
  credentialsHash: text('credentials_hash').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
