import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import type { Customer } from '../../../contracts/customer';
import { CustomerPage } from './customer-page';
import {
  ADMIN,
  makeCustomer,
  page,
  problem,
  renderCustomerRoute,
  SALES,
  stubApi,
} from './test-fixtures';

// The machine is shared and slow: give async queries room.
configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 20_000 });

afterEach(() => {
  vi.unstubAllGlobals();
  document.title = '';
});

function transaction(
  id: number,
  price: number,
  completedAt: number,
  comment: string | null = null,
) {
  return {
    id,
    price,
    comment,
    completed_at: completedAt,
    customer_id: 7,
    created_by: 1,
    updated_by: 1,
    created_at: completedAt,
    updated_at: completedAt,
    is_deleted: false,
    account_id: 1,
    _links: { self: { href: `/api/v4/customers/7/transactions/${String(id)}` } },
    _embedded: { customer: { id: 7 } },
  };
}

function renderPage(
  customer: Customer | null,
  options: { me?: typeof ADMIN; url?: string; extra?: Parameters<typeof stubApi>[0] } = {},
) {
  const fetchMock = stubApi((url, init) => {
    const answer = options.extra?.(url, init);
    if (answer) return answer;
    if (url.pathname === '/api/v4/customers/7' && (!init?.method || init.method === 'GET')) {
      return customer ? Response.json(customer) : new Response(null, { status: 204 });
    }
    return undefined;
  });
  const view = renderCustomerRoute(
    <Suspense fallback={<p>Loading…</p>}>
      <CustomerPage customerId={7} me={options.me ?? ADMIN} />
    </Suspense>,
    { url: options.url ?? '/customers/7' },
  );
  return { ...view, fetchMock };
}

describe('CustomerPage', () => {
  it('shows the name as text (never as HTML), the tab title and the figures in the account currency', async () => {
    renderPage(makeCustomer({ next_date: 1_000_000 }));
    const heading = await screen.findByRole('heading', { level: 1 }, { timeout: 5000 });
    expect(heading).toHaveTextContent('Acme <b>Corp</b> 🚀');
    expect(heading.querySelector('b')).toBeNull();
    expect(document.title).toBe('Acme <b>Corp</b> 🚀');
    const figures = screen.getByRole('region', { name: 'Key figures' });
    expect(within(figures).getByText('$1,000')).toBeInTheDocument();
    expect(within(figures).getByText('$250')).toBeInTheDocument();
    expect(within(figures).getByText(/\(overdue\)/)).toBeInTheDocument();
    expect(await screen.findByText('Ada')).toBeInTheDocument();
  });

  it('shows "Customer not found" with a way back on a 204', async () => {
    renderPage(null);
    expect(await screen.findByRole('heading', { name: 'Customer not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to customers' })).toHaveAttribute(
      'href',
      '/customers',
    );
  });

  it('is editable for an admin: Edit, link a contact, delete transactions', async () => {
    const user = userEvent.setup();
    renderPage(makeCustomer(), {
      url: '/customers/7?tab=transactions',
      extra: (url) =>
        url.pathname === '/api/v4/customers/7/transactions'
          ? Response.json(page('transactions', [transaction(1, 250, 1_700_000_000, 'first')]))
          : undefined,
    });
    expect(await screen.findByRole('button', { name: 'Edit' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: /Delete transaction/ })).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Overview' }));
    expect(await screen.findByPlaceholderText('Search contacts by name')).toBeInTheDocument();
  });

  it('is read-only for a salesperson who is not responsible: no dead buttons', async () => {
    const user = userEvent.setup();
    renderPage(makeCustomer({ responsible_user_id: ADMIN.id }), {
      me: SALES,
      extra: (url) =>
        url.pathname === '/api/v4/customers/7/transactions'
          ? Response.json(page('transactions', [transaction(1, 250, 1_700_000_000, 'first')]))
          : undefined,
    });
    expect(await screen.findByRole('heading', { level: 1 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(screen.queryByPlaceholderText('Search contacts by name')).toBeNull();
    await user.click(screen.getByRole('tab', { name: 'Transactions' }));
    expect(await screen.findByText('first')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Delete transaction/ })).toBeNull();
  });

  it('is editable for a salesperson who is responsible', async () => {
    renderPage(makeCustomer({ responsible_user_id: SALES.id }), { me: SALES });
    expect(await screen.findByRole('button', { name: 'Edit' })).toBeInTheDocument();
  });

  it('keeps the tab in the URL', async () => {
    const user = userEvent.setup();
    const { router } = renderPage(makeCustomer());
    await user.click(await screen.findByRole('tab', { name: 'Custom fields' }));
    await waitFor(() => expect(router.state.location.search).toMatchObject({ tab: 'fields' }));
    expect(await screen.findByRole('heading', { name: 'Custom fields' })).toBeInTheDocument();
  });

  it('deletes a transaction after confirmation, updating the figures at once, and rolls back on refusal', async () => {
    const user = userEvent.setup();
    let release: (response: Response) => void = () => undefined;
    renderPage(makeCustomer(), {
      url: '/customers/7?tab=transactions',
      extra: (url, init) => {
        if (url.pathname === '/api/v4/customers/7/transactions') {
          return Response.json(
            page('transactions', [transaction(11, 400, 1_700_000_000, 'big one')]),
          );
        }
        if (init?.method === 'DELETE') return undefined;
        return undefined;
      },
    });
    // The DELETE waits until the test answers it.
    const original = fetch;
    vi.stubGlobal(
      'fetch',
      vi.fn((input: RequestInfo | URL, init?: RequestInit) =>
        init?.method === 'DELETE'
          ? new Promise<Response>((resolve) => {
              release = resolve;
            })
          : original(input, init),
      ),
    );

    await user.click(await screen.findByRole('button', { name: /Delete transaction/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete transaction' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    const figures = screen.getByRole('region', { name: 'Key figures' });
    // 1000 - 400 = 600 over 3 purchases: 200.
    await waitFor(() => expect(within(figures).getByText('$600')).toBeInTheDocument());
    expect(within(figures).getByText('3')).toBeInTheDocument();
    expect(within(figures).getByText('$200')).toBeInTheDocument();

    release(problem(403, 'Forbidden', 'You may not edit customer 7'));
    expect(await screen.findByText('The transaction was not deleted')).toBeInTheDocument();
    expect(await screen.findByText('You may not edit customer 7')).toBeInTheDocument();
    await waitFor(() => expect(within(figures).getByText('$1,000')).toBeInTheDocument());
    expect(screen.getByText('big one')).toBeInTheDocument();
  });
});
