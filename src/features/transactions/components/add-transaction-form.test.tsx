import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { referenceQueries } from '../../../api/reference';
import { createTestQueryClient, renderWithProviders } from '../../../test/render';
import { AddTransactionForm } from './add-transaction-form';

const urlOf = (input: RequestInfo | URL) =>
  input instanceof Request ? input.url : input.toString();

function mockPost(answer: () => Response) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) =>
    Promise.resolve(
      init?.method === 'POST' && urlOf(input).endsWith('/transactions')
        ? answer()
        : new Response(null, { status: 204 }),
    ),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderForm(mode: 'segments' | 'periodicity', onSaved = vi.fn()) {
  const queryClient = createTestQueryClient();
  queryClient.setQueryData(referenceQueries.catalogs().queryKey, []);
  renderWithProviders(
    <AddTransactionForm customerId={7} mode={mode} onSaved={onSaved} onCancel={vi.fn()} />,
    { queryClient },
  );
  return { onSaved };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('AddTransactionForm', { timeout: 20_000 }, () => {
  it('requires a price above 0 and sends nothing without it', async () => {
    const fetchMock = mockPost(() => new Response(null, { status: 500 }));
    renderForm('segments');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Save transaction' }));
    expect(await screen.findByText('Enter the price')).toBeInTheDocument();
    expect(screen.queryByLabelText('Next price')).not.toBeInTheDocument();
    expect(fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(0);
  });

  it('shows the next purchase inputs in periodicity mode and saves', async () => {
    const fetchMock = mockPost(() =>
      Response.json({
        _links: { self: { href: '/x' } },
        _embedded: { transactions: [{ id: 1, request_id: '0', _links: { self: { href: '/x' } } }] },
      }),
    );
    const { onSaved } = renderForm('periodicity');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^Price/), '1500');
    await user.type(screen.getByLabelText('Next price'), '900');
    await user.click(screen.getByRole('button', { name: 'Save transaction' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    const body = JSON.parse(typeof post?.[1]?.body === 'string' ? post[1].body : 'null') as Array<
      Record<string, unknown>
    >;
    expect(body[0]).toMatchObject({ price: 1500, next_price: 900 });
    expect(typeof body[0]?.completed_at).toBe('number');
  });

  it("puts the server's complaint on the field it names", async () => {
    mockPost(() =>
      Response.json(
        {
          title: 'Bad Request',
          type: 'x',
          status: 400,
          detail: 'Request validation failed',
          'validation-errors': [
            {
              request_id: '0',
              errors: [{ code: 'OutOfRange', path: 'price', detail: 'Too expensive' }],
            },
          ],
        },
        { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
      ),
    );
    renderForm('segments');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^Price/), '10');
    await user.click(screen.getByRole('button', { name: 'Save transaction' }));
    expect(await screen.findByText('Too expensive')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Price/)).toHaveAccessibleDescription(/Too expensive/);
  });
});
