import { tokenCreatedSchema } from '../src/contracts/auth';
import {
  customersPageSchema,
  customersWriteResponseSchema,
  type CustomerCreate,
} from '../src/contracts/customer';
import type { Target } from './bench-load';

const ADMIN = { email: 'admin@example.com', password: 'demo' };
const DAY = 86_400;

/** Signs in as the demo admin and makes an API token, as an integration would hold one. */
export async function signIn(base: string): Promise<string> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify(ADMIN),
  });
  const cookie = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('cc_session='))
    ?.split(';')[0];
  if (!login.ok || !cookie) {
    throw new Error(`sign-in as ${ADMIN.email} failed: HTTP ${login.status} ${await login.text()}`);
  }
  const created = await fetch(`${base}/api/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, cookie },
    body: JSON.stringify({ name: 'bench:api' }),
  });
  const body: unknown = await created.json().catch(() => undefined);
  const parsed = tokenCreatedSchema.safeParse(body);
  if (!created.ok || !parsed.success) {
    throw new Error(`creating an API token failed: HTTP ${created.status} ${JSON.stringify(body)}`);
  }
  return parsed.data.access_token;
}

/** Checks a list page against the contract and the size the benchmark relies on. */
function pageCheck(expected: (count: number) => string | undefined, needContacts: boolean) {
  return (_status: number, text: string) => {
    const parsed = customersPageSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return `not a customers page: ${parsed.error.message.slice(0, 300)}`;
    const customers = parsed.data._embedded.customers;
    if (needContacts && !customers.some((c) => (c._embedded?.contacts?.length ?? 0) > 0)) {
      return 'with=contacts embedded no contacts';
    }
    return expected(customers.length);
  };
}

/** 250 new customers, valid in either customers mode (periodicity mode needs all three). */
function batch(): string {
  const now = Math.floor(Date.now() / 1000);
  const items: CustomerCreate[] = Array.from({ length: 250 }, (_, i) => ({
    name: `Bench customer ${i + 1}`,
    next_price: 1000 + i,
    next_date: now + ((i % 60) + 1) * DAY,
    periodicity: 30,
  }));
  return JSON.stringify(items);
}

/** Every order the API offers (GET /api/v4/account?with=capabilities lists the same). */
const ORDER_FIELDS = [
  'id',
  'name',
  'created_at',
  'updated_at',
  'next_date',
  'next_price',
  'ltv',
] as const;

/**
 * The measured requests: the console's big page, a small page, a search, page 400 of 250 in every
 * sort order, a full batch create. The big page runs twice: alone (1 connection: the latency one
 * user sees) and under load (10 connections: the throughput; PGlite runs one query at a time, so
 * its latency there is mostly queueing). Budgets are the goals.
 */
export function apiTargets(query: string): Target[] {
  const bigPage: Omit<Target, 'connections'> = {
    name: 'GET /customers?limit=250&with=contacts',
    method: 'GET',
    path: '/api/v4/customers?limit=250&with=contacts',
    duration: 10,
    check: pageCheck((n) => (n === 250 ? undefined : `${n} customers instead of 250`), true),
  };
  const search: Omit<Target, 'connections'> = {
    name: `GET /customers?query=${query}&limit=50`,
    method: 'GET',
    path: `/api/v4/customers?query=${encodeURIComponent(query)}&limit=50`,
    duration: 10,
    check: pageCheck((n) => (n > 0 ? undefined : 'no match'), false),
  };
  const deepPages: Target[] = ORDER_FIELDS.flatMap((field) =>
    (['asc', 'desc'] as const).map((direction) => ({
      name: `GET page 400 of 250, order[${field}]=${direction}`,
      method: 'GET' as const,
      path: `/api/v4/customers?limit=250&page=400&order[${field}]=${direction}`,
      connections: 1,
      duration: 3,
      check: pageCheck((n) => (n === 250 ? undefined : `${n} customers instead of 250`), false),
      budget: { p50: 60 },
    })),
  );
  return [
    { ...bigPage, connections: 1 },
    { ...bigPage, connections: 10, budget: { p99: 100, rps: { PGlite: 120, PostgreSQL: 250 } } },
    {
      name: 'GET /customers?limit=50',
      method: 'GET',
      path: '/api/v4/customers?limit=50',
      connections: 10,
      duration: 10,
      check: pageCheck((n) => (n === 50 ? undefined : `${n} customers instead of 50`), false),
      budget: { rps: { PostgreSQL: 600 } },
    },
    { ...search, connections: 1 },
    { ...search, connections: 10 },
    ...deepPages,
    {
      name: 'POST /customers (250 per batch)',
      method: 'POST',
      path: '/api/v4/customers',
      body: batch(),
      connections: 2,
      // 40 batches: 10,000 new customers, a bounded amount of work on every backend.
      amount: 40,
      check: (_status, text) => {
        const parsed = customersWriteResponseSchema.safeParse(JSON.parse(text));
        if (!parsed.success) return `not a write response: ${parsed.error.message.slice(0, 300)}`;
        const n = parsed.data._embedded.customers.length;
        return n === 250 ? undefined : `${n} customers created instead of 250`;
      },
    },
  ];
}
