import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MODE_REQUIRED_DETAIL } from '../../../contracts/customer';
import { CustomerEditForm } from './customer-edit-form';
import { ADMIN, makeCustomer, problem, renderCustomerRoute, SALES, stubApi } from './test-fixtures';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 20_000 });

afterEach(() => {
  vi.unstubAllGlobals();
});

const fields = [
  {
    id: 9,
    name: 'Website',
    type: 'url',
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
    _links: { self: { href: '/f/9' } },
  },
];

function renderForm(mode: 'segments' | 'periodicity', onSaved = vi.fn()) {
  const customer = makeCustomer({
    name: 'Acme',
    _embedded: { segments: [], tags: [{ id: 1, name: 'vip' }] },
    custom_fields_values: [{ field_id: 9, values: [{ value: 'https://acme.test/' }] }],
  });
  renderCustomerRoute(
    <CustomerEditForm
      customer={customer}
      customFields={fields}
      users={[ADMIN, SALES]}
      tagNames={['vip', 'wholesale']}
      segments={[
        { id: 3, name: 'Loyal' },
        { id: 4, name: 'New' },
      ]}
      currency="USD"
      mode={mode}
      onSaved={onSaved}
      onCancel={vi.fn()}
    />,
  );
  return { onSaved };
}

describe('CustomerEditForm', () => {
  it('applies the create rules of periodicity mode before calling the server', async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi(() => undefined);
    renderForm('periodicity');
    await user.clear(await screen.findByLabelText(/^Name/));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    // Next purchase date and periodicity are empty: required in this mode, as on create.
    expect(await screen.findAllByText(MODE_REQUIRED_DETAIL)).toHaveLength(2);
    expect(screen.getByText('Enter a name')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Next purchase date/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/^Periodicity/)).toHaveAttribute('aria-invalid', 'true');
    expect(fetchMock).not.toHaveBeenCalledWith(
      '/api/v4/customers',
      expect.objectContaining({ method: 'PATCH' }),
    );
  });

  it('refuses a web address the server would refuse', async () => {
    const user = userEvent.setup();
    stubApi(() => undefined);
    renderForm('segments');
    const website = await screen.findByLabelText('Website');
    await user.clear(website);
    await user.type(website, 'javascript:alert(1)');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/address starting with http/)).toBeInTheDocument();
  });

  it('sends the edited customer and reports success', async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi((url, init) =>
      url.pathname === '/api/v4/customers' && init?.method === 'PATCH'
        ? Response.json({
            _links: { self: { href: '/api/v4/customers' } },
            _embedded: {
              customers: [
                { id: 7, request_id: '0', updated_at: 2, _links: { self: { href: '/c/7' } } },
              ],
            },
          })
        : undefined,
    );
    const { onSaved } = renderForm('segments');
    const name = await screen.findByLabelText(/^Name/);
    await user.clear(name);
    await user.type(name, 'Acme 2');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const call = fetchMock.mock.calls.find(([, init]) => init?.method === 'PATCH');
    const sent = call?.[1]?.body;
    const body = JSON.parse(typeof sent === 'string' ? sent : '[]') as Array<
      Record<string, unknown>
    >;
    expect(body[0]).toMatchObject({
      id: 7,
      name: 'Acme 2',
      next_price: 500,
      responsible_user_id: 1,
      _embedded: { tags: [{ name: 'vip' }] },
      custom_fields_values: [{ field_id: 9, values: [{ value: 'https://acme.test/' }] }],
    });
  });

  it("puts the server's validation errors on the fields they name", async () => {
    const user = userEvent.setup();
    stubApi((url, init) =>
      url.pathname === '/api/v4/customers' && init?.method === 'PATCH'
        ? problem(400, 'Bad Request', 'Request validation failed', {
            'validation-errors': [
              {
                request_id: '0',
                errors: [
                  { code: 'NotSupportedChoice', path: 'name', detail: 'This name is taken' },
                  {
                    code: 'InvalidFormat',
                    path: 'custom_fields_values.0.values.0.value',
                    detail: 'Bad site',
                  },
                ],
              },
            ],
          })
        : undefined,
    );
    const { onSaved } = renderForm('segments');
    await user.click(await screen.findByRole('button', { name: 'Save' }));
    expect(await screen.findByText('This name is taken')).toBeInTheDocument();
    expect(screen.getByText('Bad site')).toBeInTheDocument();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('saves a price cleared and retyped exactly as typed, and the segments chosen', async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi((url, init) =>
      url.pathname === '/api/v4/customers' && init?.method === 'PATCH'
        ? Response.json({
            _links: { self: { href: '/api/v4/customers' } },
            _embedded: {
              customers: [
                { id: 7, request_id: '0', updated_at: 2, _links: { self: { href: '/c/7' } } },
              ],
            },
          })
        : undefined,
    );
    const { onSaved } = renderForm('segments');
    const price = await screen.findByLabelText(/^Next price/);
    await user.clear(price);
    expect(price).toHaveValue('');
    await user.type(price, '11950');
    expect(price).toHaveValue('11950');
    await user.click(screen.getByLabelText('Segments', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Loyal' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const call = fetchMock.mock.calls.find(([, init]) => init?.method === 'PATCH');
    const sent = call?.[1]?.body;
    const body = JSON.parse(typeof sent === 'string' ? sent : '[]') as Array<
      Record<string, unknown>
    >;
    expect(body[0]).toMatchObject({ next_price: 11950, _embedded: { segments: [{ id: 3 }] } });
  });

  it.each([
    ['99999999999999999999', 'next price', /^Next price/, 'At most 2,000,000,000'],
    ['-5', 'next price', /^Next price/, 'At least 0'],
    ['12.5', 'next price', /^Next price/, 'Enter a whole number'],
    ['99999999999', 'periodicity', /^Periodicity/, 'At most 3,650'],
  ])('refuses %s as the %s with a message on that field', async (typed, _what, label, message) => {
    const user = userEvent.setup();
    const fetchMock = stubApi(() => undefined);
    renderForm('periodicity');
    const input = await screen.findByLabelText(label);
    await user.clear(input);
    await user.click(input);
    await user.paste(typed);
    // Kept as typed: nothing clamped, rounded or re-signed behind the user's back.
    expect(input).toHaveValue(typed);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveValue(typed);
    expect(fetchMock).not.toHaveBeenCalledWith(
      '/api/v4/customers',
      expect.objectContaining({ method: 'PATCH' }),
    );
  });
});
