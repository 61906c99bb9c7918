import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { accountQueries } from '../../../api/account-queries';
import type { Account } from '../../../contracts/account';
import { createTestQueryClient, renderWithProviders } from '../../../test/render';
import { CustomersModePanel } from './customers-mode-panel';

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

const problem = (status: number, title: string, detail: string) =>
  new Response(JSON.stringify({ title, type: 'about:blank', status, detail }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });

/** `modeAnswer` answers the PATCH; the account GET reports `accountAfter` (what the server holds). */
function mockFetch(modeAnswer: () => Response, accountAfter: Account['customers_mode']) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : input.toString();
    if (url.startsWith('/api/v4/customers/mode') && init?.method === 'PATCH') {
      return Promise.resolve(modeAnswer());
    }
    if (url.startsWith('/api/v4/account'))
      return Promise.resolve(Response.json(account(accountAfter)));
    return Promise.resolve(new Response(null, { status: 204 }));
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderPanel(mode: Account['customers_mode']) {
  const queryClient = createTestQueryClient();
  queryClient.setQueryData(accountQueries.detail().queryKey, account(mode));
  return renderWithProviders(<CustomersModePanel />, { queryClient });
}

async function switchToPeriodicityAndConfirm() {
  const user = userEvent.setup();
  await user.click(screen.getByRole('radio', { name: /Periodicity/ }));
  await user.click(screen.getByRole('button', { name: 'Save' }));
  const dialog = await screen.findByRole('dialog', { name: /Change the customers mode/ });
  expect(dialog).toHaveTextContent('Next purchase date and Periodicity required');
  await user.click(within(dialog).getByRole('button', { name: 'Change mode' }));
  return user;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('CustomersModePanel', () => {
  it('shows the current state and saves nothing until something changes', () => {
    mockFetch(() => Response.json({}), 'segments');
    renderPanel('segments');
    expect(screen.getByRole('switch', { name: /Customers enabled/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: /Segments/ })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it('200: sends the PATCH and puts the new mode into the account cache', async () => {
    const fetchMock = mockFetch(
      () => Response.json({ mode: 'periodicity', is_enabled: true }),
      'periodicity',
    );
    const { queryClient } = renderPanel('segments');
    await switchToPeriodicityAndConfirm();

    await waitFor(() => {
      expect(queryClient.getQueryData(accountQueries.detail().queryKey)?.customers_mode).toBe(
        'periodicity',
      );
    });
    const patch = fetchMock.mock.calls.find(([, init]) => init?.method === 'PATCH');
    expect(JSON.parse(patch?.[1]?.body as string)).toEqual({
      mode: 'periodicity',
      is_enabled: true,
    });
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    expect(screen.getByRole('radio', { name: /Periodicity/ })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it("400: shows the server's detail", async () => {
    mockFetch(
      () => problem(400, 'Bad Request', 'Mode periodicity needs customer statuses'),
      'segments',
    );
    const { queryClient } = renderPanel('segments');
    await switchToPeriodicityAndConfirm();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Mode periodicity needs customer statuses');
    expect(queryClient.getQueryData(accountQueries.detail().queryKey)?.customers_mode).toBe(
      'segments',
    );
  });

  it('402: says the tariff lacks customers and offers no retry', async () => {
    const fetchMock = mockFetch(
      () => problem(402, 'Payment Required', 'Payment required'),
      'segments',
    );
    renderPanel('segments');
    await switchToPeriodicityAndConfirm();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your tariff does not include customers');
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    expect(fetchMock.mock.calls.filter(([, init]) => init?.method === 'PATCH')).toHaveLength(1);
  });

  it('403: says administrators only', async () => {
    mockFetch(() => problem(403, 'Forbidden', 'Administrators only'), 'segments');
    renderPanel('segments');
    await switchToPeriodicityAndConfirm();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Administrators only');
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument();
  });

  it('turning customers off warns that it is off for everyone', async () => {
    mockFetch(() => Response.json({ mode: 'segments', is_enabled: false }), 'disabled');
    const { queryClient } = renderPanel('segments');
    const user = userEvent.setup();
    await user.click(screen.getByRole('switch', { name: /Customers enabled/ }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('The customers section will be turned off for everyone.');
    await user.click(within(dialog).getByRole('button', { name: 'Turn customers off' }));
    await waitFor(() => {
      expect(queryClient.getQueryData(accountQueries.detail().queryKey)?.customers_mode).toBe(
        'disabled',
      );
    });
  });

  it('unavailable: shows the tariff message and no controls', () => {
    mockFetch(() => Response.json({}), 'unavailable');
    renderPanel('unavailable');
    expect(screen.getByText('Your tariff does not include customers')).toBeInTheDocument();
    expect(screen.queryByRole('switch')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
  });
});
