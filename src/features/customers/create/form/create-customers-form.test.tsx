import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { accountQueries } from '../../../../api/account-queries';
import { referenceQueries } from '../../../../api/reference';
import type { Account } from '../../../../contracts/account';
import type { CustomField } from '../../../../contracts/custom-field';
import { createTestQueryClient } from '../../../../test/render';
import { theme } from '../../../../theme';
import { CreateCustomersForm } from './create-customers-form';

function account(mode: Account['customers_mode']): Account {
  return {
    id: 1,
    name: 'Demo',
    subdomain: 'demo',
    created_at: 0,
    created_by: 1,
    updated_at: 0,
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
    _links: { self: { href: '/api/v4/account' } },
  };
}

const revenueField: CustomField = {
  id: 7,
  name: 'Annual revenue',
  type: 'numeric',
  code: null,
  sort: 1,
  is_api_only: false,
  enums: null,
  group_id: null,
  required_statuses: [],
  is_deletable: true,
  is_predefined: false,
  entity_type: 'customers',
  account_id: 1,
  _links: { self: { href: '/x' } },
};

const urlOf = (input: RequestInfo | URL) =>
  input instanceof Request ? input.url : input.toString();
const bodyOf = (init: RequestInit | undefined): unknown =>
  JSON.parse(typeof init?.body === 'string' ? init.body : 'null');

const json = (status: number, body: unknown, type = 'application/hal+json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

const created = (items: Array<{ request_id: string }>) =>
  json(200, {
    _links: { self: { href: '/api/v4/customers' } },
    _embedded: {
      customers: items.map((item, i) => ({
        id: 100 + i,
        request_id: item.request_id,
        _links: { self: { href: `/api/v4/customers/${String(100 + i)}` } },
      })),
    },
  });

/** `onPost` answers POST /api/v4/customers with the sent items; every other request is a 204. */
function mockFetch(
  onPost: (items: Array<{ request_id: string; name?: string }>) => Response | Promise<Response>,
) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    if (urlOf(input) === '/api/v4/customers' && init?.method === 'POST') {
      return onPost(bodyOf(init) as Array<{ request_id: string }>);
    }
    return new Response(null, { status: 204 });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}
const posts = (fetchMock: ReturnType<typeof mockFetch>) =>
  fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST');

