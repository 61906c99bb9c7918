import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestQueryClient } from '../../../test/render';
import { theme } from '../../../theme';
import { transactionsSearchSchema } from '../search';
import { TransactionsPage } from './transactions-page';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 20_000 });

afterEach(() => {
  vi.unstubAllGlobals();
});

const self = (href: string) => ({ self: { href } });
const halPage = (key: string, items: unknown[], next = false) => ({
  _page: 1,
  _links: { ...self('/x'), ...(next ? { next: { href: '/x?page=2' } } : {}) },
  _embedded: { [key]: items },
});

const ACCOUNT = {
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
  customers_mode: 'segments',
  is_unsorted_on: false,
  is_loss_reason_enabled: false,
  is_helpbot_enabled: false,
  is_technical_account: false,
  contact_name_display_order: 1,
  _links: self('/api/v4/account'),
};

function transaction(id: number, customerId: number, price: number, completedAt: number) {
  return {
    id,
    price,
    comment: `purchase ${String(id)}`,
    completed_at: completedAt,
    customer_id: customerId,
    created_by: 1,
    updated_by: 1,
    created_at: completedAt,
    updated_at: completedAt,
    is_deleted: false,
    account_id: 1,
    _links: self(`/t/${String(id)}`),
    _embedded: {
      customer: { id: customerId },
      catalog_elements: [{ id: 5, metadata: { catalog_id: 2, quantity: 3 } }],
    },
  };
}

function customer(id: number, name: string) {
  return {
    id,
    name,
    next_price: 0,
    next_date: null,
    responsible_user_id: 1,
    status_id: null,
    periodicity: 0,
    created_by: 1,
    updated_by: 1,
    created_at: 1,
    updated_at: 1,
    closest_task_at: null,
    is_deleted: false,
    custom_fields_values: null,
    ltv: 0,
    purchases_count: 0,
    average_check: 0,
    account_id: 1,
    _links: self(`/c/${String(id)}`),
    _embedded: { segments: [], tags: [] },
  };
}

const urlOf = (input: RequestInfo | URL): string =>
  input instanceof Request ? input.url : input.toString();

function stub(handler: (url: URL) => Response | undefined) {
  const mock = vi.fn((input: RequestInfo | URL) => {
    const url = new URL(urlOf(input), 'http://localhost');
    if (url.pathname === '/api/v4/account') return Promise.resolve(Response.json(ACCOUNT));
    return Promise.resolve(handler(url) ?? new Response(null, { status: 204 }));
  });
  vi.stubGlobal('fetch', mock);
  return mock;
}

function renderPage(url = '/transactions') {
  const root = createRootRoute({ component: Outlet });
  const app = createRoute({ getParentRoute: () => root, id: '_app', component: Outlet });
  const list = createRoute({
    getParentRoute: () => app,
    path: 'transactions',
    validateSearch: transactionsSearchSchema,
    component: () => (
      <Suspense fallback="Loading">
        <TransactionsPage />
      </Suspense>
    ),
  });
  const detail = createRoute({
    getParentRoute: () => app,
    path: 'customers/$customerId',
    component: () => 'Customer',
  });
  const router = createRouter({
    routeTree: root.addChildren([app.addChildren([list, detail])]),
    history: createMemoryHistory({ initialEntries: [url] }),
  });
  render(
    <MantineProvider theme={theme} env="test">
      <QueryClientProvider client={createTestQueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return router;
}

describe('TransactionsPage', () => {
  it('lists transactions with customer names (one request for them), prices and products', async () => {
    const fetchMock = stub((url) => {
      if (url.pathname === '/api/v4/customers/transactions') {
        return Response.json(
          halPage(
            'transactions',
            [transaction(1, 10, 1200, 1_700_000_000), transaction(2, 11, 50, 1_690_000_000)],
            true,
          ),
        );
      }
      if (url.pathname === '/api/v4/customers')
        return Response.json(
          halPage('customers', [customer(10, 'Acme'), customer(11, 'Zed <i>Ltd</i>')]),
        );
      if (url.pathname === '/api/v4/catalogs/2/elements') {
        return Response.json(
          halPage('elements', [
            {
              id: 5,
              catalog_id: 2,
              name: 'Coffee',
              created_by: 1,
              updated_by: 1,
              created_at: 1,
              updated_at: 1,
              is_deleted: false,
              custom_fields_values: null,
              account_id: 1,
              _links: self('/e/5'),
            },
          ]),
        );
      }
      return undefined;
    });
    renderPage();
    const table = await screen.findByRole('table', { name: 'Transactions' });
    expect(await within(table).findByRole('link', { name: 'Acme' })).toHaveAttribute(
      'href',
      '/customers/10',
    );
    expect(within(table).getByRole('link', { name: 'Zed <i>Ltd</i>' })).toBeInTheDocument();
    expect(within(table).getByText('$1,200')).toBeInTheDocument();
    expect(await within(table).findAllByText('Coffee × 3')).toHaveLength(2);
    const customerCalls = fetchMock.mock.calls.filter(([input]) =>
      urlOf(input).startsWith('/api/v4/customers?'),
    );
    expect(customerCalls).toHaveLength(1);
    expect(decodeURIComponent(customerCalls[0] ? urlOf(customerCalls[0][0]) : '')).toContain(
      'filter[id][]=10&filter[id][]=11',
    );
    expect(screen.getByRole('button', { name: 'Next page' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
  });

  it('reads filters from the URL and sends them to the API', async () => {
    const fetchMock = stub(() => undefined);
    renderPage('/transactions?customer=10&from=2025-01-01&page=2');
    expect(await screen.findByText('This page is empty')).toBeInTheDocument();
    const call = fetchMock.mock.calls
      .map(([input]) => decodeURIComponent(urlOf(input)))
      .find((url) => url.includes('/customers/transactions'));
    expect(call).toContain('page=2');
    expect(call).toContain('filter[customer_id][]=10');
    expect(call).toContain('filter[completed_at][from]=');
  });

  it('clears the filters from the empty state', async () => {
    const user = userEvent.setup();
    stub(() => undefined);
    const router = renderPage('/transactions?from=2999-01-01');
    expect(await screen.findByText('No transactions')).toBeInTheDocument();
    const [clear] = screen.getAllByRole('button', { name: 'Clear filters' });
    if (!clear) throw new Error('no Clear filters button');
    await user.click(clear);
    await waitFor(() => expect(router.state.location.search).toEqual({}));
  });

  it('shows the error with Retry', async () => {
    stub((url) =>
      url.pathname === '/api/v4/customers/transactions'
        ? new Response(
            JSON.stringify({
              title: 'Internal Server Error',
              type: 'about:blank',
              status: 500,
              detail: 'down',
            }),
            {
              status: 500,
              headers: { 'Content-Type': 'application/problem+json' },
            },
          )
        : undefined,
    );
    renderPage();
    expect(await screen.findByRole('alert')).toHaveTextContent('Internal Server Error');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
