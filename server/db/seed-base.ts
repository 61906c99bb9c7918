import { sql } from 'drizzle-orm';
import type { UserRights } from '../../src/contracts/user';
import { hashPassword } from '../services/passwords';
import { ACCOUNT_ID } from './account-repository';
import type { Db } from './client';
import { accounts, catalogs, customerStatuses, customFields, users } from './schema';

const NOW = () => Math.floor(Date.now() / 1000);

export const ADMIN_RIGHTS: UserRights = {
  customers: { view: 'A', edit: 'A', add: 'A', delete: 'A', export: 'A' },
  mail_access: true,
  catalog_access: true,
  is_admin: true,
  is_free: false,
  is_active: true,
  group_id: null,
  role_id: null,
};

/** The demo sales user: customers view all, add all, edit own, delete none (DESIGN.md). */
export const SALES_RIGHTS: UserRights = {
  customers: { view: 'A', edit: 'M', add: 'A', delete: 'D', export: 'A' },
  mail_access: true,
  catalog_access: true,
  is_admin: false,
  is_free: false,
  is_active: true,
  group_id: null,
  role_id: null,
};

export const DEMO_PASSWORD = 'demo';
export const DEMO_USERS = [
  { email: 'admin@example.com', name: 'Alice Admin', rights: ADMIN_RIGHTS, role: 'administrator' },
  { email: 'sales@example.com', name: 'Sam Sales', rights: SALES_RIGHTS, role: 'sales' },
] as const;

/** Customer custom fields of the demo account: one of each type the console edits. */
export const CUSTOMER_FIELDS = [
  { name: 'Email', type: 'text', code: 'EMAIL' },
  { name: 'Phone', type: 'text', code: 'PHONE' },
  { name: 'Annual revenue', type: 'numeric', code: 'REVENUE' },
  {
    name: 'Industry',
    type: 'select',
    code: 'INDUSTRY',
    enums: ['Retail', 'Manufacturing', 'IT', 'Healthcare', 'Education', 'Logistics'],
  },
  {
    name: 'Channels',
    type: 'multiselect',
    code: 'CHANNELS',
    enums: ['Email', 'Phone', 'Messenger', 'In person'],
  },
  { name: 'Contract date', type: 'date', code: 'CONTRACT_DATE' },
  { name: 'Newsletter', type: 'checkbox', code: 'NEWSLETTER' },
  { name: 'Website', type: 'url', code: 'WEBSITE' },
  { name: 'Notes', type: 'textarea', code: 'NOTES' },
] as const;

/** Contact fields amoCRM predefines: PHONE and EMAIL are multitext with enum codes. */
export const CONTACT_FIELDS = [
  { name: 'Phone', type: 'multitext', code: 'PHONE', enums: ['WORK', 'MOB', 'HOME'] },
  { name: 'Email', type: 'multitext', code: 'EMAIL', enums: ['WORK', 'PRIV'] },
  { name: 'Position', type: 'text', code: 'POSITION' },
] as const;

/** Periodicity mode's stages: amoCRM's five system types. */
export const CUSTOMER_STATUSES = [
  { name: 'Recently purchased', type: 4, color: '#ccff66', isDefault: false },
  { name: 'Regular', type: 0, color: '#99ccff', isDefault: true },
  { name: 'Expected purchase', type: 1, color: '#ffcc66', isDefault: false },
  { name: 'Did not purchase', type: 2, color: '#ff8f92', isDefault: false },
  { name: 'Closed', type: 3, color: '#dddddd', isDefault: false },
] as const;

let enumIds = 1000;
function enumsOf(values: readonly string[] | undefined) {
  return values
    ? values.map((value, sort) => ({ id: enumIds++, value, sort: (sort + 1) * 10 }))
    : null;
}

/**
 * What every account has: the account row, custom field definitions, statuses and a product
 * catalog. Idempotent: does nothing when the account exists.
 */
export async function ensureAccount(db: Db, options: { demo: boolean }): Promise<boolean> {
  const existing = await db.select({ id: accounts.id }).from(accounts).limit(1);
  if (existing.length > 0) return false;
  const now = NOW();
  await db.transaction(async (tx) => {
    await tx.insert(accounts).values({
      id: ACCOUNT_ID,
      name: options.demo ? 'Northwind Demo' : 'Customers Console',
      subdomain: options.demo ? 'northwind' : 'console',
      isDemo: options.demo,
      createdAt: now,
      updatedAt: now,
    });
    enumIds = 1000;
    await tx.insert(customFields).values([
      ...CUSTOMER_FIELDS.map((f, i) => ({
        entityType: 'customers',
        name: f.name,
        type: f.type,
        code: f.code,
        sort: (i + 1) * 10,
        enums: enumsOf('enums' in f ? f.enums : undefined),
      })),
      ...CONTACT_FIELDS.map((f, i) => ({
        entityType: 'contacts',
        name: f.name,
        type: f.type,
        code: f.code,
        sort: (i + 1) * 10,
        enums: enumsOf('enums' in f ? f.enums : undefined),
      })),
    ]);
    await tx
      .insert(customerStatuses)
      .values(CUSTOMER_STATUSES.map((s, i) => ({ ...s, sort: (i + 1) * 10 })));
    await tx.insert(catalogs).values({ name: 'Products', type: 'products', sort: 10 });
    if (options.demo) {
      for (const user of DEMO_USERS) {
        await tx.insert(users).values({
          name: user.name,
          email: user.email,
          passwordHash: await hashPassword(DEMO_PASSWORD),
          rights: user.rights,
          createdAt: now,
        });
      }
    }
  });
  await db.execute(sql`analyze`);
  return true;
}
