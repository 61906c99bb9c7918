import qs from 'qs';
import { BadRequest, Forbidden, NoContent } from '../errors';
import { customerRights } from '../services/principal';
import { mayActOn, type CustomerAction } from '../services/rights';
import type { AccountUsers } from './account-users';
import type { GatewayPrincipal } from './gateway-principal';
import { customerOwners, transactionCustomer } from './upstream-lookups';
import type { UpstreamQueue } from './upstream-queue';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** What to forward: the query to send instead of the caller's, and a filter over the answer. */
export type Plan = {
  query?: string;
  /** Returns the body to send back, or undefined when nothing is left (a 204). */
  filter?: (body: Json) => Promise<Json | undefined>;
};

export type PolicyContext = {
  principal: GatewayPrincipal;
  users: AccountUsers;
  queue: UpstreamQueue;
  method: string;
  /** Path under /api/v4, normalised (no dot segments), e.g. `/customers/7`. */
  path: string;
  /** The raw query string without `?`. */
  query: string;
  body: Buffer | undefined;
};

type Guard = (context: PolicyContext, params: string[]) => Promise<Plan>;

const QS_OPTIONS = { depth: 4, arrayLimit: 250, parameterLimit: 2000 } as const;

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function idOf(text: string): number {
  const id = Number(text);
  if (!Number.isSafeInteger(id) || id <= 0) throw new BadRequest(`Invalid id: ${text}`);
  return id;
}

/** The JSON array a batch write carries, or a 400 the caller can act on. */
function batchItems(body: Buffer | undefined): Array<{ [key: string]: Json }> {
  let parsed: Json;
  try {
    parsed = JSON.parse(body?.toString('utf8') ?? '') as Json;
  } catch {
    throw new BadRequest('Request body must be JSON');
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  if (items.length === 0) throw new BadRequest('Request data can not be empty');
  return items.map((item) => {
    if (!isObject(item)) throw new BadRequest('Each item must be an object');
    return item;
  });
}

function idField(item: { [key: string]: Json }, field: string): number {
  const value = item[field];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new BadRequest(`Each item needs a positive integer ${field}`);
  }
  return value;
}

async function ownerFor(context: PolicyContext, responsibleUserId: number) {
  return { responsibleUserId, responsibleGroupId: await context.users.groupOf(responsibleUserId) };
}

/** Whether the caller may do `action` on a customer whose responsible user is `owner`. */
async function may(context: PolicyContext, action: CustomerAction, owner: number) {
  return mayActOn(context.principal, action, await ownerFor(context, owner));
}

/**
 * Checks `action` on every customer, as the embedded server does: missing and hidden customers
 * are "not found" (a 204 for a read, a 400 for a write), a visible one the caller may not touch
 * is a 403.
 */
async function requireCustomers(context: PolicyContext, ids: number[], action: CustomerAction) {
  const owners = await customerOwners(context.queue, ids);
  for (const id of ids) {
    const owner = owners.get(id);
    if (owner === undefined || !(await may(context, 'view', owner))) {
      if (action === 'view') throw new NoContent();
      throw new BadRequest(`Customer ${id} not found`);
    }
    if (!(await may(context, action, owner))) {
      throw new Forbidden(`You may not ${action} customer ${id}`);
    }
  }
}

/** Keeps the items of `_embedded[key]` the caller may see; none left → 204. */
function keepVisible(
  context: PolicyContext,
  key: string,
  customerIdOf: (item: { [key: string]: Json }) => number | undefined,
  ownerIsField = false,
): Plan['filter'] {
  return async (body) => {
    if (!isObject(body) || !isObject(body._embedded)) return undefined;
    const items = body._embedded[key];
    if (!Array.isArray(items)) return undefined;
    const objects = items.filter(isObject);
    const owners = ownerIsField
      ? undefined
      : await customerOwners(
          context.queue,
          objects.map(customerIdOf).filter((id): id is number => id !== undefined),
        );
    const kept: Json[] = [];
    for (const item of objects) {
      const id = customerIdOf(item);
      const owner = ownerIsField ? id : id === undefined ? undefined : owners!.get(id);
      if (owner !== undefined && (await may(context, 'view', owner))) kept.push(item);
    }
    if (kept.length === 0) return undefined;
    return { ...body, _embedded: { ...body._embedded, [key]: kept } };
  };
}

const numberField = (field: string) => (item: { [key: string]: Json }) =>
  typeof item[field] === 'number' ? item[field] : undefined;

