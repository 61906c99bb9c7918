// Test-only helpers for the customer page: a memory router with the page's route id and a fake API.
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import type { Customer } from '../../../contracts/customer';
import type { User } from '../../../contracts/user';
import { createTestQueryClient } from '../../../test/render';
import { theme } from '../../../theme';
import { customerPageSearchSchema } from './customer-page-search';

const link = (href: string) => ({ self: { href } });

export function makeCustomer(overrides: Partial<Customer> = {}): Customer {
  return {
    id: 7,
    name: 'Acme <b>Corp</b> 🚀',
    next_price: 500,
    next_date: null,
    responsible_user_id: 1,
    status_id: null,
    periodicity: 0,
    created_by: 1,
    updated_by: 2,
    created_at: 1_700_000_000,
    updated_at: 1_700_100_000,
    closest_task_at: null,
    is_deleted: false,
    custom_fields_values: null,
    ltv: 1000,
    purchases_count: 4,
    average_check: 250,
    account_id: 1,
    _links: link('/api/v4/customers/7'),
    _embedded: { segments: [], tags: [], contacts: [], companies: [], catalog_elements: [] },
    ...overrides,
  };
}

export function makeUser(
  id: number,
  name: string,
  edit: 'A' | 'G' | 'M' | 'D' = 'A',
  isAdmin = false,
): User {
  return {
    id,
    name,
    email: `${name.toLowerCase()}@example.com`,
    lang: 'en',
    rights: {
      customers: { view: 'A', edit, add: 'A', delete: 'D', export: 'A' },
      mail_access: false,
      catalog_access: true,
      is_admin: isAdmin,
      is_free: false,
      is_active: true,
      group_id: null,
      role_id: null,
    },
    _links: link(`/api/v4/users/${String(id)}`),
  };
}

export const ADMIN = makeUser(1, 'Ada', 'A', true);
export const SALES = makeUser(2, 'Sam', 'M');

export function account(mode: 'segments' | 'periodicity' = 'segments') {
  return {
    id: 1,
    name: 'Demo',
    subdomain: 'demo',
    created_at: 1,
    created_by: 1,
    updated_at: 1,
    updated_by: 1,
    current_user_id: 1,
    country: 'US',
    currency: 'USD',
    currency_symbol: '$',
    customers_mode: mode,
    is_unsorted_on: false,
    is_loss_reason_enabled: false,
    is_helpbot_enabled: false,
    is_technical_account: false,
    contact_name_display_order: 1,
    _links: link('/api/v4/account'),
  };
}

export const page = (key: string, items: unknown[], next = false) => ({
  _page: 1,
  _links: { self: { href: '/x' }, ...(next ? { next: { href: '/x?page=2' } } : {}) },
  _embedded: { [key]: items },
});

export const problem = (status: number, title: string, detail = '', extra: object = {}) =>
  new Response(JSON.stringify({ title, type: 'about:blank', status, detail, ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });

export const urlOf = (input: RequestInfo | URL): string =>
  input instanceof Request ? input.url : input.toString();

type Handler = (url: URL, init: RequestInit | undefined) => Response | undefined;

/** Stubs fetch: `handler` answers first, then the defaults (users, segments, empty lists). */
export function stubApi(handler: Handler) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(urlOf(input), 'http://localhost');
    const answer = handler(url, init);
    if (answer) return Promise.resolve(answer);
    if (url.pathname === '/api/v4/account') return Promise.resolve(Response.json(account()));
    if (url.pathname === '/api/v4/users')
      return Promise.resolve(Response.json(page('users', [ADMIN, SALES])));
    return Promise.resolve(new Response(null, { status: 204 }));
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** Renders `ui` at `url` inside a route with the real page's id (`/_app/customers/$customerId`). */
export function renderCustomerRoute(
  ui: ReactNode,
  {
    url = '/customers/7',
    queryClient = createTestQueryClient(),
  }: { url?: string; queryClient?: QueryClient } = {},
) {
  const root = createRootRoute({
    component: () => (
      <ModalsProvider>
        <Notifications />
        <Outlet />
      </ModalsProvider>
    ),
  });
  const app = createRoute({ getParentRoute: () => root, id: '_app', component: Outlet });
  const customer = createRoute({
    getParentRoute: () => app,
    path: 'customers/$customerId',
    validateSearch: customerPageSearchSchema,
    component: () => ui,
  });
  const customers = createRoute({
    getParentRoute: () => app,
    path: 'customers',
    component: () => 'Grid',
  });
  const router = createRouter({
    routeTree: root.addChildren([app.addChildren([customer, customers])]),
    history: createMemoryHistory({ initialEntries: [url] }),
  });
  const result = render(
    <MantineProvider theme={theme} env="test">
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { ...result, router, queryClient };
}
