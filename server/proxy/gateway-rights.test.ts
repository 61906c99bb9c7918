import { asc, count, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { customersPageSchema } from '../../src/contracts/customer';
import type { EntityRights } from '../../src/contracts/user';
import {
  accounts,
  customerContacts,
  customers,
  segments,
  transactions,
  users,
  contacts,
} from '../db/schema';
import { ADMIN, createTestApp, SALES, type TestApp } from '../test/test-app';
import { startLiveAccount, type LiveAccount } from './live-account';

/**
 * The embedded server's authorization matrix again, in gateway mode: the console (one instance)
 * in front of a live account (a second instance). Every refused request must leave the account
 * exactly as it was, and no write may reach it at all.
 */

const VIEW_D: EntityRights = { view: 'D', edit: 'D', add: 'D', delete: 'D', export: 'D' };
const VIEW_M: EntityRights = { view: 'M', edit: 'M', add: 'A', delete: 'D', export: 'D' };
const VIEW_D_EMAIL = 'view-d@example.com';
const VIEWER_EMAIL = 'viewer@example.com';
const LOCAL_ONLY_EMAIL = 'not-in-account@example.com';

let live: LiveAccount;
let t: TestApp;
let salesId: number;
let viewerId: number;
let ownId: number;
let foreignId: number;
let viewerCustomerId: number;
let ownTransactionId: number;
let foreignTransactionId: number;
let contactId: number;

beforeAll(async () => {
  live = await startLiveAccount();
  const db = live.database.db;
  await live.createUser({ customers: VIEW_D, email: VIEW_D_EMAIL });
  viewerId = (await live.createUser({ customers: VIEW_M, email: VIEWER_EMAIL })).id;
  salesId = (await db.select().from(users).where(eq(users.email, SALES)))[0]!.id;
  const own = await db
    .select()
    .from(customers)
    .where(eq(customers.responsibleUserId, salesId))
    .orderBy(asc(customers.id));
  ownId = own[0]!.id;
  viewerCustomerId = own[1]!.id;
  await db
    .update(customers)
    .set({ responsibleUserId: viewerId })
    .where(eq(customers.id, viewerCustomerId));
  foreignId = (
    await db
      .select()
      .from(customers)
      .where(ne(customers.responsibleUserId, salesId))
      .orderBy(asc(customers.id))
      .limit(1)
  )[0]!.id;
  const now = Math.floor(Date.now() / 1000);
  const transaction = (customerId: number) => ({
    customerId,
    price: 100,
    completedAt: now,
    createdBy: salesId,
    updatedBy: salesId,
    createdAt: now,
    updatedAt: now,
  });
  ownTransactionId = (
    await db.insert(transactions).values(transaction(ownId)).returning({ id: transactions.id })
  )[0]!.id;
  foreignTransactionId = (
    await db.insert(transactions).values(transaction(foreignId)).returning({ id: transactions.id })
  )[0]!.id;
  contactId = (await db.select({ id: contacts.id }).from(contacts).limit(1))[0]!.id;

  t = await createTestApp(
    { AMOCRM_BASE_URL: live.url, AMOCRM_ACCESS_TOKEN: live.token },
    // Pace off: these tests are about rights, the queue has its own.
    { gateway: { queue: { intervalMs: 1 } } },
  );
  // The console's own rights differ on purpose: only the account's count in gateway mode.
  await t.createUser({ customers: VIEW_D, email: VIEWER_EMAIL });
  await t.createUser({ customers: { ...VIEW_M, view: 'A' }, email: VIEW_D_EMAIL });
  await t.createUser({ customers: VIEW_M, email: LOCAL_ONLY_EMAIL, isAdmin: true });
});

afterAll(async () => {
  await t?.close();
  await live?.close();
});

beforeEach(() => {
  live.arrivals.length = 0;
});

/** Everything a refused request could have changed on the account. */
async function accountState() {
  const db = live.database.db;
  return JSON.stringify({
    account: await db.select().from(accounts),
    users: await db.select({ id: users.id, rights: users.rights }).from(users).orderBy(users.id),
    customers: await db.select().from(customers).orderBy(customers.id),
    transactions: await db.select({ n: count() }).from(transactions),
    segments: await db.select({ n: count() }).from(segments),
    links: await db.select({ n: count() }).from(customerContacts),
  });
}

type Role = 'admin' | 'sales' | 'viewD' | 'unmatched' | 'anonymous';
const EMAIL: Record<Exclude<Role, 'anonymous'>, string> = {
  admin: ADMIN,
  sales: SALES,
  viewD: VIEW_D_EMAIL,
  unmatched: LOCAL_ONLY_EMAIL,
};

type Call = { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; payload?: unknown };

function send(role: Role, call: Call) {
  const options = {
    method: call.method,
    url: `/api/v4${call.url}`,
    ...(call.payload === undefined ? {} : { payload: call.payload as object }),
  };
  return role === 'anonymous' ? t.app.inject(options) : t.as(EMAIL[role], options);
}

/**
 * Each row: a request, and the status each caller gets. Sales has view A, add A, edit M,
 * delete D upstream; view-D may do nothing; "unmatched" is a console admin with no account
 * user of that email, so it gets the fallback (view own, nothing else).
 */
const matrix: Array<{ name: string; call: () => Call; expect: Record<Role, number> }> = [
  {
    name: 'switch the customers mode',
    call: () => ({
      method: 'PATCH',
      url: '/customers/mode',
      payload: { mode: 'segments', is_enabled: true },
    }),
    expect: { admin: 200, sales: 403, viewD: 403, unmatched: 403, anonymous: 401 },
  },
  {
    name: "make sales an administrator (users' rights)",
    call: () => ({ method: 'PATCH', url: `/users/${salesId}`, payload: { rights: {} } }),
    expect: { admin: 200, sales: 403, viewD: 403, unmatched: 403, anonymous: 401 },
  },
  {
    name: 'add a segment',
    call: () => ({
      method: 'POST',
      url: '/customers/segments',
      payload: [{ name: 'VIP via gateway', color: '10599d' }],
    }),
    expect: { admin: 200, sales: 403, viewD: 403, unmatched: 403, anonymous: 401 },
  },
  {
    name: 'add a customer',
    call: () => ({ method: 'POST', url: '/customers', payload: [{ name: 'Via gateway' }] }),
    expect: { admin: 200, sales: 200, viewD: 403, unmatched: 403, anonymous: 401 },
  },
  {
    name: 'add a customer for someone else',
    call: () => ({
      method: 'POST',
      url: '/customers',
      payload: [{ name: 'For admin', responsible_user_id: 1 }],
    }),
    expect: { admin: 200, sales: 200, viewD: 403, unmatched: 403, anonymous: 401 },
  },
  {
    name: "edit sales' own customer",
    call: () => ({ method: 'PATCH', url: `/customers/${ownId}`, payload: { name: 'Own, edited' } }),
    expect: { admin: 200, sales: 200, viewD: 400, unmatched: 400, anonymous: 401 },
  },
  {
    name: "edit someone else's customer",
    call: () => ({ method: 'PATCH', url: `/customers/${foreignId}`, payload: { name: 'Taken' } }),
    expect: { admin: 200, sales: 403, viewD: 400, unmatched: 400, anonymous: 401 },
  },
  {
    name: "edit own and someone else's in one batch",
    call: () => ({
      method: 'PATCH',
      url: '/customers',
      payload: [
        { id: ownId, name: 'Own, batch' },
        { id: foreignId, name: 'Taken, batch' },
      ],
    }),
    expect: { admin: 200, sales: 403, viewD: 400, unmatched: 400, anonymous: 401 },
  },
  {
    name: "add a transaction to someone else's customer",
    call: () => ({
      method: 'POST',
      url: `/customers/${foreignId}/transactions`,
      payload: [{ price: 5 }],
    }),
    expect: { admin: 200, sales: 403, viewD: 400, unmatched: 400, anonymous: 401 },
  },
  {
    name: "add a transaction to sales' own customer",
    call: () => ({
      method: 'POST',
      url: `/customers/${ownId}/transactions`,
      payload: [{ price: 5 }],
    }),
    expect: { admin: 200, sales: 200, viewD: 400, unmatched: 400, anonymous: 401 },
  },
  {
    name: "delete a transaction of someone else's customer (by the transaction alone)",
    call: () => ({ method: 'DELETE', url: `/customers/transactions/${foreignTransactionId}` }),
    expect: { admin: 204, sales: 403, viewD: 400, unmatched: 400, anonymous: 401 },
  },
  {
    name: "delete a transaction of sales' own customer",
    call: () => ({ method: 'DELETE', url: `/customers/${ownId}/transactions/${ownTransactionId}` }),
    // Sales deleted it first: the admin's request is forwarded and the account says it is gone.
    expect: { admin: 400, sales: 204, viewD: 400, unmatched: 400, anonymous: 401 },
  },
  {
    name: "earn bonus points on someone else's customer",
    call: () => ({
      method: 'POST',
      url: `/customers/${foreignId}/bonus_points`,
      payload: { earn: 5 },
    }),
    expect: { admin: 200, sales: 403, viewD: 400, unmatched: 400, anonymous: 401 },
  },
  {
    name: "link a contact to someone else's customer",
    call: () => ({
      method: 'POST',
      url: `/customers/${foreignId}/link`,
      payload: [{ to_entity_id: contactId, to_entity_type: 'contacts' }],
    }),
    expect: { admin: 200, sales: 403, viewD: 400, unmatched: 400, anonymous: 401 },
  },
  {
    name: "link through the bulk form to someone else's customer",
    call: () => ({
      method: 'POST',
      url: '/customers/link',
      payload: [{ entity_id: foreignId, to_entity_id: contactId, to_entity_type: 'contacts' }],
    }),
    expect: { admin: 200, sales: 403, viewD: 400, unmatched: 400, anonymous: 401 },
  },
  {
    name: "read someone else's customer",
    call: () => ({ method: 'GET', url: `/customers/${foreignId}` }),
    expect: { admin: 200, sales: 200, viewD: 204, unmatched: 204, anonymous: 401 },
  },
  {
    name: "read someone else's customer's transactions",
    call: () => ({ method: 'GET', url: `/customers/${foreignId}/transactions` }),
    expect: { admin: 200, sales: 200, viewD: 204, unmatched: 204, anonymous: 401 },
  },
  {
    name: 'list customers',
    call: () => ({ method: 'GET', url: '/customers?limit=5' }),
    expect: { admin: 200, sales: 200, viewD: 204, unmatched: 204, anonymous: 401 },
  },
  {
    name: 'call a path the gateway does not know',
    call: () => ({ method: 'GET', url: '/leads' }),
    expect: { admin: 404, sales: 403, viewD: 403, unmatched: 403, anonymous: 401 },
  },
  {
    name: 'use a method the gateway does not know',
    call: () => ({ method: 'DELETE', url: `/customers/${ownId}` }),
    expect: { admin: 405, sales: 403, viewD: 403, unmatched: 403, anonymous: 401 },
  },
  {
    name: 'spell a known path another way',
    call: () => ({ method: 'PATCH', url: `/customers/${foreignId}/`, payload: { name: 'Slash' } }),
    expect: { admin: 405, sales: 403, viewD: 403, unmatched: 403, anonymous: 401 },
  },
];

const ROLES: Role[] = ['anonymous', 'unmatched', 'viewD', 'sales', 'admin'];

describe('gateway mode: rights are checked before anything is forwarded', () => {
  for (const row of matrix) {
    it(`${row.name}: ${ROLES.map((r) => `${r} ${row.expect[r]}`).join(', ')}`, async () => {
      for (const role of ROLES) {
        const expected = row.expect[role];
        const before = await accountState();
        live.arrivals.length = 0;
        const response = await send(role, row.call());
        expect({ role, status: response.statusCode }).toEqual({ role, status: expected });
        if (expected >= 400) {
          expect(response.headers['content-type']).toBe('application/problem+json');
        }
        const refused = expected >= 400 || (row.call().method === 'GET' && expected === 204);
        if (refused && role !== 'admin') {
          expect({ role, state: await accountState() }).toEqual({ role, state: before });
          expect({ role, writes: live.writes() }).toEqual({ role, writes: [] });
        }
        if (role === 'anonymous') expect(live.arrivals).toEqual([]);
      }
    });
  }
});

describe('gateway mode: what a view-own user sees', () => {
  it('lists only their own customers, whatever filter they send', async () => {
    const listed = await t.as(VIEWER_EMAIL, { method: 'GET', url: '/api/v4/customers?limit=250' });
    expect(listed.statusCode).toBe(200);
    const page = customersPageSchema.parse(listed.json());
    expect(page._embedded.customers.map((c) => c.id)).toEqual([viewerCustomerId]);
    // The account was asked for the viewer's customers only.
    expect(decodeURIComponent(live.arrivals.at(-1)!.url)).toContain(
      `filter[responsible_user_id][0]=${viewerId}`,
    );

    const asked = await t.as(VIEWER_EMAIL, {
      method: 'GET',
      url: `/api/v4/customers?filter[responsible_user_id]=${salesId}`,
    });
    expect(asked.statusCode).toBe(204);
    const byId = await t.as(VIEWER_EMAIL, {
      method: 'GET',
      url: `/api/v4/customers?filter[id]=${foreignId}`,
    });
    expect(byId.statusCode).toBe(204);
  });

  it("never learns other customers' ids through a contact's with=customers", async () => {
    const linked = await live.database.db
      .select({ contactId: customerContacts.contactId })
      .from(customerContacts)
      .where(eq(customerContacts.customerId, foreignId))
      .limit(1);
    const linkedContact = linked[0]?.contactId;
    if (linkedContact === undefined) throw new Error('the seed links no contact to that customer');
    const url = `/api/v4/contacts?with=customers&filter[id][]=${linkedContact}`;

    const asAdmin = (await t.as(ADMIN, { method: 'GET', url })).json() as {
      _embedded: { contacts: Array<{ _embedded?: { customers: Array<{ id: number }> } }> };
    };
    expect(asAdmin._embedded.contacts[0]?._embedded?.customers.map((c) => c.id)).toContain(
      foreignId,
    );

    const asViewer = await t.as(VIEWER_EMAIL, { method: 'GET', url });
    expect(asViewer.statusCode).toBe(200);
    expect(JSON.stringify(asViewer.json())).not.toContain('"customers"');
    expect(decodeURIComponent(live.arrivals.at(-1)!.url)).not.toContain('with=customers');
  });

  it('never sees another customer by id or through transactions', async () => {
    const byId = await t.as(VIEWER_EMAIL, { method: 'GET', url: `/api/v4/customers/${ownId}` });
    expect(byId.statusCode).toBe(204);
    const mine = await t.as(VIEWER_EMAIL, {
      method: 'GET',
      url: `/api/v4/customers/${viewerCustomerId}`,
    });
    expect(mine.statusCode).toBe(200);

    const all = await t.as(VIEWER_EMAIL, {
      method: 'GET',
      url: '/api/v4/customers/transactions?limit=250',
    });
    if (all.statusCode === 200) {
      const ids = all
        .json<{ _embedded: { transactions: Array<{ customer_id: number }> } }>()
        ._embedded.transactions.map((tx) => tx.customer_id);
      expect(ids.every((id) => id === viewerCustomerId)).toBe(true);
    } else {
      expect(all.statusCode).toBe(204);
    }
    const foreign = await t.as(VIEWER_EMAIL, {
      method: 'GET',
      url: `/api/v4/customers/transactions/${foreignTransactionId}`,
    });
    expect(foreign.statusCode).toBe(204);
  });

  it('takes rights from the account even when the console says otherwise', async () => {
    // The console row for VIEW_D_EMAIL says view A; the account says D.
    const response = await t.as(VIEW_D_EMAIL, {
      method: 'GET',
      url: `/api/v4/customers/${foreignId}`,
    });
    expect(response.statusCode).toBe(204);
  });
});