const viewsAll = (context: PolicyContext) => customerRights(context.principal).view === 'A';

/** The responsible users whose customers the caller sees, or undefined for everyone's. */
async function visibleOwners(context: PolicyContext): Promise<number[] | undefined> {
  const { principal } = context;
  // Without an account user of their own, "own" customers are none.
  if (principal.source === 'fallback')
    return customerRights(principal).view === 'A' ? undefined : [];
  switch (customerRights(principal).view) {
    case 'A':
      return undefined;
    case 'G':
      return principal.groupId === null
        ? [principal.id]
        : await context.users.membersOf(principal.groupId);
    case 'M':
      return [principal.id];
    case 'D':
      return [];
  }
}

function asIds(value: unknown): number[] | undefined {
  if (value === undefined) return undefined;
  const list = Array.isArray(value)
    ? value
    : typeof value === 'object' && value !== null
      ? Object.values(value)
      : [value];
  return list.map((item) => Number(item)).filter((id) => Number.isSafeInteger(id));
}

const open: Guard = async () => ({});

const adminsOnly: Guard = async () => {
  throw new Forbidden('Only administrators may do this on the live account');
};

/** `GET /customers`: the account's own filter narrows it, and the answer is checked again. */
const listCustomers: Guard = async (context) => {
  const owners = await visibleOwners(context);
  if (owners === undefined) return {};
  const query = qs.parse(context.query, QS_OPTIONS) as Record<string, unknown>;
  const filter = (
    typeof query.filter === 'object' && query.filter !== null ? query.filter : {}
  ) as Record<string, unknown>;
  const asked = asIds(filter.responsible_user_id);
  const allowed = asked === undefined ? owners : owners.filter((id) => asked.includes(id));
  if (allowed.length === 0) throw new NoContent();
  query.filter = { ...filter, responsible_user_id: allowed };
  return {
    query: qs.stringify(query, { arrayFormat: 'indices', encodeValuesOnly: true }),
    // An account without API filtering ignores the filter: the answer is what counts.
    filter: keepVisible(context, 'customers', numberField('responsible_user_id'), true),
  };
};

const getCustomer: Guard = async (context) => {
  if (viewsAll(context)) return {};
  return {
    filter: async (body) => {
      const owner = isObject(body) ? body.responsible_user_id : undefined;
      return typeof owner === 'number' && (await may(context, 'view', owner)) ? body : undefined;
    },
  };
};

const listTransactions: Guard = async (context) =>
  viewsAll(context)
    ? {}
    : { filter: keepVisible(context, 'transactions', numberField('customer_id')) };

const getTransaction: Guard = async (context) => {
  if (viewsAll(context)) return {};
  return {
    filter: async (body) => {
      const customerId = isObject(body) ? body.customer_id : undefined;
      if (typeof customerId !== 'number') return undefined;
      const owner = (await customerOwners(context.queue, [customerId])).get(customerId);
      return owner !== undefined && (await may(context, 'view', owner)) ? body : undefined;
    },
  };
};

/** Anything under `/customers/{id}/…`: the customer in the path decides. */
const onCustomer =
  (action: CustomerAction): Guard =>
  async (context, [id]) => {
    await requireCustomers(context, [idOf(id!)], action);
    return {};
  };

const addCustomers: Guard = async (context) => {
  for (const item of batchItems(context.body)) {
    const owner =
      item.responsible_user_id === undefined
        ? context.principal.id
        : idField(item, 'responsible_user_id');
    if (!(await may(context, 'add', owner))) {
      throw new Forbidden('You have no right to add customers for this responsible user');
    }
  }
  return {};
};

const editCustomers: Guard = async (context) => {
  const ids = batchItems(context.body).map((item) => idField(item, 'id'));
  await requireCustomers(context, ids, 'edit');
  return {};
};

const bulkLinks: Guard = async (context) => {
  const ids = batchItems(context.body).map((item) => idField(item, 'entity_id'));
  await requireCustomers(context, ids, 'edit');
  return {};
};

const listBulkLinks: Guard = async (context) =>
  viewsAll(context) ? {} : { filter: keepVisible(context, 'links', numberField('entity_id')) };

const deleteTransaction: Guard = async (context, [id]) => {
  const transactionId = idOf(id!);
  const customerId = await transactionCustomer(context.queue, transactionId);
  if (customerId === undefined) throw new BadRequest(`Transaction ${transactionId} not found`);
  await requireCustomers(context, [customerId], 'edit');
  return {};
};