function renderForm(mode: Account['customers_mode']) {
  const queryClient: QueryClient = createTestQueryClient();
  queryClient.setQueryData(accountQueries.detail().queryKey, account(mode));
  queryClient.setQueryData(referenceQueries.customFields().queryKey, [revenueField]);
  queryClient.setQueryData(referenceQueries.users().queryKey, []);
  queryClient.setQueryData(referenceQueries.tags().queryKey, []);
  queryClient.setQueryData(referenceQueries.segments().queryKey, []);

  const root = createRootRoute({ component: Outlet });
  const routes = [
    createRoute({
      getParentRoute: () => root,
      path: '/customers/new',
      component: () => <CreateCustomersForm meId={1} />,
    }),
    createRoute({
      getParentRoute: () => root,
      path: '/customers',
      component: () => <p>Customers grid</p>,
    }),
    createRoute({
      getParentRoute: () => root,
      path: '/customers/import',
      component: () => <p>Import</p>,
    }),
    createRoute({
      getParentRoute: () => root,
      path: '/customers/$customerId',
      component: () => <p>Customer page</p>,
    }),
  ];
  const router = createRouter({
    routeTree: root.addChildren(routes),
    history: createMemoryHistory({ initialEntries: ['/customers/new'] }),
  });
  render(
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { queryClient, router };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const section = (n: number) => screen.getByRole('region', { name: `Customer ${String(n)}` });

describe('CreateCustomersForm', { timeout: 20_000 }, () => {
  it('requires name, next purchase date and periodicity in periodicity mode, and sends nothing', async () => {
    const fetchMock = mockFetch((items) => created(items));
    renderForm('periodicity');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Create' }));

    expect(await screen.findAllByText('This field is required in periodicity mode')).toHaveLength(
      3,
    );
    expect(screen.getByLabelText(/^Name/)).toHaveAccessibleDescription(
      /required in periodicity mode/,
    );
    expect(posts(fetchMock)).toHaveLength(0);
  });

  it('sends a name-only customer in segments mode and goes to its page', async () => {
    const fetchMock = mockFetch((items) => created(items));
    const { router } = renderForm('segments');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^Name/), 'Acme');
    await user.click(screen.getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/customers/100'));
    const [item] = bodyOf(posts(fetchMock)[0]?.[1]) as Array<Record<string, unknown>>;
    expect(item).toMatchObject({ name: 'Acme', responsible_user_id: 1 });
    expect(typeof item?.request_id).toBe('string');
  });

  it('re-validates when the account switches to periodicity mode', async () => {
    mockFetch(() =>
      json(
        503,
        { title: 'Unavailable', type: 'x', status: 503, detail: 'later' },
        'application/problem+json',
      ),
    );
    const { queryClient } = renderForm('segments');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^Name/), 'Acme');
    await user.click(await screen.findByRole('button', { name: 'Create' }));
    await screen.findByRole('alert');
    expect(
      screen.queryByText('This field is required in periodicity mode'),
    ).not.toBeInTheDocument();

    act(() => {
      queryClient.setQueryData(accountQueries.detail().queryKey, account('periodicity'));
    });
    // The name is there; the date and the periodicity are not.
    expect(await screen.findAllByText('This field is required in periodicity mode')).toHaveLength(
      2,
    );
  });

  it("puts a 400's errors on the right row and field, and says nothing was created", async () => {
    const fetchMock = mockFetch((items) =>
      json(
        400,
        {
          title: 'Bad Request',
          type: 'x',
          status: 400,
          detail: 'Request validation failed',
          'validation-errors': [
            {
              request_id: items[1]?.request_id,
              errors: [{ code: 'InvalidLength', path: 'name', detail: 'Name is too long' }],
            },
            {
              request_id: items[0]?.request_id,
              errors: [
                {
                  code: 'InvalidType',
                  path: 'custom_fields_values.0.values.0.value',
                  detail: 'Server says no',
                },
              ],
            },
          ],
        },
        'application/problem+json',
      ),
    );
    renderForm('segments');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^Name/), 'First');
    await user.type(screen.getByLabelText('Annual revenue'), '12');
    await user.click(screen.getByRole('button', { name: 'Add another' }));
    await user.type(within(section(2)).getByLabelText(/^Name/), 'Second');
    await user.click(screen.getByRole('button', { name: 'Create' }));

    expect(await within(section(2)).findByText('Name is too long')).toBeInTheDocument();
    expect(within(section(1)).queryByText('Name is too long')).not.toBeInTheDocument();
    expect(within(section(1)).getByText('Server says no')).toBeInTheDocument();
    expect(
      screen.getAllByRole('alert').some((el) => el.textContent.includes('Nothing was created')),
    ).toBe(true);
    expect(posts(fetchMock)).toHaveLength(1);
    // Everything typed is still there.
    expect(within(section(2)).getByLabelText(/^Name/)).toHaveValue('Second');
  });

  it('ignores a second click while the first submit is pending', async () => {
    let answer: (response: Response) => void = () => undefined;
    const fetchMock = mockFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
    renderForm('segments');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^Name/), 'Once');
    const create = screen.getByRole('button', { name: 'Create' });
    await user.click(create);
    await user.click(create);
    await user.keyboard('{Enter}');
    expect(posts(fetchMock)).toHaveLength(1);
    answer(created([{ request_id: 'x' }]));
    await waitFor(() => expect(posts(fetchMock)).toHaveLength(1));
  });

  it('asks before leaving a form with input, and stays on "Stay"', async () => {
    mockFetch((items) => created(items));
    const { router } = renderForm('segments');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^Name/), 'Draft');
    act(() => {
      void router.navigate({ to: '/customers' });
    });
    const dialog = await screen.findByRole('dialog', { name: 'Leave this page?' });
    await user.click(within(dialog).getByRole('button', { name: 'Stay' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(router.state.location.pathname).toBe('/customers/new');
    expect(screen.getByLabelText(/^Name/)).toHaveValue('Draft');

    act(() => {
      void router.navigate({ to: '/customers' });
    });
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Leave' }),
    );
    expect(await screen.findByText('Customers grid')).toBeInTheDocument();
  });

  it('after a network failure, checks for stored customers before sending again', async () => {
    let calls = 0;
    const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.method === 'POST') {
        calls += 1;
        return Promise.reject(new TypeError('Failed to fetch'));
      }
      if (urlOf(input).startsWith('/api/v4/customers?')) {
        return Promise.resolve(
          json(200, {
            _links: { self: { href: '/api/v4/customers' } },
            _embedded: { customers: [storedCustomer] },
          }),
        );
      }
      return Promise.resolve(new Response(null, { status: 204 }));
    });
    vi.stubGlobal('fetch', fetchMock);
    renderForm('segments');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^Name/), 'Lost answer');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(
      await screen.findByText(/not known whether the customers were stored/),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByRole('link', { name: 'Lost answer' })).toBeInTheDocument();
    expect(calls).toBe(1);
    const lookup = fetchMock.mock.calls
      .map(([input]) => urlOf(input))
      .find((url) => url.startsWith('/api/v4/customers?'));
    expect(decodeURIComponent(lookup ?? '')).toContain('filter[name][]=Lost answer');

    await user.click(screen.getByRole('button', { name: 'Create anyway' }));
    await waitFor(() => expect(calls).toBe(2));
  });

  it('refuses an empty name on the field, sending nothing', async () => {
    const fetchMock = mockFetch(() => json(500, {}));
    renderForm('segments');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Create' }));
    expect(await screen.findByText('Enter a name')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Name/)).toHaveAttribute('aria-invalid', 'true');
    expect(posts(fetchMock)).toHaveLength(0);
  });
});

const storedCustomer = {
  id: 55,
  name: 'Lost answer',
  next_price: 0,
  next_date: null,
  responsible_user_id: 1,
  status_id: null,
  periodicity: 0,
  created_by: 1,
  updated_by: 1,
  created_at: 0,
  updated_at: 0,
  closest_task_at: null,
  is_deleted: false,
  custom_fields_values: null,
  ltv: 0,
  purchases_count: 0,
  average_check: 0,
  account_id: 1,
  _links: { self: { href: '/api/v4/customers/55' } },
  _embedded: { segments: [], tags: [] },
};
