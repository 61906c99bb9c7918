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
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Account } from '../../../contracts/account';
import type { Customer } from '../../../contracts/customer';
import type { User } from '../../../contracts/user';
import { createTestQueryClient } from '../../../test/render';
import { theme } from '../../../theme';
import { validateCustomersSearch } from './search-notice-store';
import { preferencesKey } from './use-grid-preferences';
import { CustomersGrid } from './customers-grid';
import { CustomersPage } from './customers-page';

const me: User = {
  id: 2,
  name: 'Sam Sales',
  email: 'sales@example.com',
  lang: 'en',
  rights: {
    customers: { view: 'A', edit: 'M', add: 'A', delete: 'D', export: 'A' },
    mail_access: false,
    catalog_access: true,
    is_admin: false,
    is_free: false,
    is_active: true,
    group_id: null,
    role_id: null,
  },
  _links: { self: { href: '/api/v4/users/2' } },
};

const account: Account = {
  id: 1,
  name: 'Northwind',
  subdomain: 'northwind',
  created_at: 0,
  created_by: 0,
  updated_at: 0,
  updated_by: 0,
  current_user_id: 2,
  country: 'US',
  currency: 'USD',
  currency_symbol: '$',
  customers_mode: 'segments',
  is_unsorted_on: false,
  is_loss_reason_enabled: false,
  is_helpbot_enabled: false,
  is_technical_account: false,
  contact_name_display_order: 1,
  capabilities: {
    customers_order_fields: [
      'id',
      'created_at',
      'updated_at',
      'next_date',
      'next_price',
      'ltv',
      'name',
    ],
    customers_filters: ['segment_id', 'tag_id'],
    rights_customers: true,
    users_list_for_all: true,
    api_tokens: true,
    demo: true,
  },
  _links: { self: { href: '/api/v4/account' } },
};

function customer(id: number, name: string): Customer {
  return {
    id,
    name,
    next_price: 1200,
    next_date: 1_717_200_000,
    responsible_user_id: 2,
    status_id: null,
    periodicity: 0,
    created_by: 1,
    updated_by: 1,
    created_at: 1_700_000_000,
    updated_at: 1_700_000_100,
    closest_task_at: null,
    is_deleted: false,
    custom_fields_values: null,
    ltv: 3400,
    purchases_count: 2,
    average_check: 1700,
    account_id: 1,
    _links: { self: { href: `/api/v4/customers/${String(id)}` } },
    _embedded: { segments: [{ id: 3 }], tags: [{ id: 9, name: 'b2b' }] },
  };
}

const HAL = { 'Content-Type': 'application/hal+json' };
const hal = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: HAL });
const list = (key: string, items: unknown[]) =>
  hal({ _page: 1, _links: { self: { href: '/x' } }, _embedded: { [key]: items } });

type CustomersAnswer = () => Response | Promise<Response>;
let accountMode: Account['customers_mode'] = 'segments';
let customersAnswer: CustomersAnswer;
const fetchMock = vi.fn((input: string) => {
  const url = new URL(input, 'http://test');
  switch (url.pathname) {
    case '/api/v4/customers':
      return Promise.resolve(customersAnswer());
    case '/api/v4/users':
      return Promise.resolve(list('users', [me]));
    case '/api/v4/customers/segments':
      return Promise.resolve(
        list('segments', [
          {
            id: 3,
            name: 'VIP',
            color: 'd32f2f',
            created_at: 0,
            updated_at: 0,
            customers_count: 1,
            _links: { self: { href: '/s/3' } },
          },
        ]),
      );
    case '/api/v4/account':
      return Promise.resolve(hal({ ...account, customers_mode: accountMode }));
    case '/api/v4/customers/custom_fields':
    case '/api/v4/customers/tags':
      return Promise.resolve(new Response(null, { status: 204 }));
    default:
      return Promise.resolve(new Response(null, { status: 404 }));
  }
});