/**
 * Contacts and companies are open to everyone, but their `with=customers` embed names customers
 * (by id) the caller may not see: unless they see every customer, the embed is not asked for,
 * and any that comes back anyway is dropped.
 */
const listParties: Guard = async (context) => {
  if (viewsAll(context)) return {};
  const query = qs.parse(context.query, QS_OPTIONS) as Record<string, unknown>;
  if (typeof query.with === 'string') {
    const rest = query.with
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '' && part !== 'customers');
    if (rest.length > 0) query.with = rest.join(',');
    else delete query.with;
  } else {
    delete query.with;
  }
  return {
    query: qs.stringify(query, { arrayFormat: 'indices', encodeValuesOnly: true }),
    filter: async (body) => {
      const list = isObject(body) && isObject(body._embedded) ? body._embedded : undefined;
      for (const items of Object.values(list ?? {})) {
        if (!Array.isArray(items)) continue;
        for (const item of items) {
          if (isObject(item) && isObject(item._embedded)) delete item._embedded.customers;
        }
      }
      return body;
    },
  };
};

const ID = '(\\d+)';
const PARTIES = '(?:contacts|companies)';

/**
 * Every /api/v4 request the console (or an API client) may make through the gateway, with the
 * check that runs before it is forwarded. Anything not listed is for administrators only.
 */
const RULES: Array<[method: string, path: string, guard: Guard]> = [
  ['GET', '/account', open],
  ['GET', '/users', open],
  [`GET`, `/users/${ID}`, open],
  ['GET', '/customers', listCustomers],
  ['POST', '/customers', addCustomers],
  ['PATCH', '/customers', editCustomers],
  ['GET', `/customers/${ID}`, getCustomer],
  ['PATCH', `/customers/${ID}`, onCustomer('edit')],
  ['GET', '/customers/transactions', listTransactions],
  ['GET', `/customers/transactions/${ID}`, getTransaction],
  ['DELETE', `/customers/transactions/${ID}`, deleteTransaction],
  ['GET', `/customers/${ID}/transactions`, onCustomer('view')],
  ['GET', `/customers/${ID}/transactions/${ID}`, onCustomer('view')],
  ['POST', `/customers/${ID}/transactions`, onCustomer('edit')],
  ['DELETE', `/customers/${ID}/transactions/${ID}`, onCustomer('edit')],
  ['POST', `/customers/${ID}/bonus_points`, onCustomer('edit')],
  ['GET', `/customers/${ID}/links`, onCustomer('view')],
  ['POST', `/customers/${ID}/(?:link|unlink)`, onCustomer('edit')],
  ['GET', '/customers/links', listBulkLinks],
  ['POST', '/customers/(?:link|unlink)', bulkLinks],
  ['GET', '/customers/segments', open],
  ['GET', `/customers/segments/${ID}`, open],
  ['GET', '/customers/statuses', open],
  ['GET', `/customers/statuses/${ID}`, open],
  ['GET', '/customers/tags', open],
  ['POST', '/customers/tags', open],
  ['GET', '/(?:customers|contacts|companies)/custom_fields', open],
  ['GET', `/(?:customers|contacts|companies)/custom_fields/${ID}`, open],
  ['GET', `/${PARTIES}`, listParties],
  ['GET', `/${PARTIES}/${ID}`, open],
  ['GET', '/catalogs', open],
  ['GET', `/catalogs/${ID}`, open],
  ['GET', `/catalogs/${ID}/elements`, open],
  ['GET', `/catalogs/${ID}/elements/${ID}`, open],
  // Said out loud although the default would refuse them too.
  ['PATCH', '/customers/mode', adminsOnly],
  ['PATCH', `/users/${ID}`, adminsOnly],
];

const COMPILED = RULES.map(([method, path, guard]) => ({
  method,
  pattern: new RegExp(`^${path}$`),
  guard,
}));

/**
 * Decides, before anything reaches amoCRM, whether this caller may make this request, and how
 * it must be narrowed. Throws Forbidden / BadRequest / NoContent; administrators pass as they are.
 */
export async function authorize(context: PolicyContext): Promise<Plan> {
  if (context.principal.isAdmin) return {};
  // HEAD is a GET without the body, and answers the same question.
  const method = context.method === 'HEAD' ? 'GET' : context.method;
  for (const rule of COMPILED) {
    if (rule.method !== method) continue;
    const match = rule.pattern.exec(context.path);
    if (match) return rule.guard(context, match.slice(1));
  }
  throw new Forbidden(
    `The gateway forwards ${context.method} ${context.path} for administrators only`,
  );
}