function renderGrid(url = '/customers', page: 'grid' | 'page' = 'grid') {
  const rootRoute = createRootRoute({ component: Outlet });
  const appRoute = createRoute({
    getParentRoute: () => rootRoute,
    id: '_app',
    beforeLoad: () => ({ me }),
  });
  const customersRoute = createRoute({
    getParentRoute: () => appRoute,
    path: 'customers/',
    validateSearch: validateCustomersSearch,
    component: () =>
      page === 'grid' ? (
        <CustomersGrid account={account} me={me} mode="segments" />
      ) : (
        <CustomersPage />
      ),
  });
  const settingsRoute = createRoute({
    getParentRoute: () => appRoute,
    path: 'settings',
    component: () => <p>Settings</p>,
  });
  const customerRoute = createRoute({
    getParentRoute: () => appRoute,
    path: 'customers/$customerId',
    component: () => <p>Customer page</p>,
  });
  const router = createRouter({
    routeTree: rootRoute.addChildren([
      appRoute.addChildren([customersRoute, customerRoute, settingsRoute]),
    ]),
    history: createMemoryHistory({ initialEntries: [url] }),
  });
  const queryClient = createTestQueryClient();
  render(
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { router };
}

beforeEach(() => {
  accountMode = 'segments';
  vi.stubGlobal('fetch', fetchMock);
  fetchMock.mockClear();
});
afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('CustomersGrid', () => {
  it('shows skeleton rows while the first page loads', async () => {
    customersAnswer = () => new Promise<Response>(() => undefined);
    renderGrid();
    const table = await screen.findByRole('table', { name: 'Customers' });
    expect(table).toHaveAttribute('aria-busy', 'true');
    expect(table.querySelectorAll('tr[data-skeleton]').length).toBeGreaterThan(0);
  });

  it('renders rows whose names are links to the customer', async () => {
    customersAnswer = () => list('customers', [customer(7, 'Acme Ltd'), customer(8, 'Globex')]);
    renderGrid();
    const link = await screen.findByRole('link', { name: 'Acme Ltd' });
    expect(link).toHaveAttribute('href', '/customers/7');
    const row = link.closest('tr');
    expect(row).not.toBeNull();
    const cells = within(row as HTMLElement);
    expect(cells.getByText('$3,400')).toBeInTheDocument();
    expect(await cells.findByText('VIP')).toBeInTheDocument();
    expect(cells.getByText('b2b')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'none');
  });

  it('offers "Clear filters" when nothing matches the filters', async () => {
    customersAnswer = () => new Response(null, { status: 204 });
    const { router } = renderGrid('/customers?q=zzz&segment=%5B3%5D');
    expect(await screen.findByText('No customers match')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove filter Search: zzz' })).toBeInTheDocument();
    const clear = screen.getAllByRole('button', { name: 'Clear filters' });
    const [clearButton] = clear.slice(-1);
    if (!clearButton) throw new Error('no Clear filters button');
    await userEvent.click(clearButton);
    await waitFor(() => expect(router.state.location.search).toEqual({}));
  });

  it('shows the problem and retries', async () => {
    customersAnswer = () =>
      new Response(
        JSON.stringify({
          title: 'Service Unavailable',
          type: 'about:blank',
          status: 500,
          detail: 'The database is resting',
        }),
        { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
      );
    renderGrid();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Service Unavailable');
    expect(alert).toHaveTextContent('The database is resting');
    customersAnswer = () => list('customers', [customer(7, 'Acme Ltd')]);
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: 'Acme Ltd' })).toBeInTheDocument();
  });

  it('says so when the link had settings it could not use, and resets them', async () => {
    customersAnswer = () => list('customers', [customer(7, 'Acme Ltd')]);
    const { router } = renderGrid('/customers?page=abc&sort=email&q=ok');
    expect(
      await screen.findByText('Some settings in the link were not understood and were reset'),
    ).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.search).toEqual({ q: 'ok' }));
  });

  it('sorts through the header button and starts again from page 1', async () => {
    customersAnswer = () => list('customers', [customer(7, 'Acme Ltd')]);
    const { router } = renderGrid('/customers?page=3');
    await screen.findByRole('link', { name: 'Acme Ltd' });
    await userEvent.click(screen.getByRole('button', { name: /^LTV/ }));
    await waitFor(() => expect(router.state.location.search).toEqual({ sort: 'ltv' }));
    expect(screen.getByRole('columnheader', { name: /LTV/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
  });

  it('keeps a column width set from the keyboard in the preferences, not the URL', async () => {
    customersAnswer = () => list('customers', [customer(7, 'Acme Ltd')]);
    const { router } = renderGrid('/customers?sort=ltv');
    await screen.findByRole('link', { name: 'Acme Ltd' });
    const handle = screen.getByRole('separator', { name: 'Resize column LTV' });
    expect(handle).toHaveAttribute('aria-valuetext', 'Fits content');

    handle.focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}');
    // jsdom lays nothing out, so the column starts from 0 px and the minimum (40 px) applies.
    expect(handle).toHaveAttribute('aria-valuenow', '80');
    const cell = screen.getByText('$3,400');
    expect(cell).toHaveStyle({ width: '80px' });
    const saved = JSON.parse(localStorage.getItem(preferencesKey(me.id)) ?? '{}') as unknown;
    expect(saved).toMatchObject({ widths: { ltv: 80 } });
    expect(router.state.location.search).toEqual({ sort: 'ltv' });

    await userEvent.keyboard('{Delete}');
    expect(handle).toHaveAttribute('aria-valuetext', 'Fits content');
    expect(screen.getByText('$3,400')).not.toHaveStyle({ width: '80px' });
    expect(JSON.parse(localStorage.getItem(preferencesKey(me.id)) ?? '{}')).not.toHaveProperty(
      'widths',
    );
  });

  it('says customers are turned off instead of showing the grid (and asks for no list)', async () => {
    accountMode = 'disabled';
    customersAnswer = () => list('customers', [customer(7, 'Acme Ltd')]);
    renderGrid('/customers', 'page');
    expect(
      await screen.findByText('Customers are turned off for this account'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    const asked = fetchMock.mock.calls.map(([url]) => new URL(url, 'http://test').pathname);
    expect(asked).not.toContain('/api/v4/customers');
  });

  it('says when the tariff has no customers', async () => {
    accountMode = 'unavailable';
    customersAnswer = () => list('customers', []);
    renderGrid('/customers', 'page');
    expect(await screen.findByText('Your tariff does not include customers')).toBeInTheDocument();
  });
});
