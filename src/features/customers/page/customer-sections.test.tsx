import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/api-error';
import { CustomerContacts } from './customer-contacts';
import { CustomerFields } from './customer-fields';
import { CustomerErrorComponent } from './customer-not-found';
import { CustomerSegments } from './customer-segments';
import { CustomerTransactions } from './customer-transactions';
import { makeCustomer, page, problem, renderCustomerRoute, stubApi, urlOf } from './test-fixtures';

// The machine is shared and slow: give async queries room.
configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 20_000 });

afterEach(() => {
  vi.unstubAllGlobals();
});

const self = (href: string) => ({ self: { href } });

function contact(id: number, name: string, phone?: string, email?: string) {
  const values = [
    ...(phone ? [{ field_id: 1, field_code: 'PHONE', values: [{ value: phone }] }] : []),
    ...(email ? [{ field_id: 2, field_code: 'EMAIL', values: [{ value: email }] }] : []),
  ];
  return {
    id,
    name,
    first_name: '',
    last_name: '',
    responsible_user_id: 1,
    group_id: 0,
    created_by: 1,
    updated_by: 1,
    created_at: 1,
    updated_at: 1,
    closest_task_at: null,
    is_deleted: false,
    is_unsorted: false,
    custom_fields_values: values.length > 0 ? values : null,
    account_id: 1,
    _links: self(`/api/v4/contacts/${String(id)}`),
  };
}

function field(
  id: number,
  name: string,
  type: string,
  sort = id,
  enums: Array<{ id: number; value: string; sort: number }> | null = null,
) {
  return {
    id,
    name,
    type,
    code: null,
    sort,
    is_api_only: false,
    enums,
    group_id: null,
    required_statuses: [],
    is_deletable: true,
    is_predefined: false,
    entity_type: 'customers',
    account_id: 1,
    _links: self(`/api/v4/customers/custom_fields/${String(id)}`),
  };
}

describe('CustomerContacts', () => {
  const withContacts = makeCustomer({
    _embedded: {
      segments: [],
      tags: [],
      contacts: [
        { id: 31, is_main: true },
        { id: 32, is_main: false },
      ],
    },
  });

  it('lists every contact with phone and email, the main one marked', async () => {
    stubApi((url) =>
      url.pathname === '/api/v4/contacts'
        ? Response.json(
            page('contacts', [
              contact(31, 'Jane Roe', '+1 555 0100', 'jane@example.com'),
              contact(32, 'John Doe'),
            ]),
          )
        : undefined,
    );
    renderCustomerRoute(<CustomerContacts customer={withContacts} canEdit={false} />);
    const jane = await screen.findByRole('listitem', { name: 'Jane Roe' });
    expect(within(jane).getByText('Main contact')).toBeInTheDocument();
    expect(within(jane).getByRole('link', { name: '+1 555 0100' })).toHaveAttribute(
      'href',
      'tel:+1 555 0100',
    );
    expect(within(jane).getByRole('link', { name: 'jane@example.com' })).toBeInTheDocument();
    const john = screen.getByRole('listitem', { name: 'John Doe' });
    expect(within(john).queryByText('Main contact')).toBeNull();
    expect(within(john).getByText('No phone or email')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Unlink/ })).toBeNull();
  });

  it('says so when there are no contacts', async () => {
    stubApi(() => undefined);
    renderCustomerRoute(<CustomerContacts customer={makeCustomer()} canEdit={false} />);
    expect(await screen.findByText('No contacts linked.')).toBeInTheDocument();
  });

  it('shows an error with Retry when the contacts cannot be loaded', async () => {
    stubApi((url) =>
      url.pathname === '/api/v4/contacts'
        ? problem(500, 'Internal Server Error', 'boom')
        : undefined,
    );
    renderCustomerRoute(<CustomerContacts customer={withContacts} canEdit={false} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Contacts could not be loaded');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('unlinks a contact after confirmation', async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi((url, init) => {
      if (url.pathname === '/api/v4/contacts')
        return Response.json(page('contacts', [contact(31, 'Jane Roe'), contact(32, 'John Doe')]));
      if (url.pathname === '/api/v4/customers/7/unlink' && init?.method === 'POST')
        return new Response(null, { status: 204 });
      return undefined;
    });
    renderCustomerRoute(<CustomerContacts customer={withContacts} canEdit />);
    await user.click(await screen.findByRole('button', { name: 'Unlink John Doe' }));
    const dialog = await screen.findByRole('dialog', { name: 'Unlink contact' });
    await user.click(within(dialog).getByRole('button', { name: 'Unlink' }));
    await waitFor(() =>
      expect(fetchMock).toHaveBeenCalledWith(
        '/api/v4/customers/7/unlink',
        expect.objectContaining({
          method: 'POST',
          body: JSON.stringify([{ to_entity_id: 32, to_entity_type: 'contacts' }]),
        }),
      ),
    );
    expect(await screen.findByText('John Doe unlinked')).toBeInTheDocument();
  });

  it('links a contact found by name', { timeout: 15_000 }, async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi((url, init) => {
      if (url.pathname === '/api/v4/contacts' && url.searchParams.get('query') === 'Max') {
        return Response.json(page('contacts', [contact(40, 'Max Mustermann')]));
      }
      if (url.pathname === '/api/v4/customers/7/link' && init?.method === 'POST') {
        return Response.json({
          _links: self('/api/v4/customers/7/link'),
          _embedded: {
            links: [
              {
                entity_id: 7,
                entity_type: 'customers',
                to_entity_id: 40,
                to_entity_type: 'contacts',
                metadata: { main_contact: true },
              },
            ],
          },
        });
      }
      return undefined;
    });
    renderCustomerRoute(<CustomerContacts customer={makeCustomer()} canEdit />);
    const input = await screen.findByPlaceholderText('Search contacts by name');
    await user.type(input, 'Max');
    await waitFor(() =>
      expect(fetchMock.mock.calls.some(([url]) => urlOf(url).includes('query=Max'))).toBe(true),
    );
    // The results arrive after the dropdown opened empty: reopen it as a user would.
    await user.click(input);
    await user.click(await screen.findByRole('option', { name: 'Max Mustermann' }));
    await user.click(screen.getByRole('button', { name: 'Link' }));
    await waitFor(() =>
      expect(fetchMock).toHaveBeenCalledWith(
        '/api/v4/customers/7/link',
        expect.objectContaining({
          body: JSON.stringify([
            { to_entity_id: 40, to_entity_type: 'contacts', metadata: { main_contact: true } },
          ]),
        }),
      ),
    );
  });
});

describe('CustomerSegments', () => {
  it('links each segment to the grid filtered by it', async () => {
    stubApi((url) =>
      url.pathname === '/api/v4/customers/segments'
        ? Response.json(
            page('segments', [
              {
                id: 3,
                name: 'VIP',
                color: 'd32f2f',
                created_at: 1,
                updated_at: 1,
                customers_count: 5,
                _links: self('/s/3'),
              },
            ]),
          )
        : undefined,
    );
    renderCustomerRoute(
      <CustomerSegments
        customer={makeCustomer({ _embedded: { segments: [{ id: 3 }], tags: [] } })}
      />,
    );
    const link = await screen.findByRole('link', { name: /VIP/ });
    expect(link.getAttribute('href')).toMatch(/^\/customers\?segment=/);
    expect(decodeURIComponent(link.getAttribute('href') ?? '')).toContain('[3]');
  });

  it('says so when the customer is in no segment', async () => {
    stubApi(() => undefined);
    renderCustomerRoute(<CustomerSegments customer={makeCustomer()} />);
    expect(await screen.findByText('In no segment.')).toBeInTheDocument();
  });
  it('changes the segments in place, sending only them', async () => {
    const segment = (id: number, name: string) => ({
      id,
      name,
      color: 'd32f2f',
      created_at: 1,
      updated_at: 1,
      customers_count: 5,
      _links: self(`/s/${String(id)}`),
    });
    const fetchMock = stubApi((url, init) => {
      if (url.pathname === '/api/v4/customers/segments') {
        return Response.json(page('segments', [segment(3, 'VIP'), segment(4, 'Wholesale')]));
      }
      if (url.pathname === '/api/v4/customers' && init?.method === 'PATCH') {
        return Response.json({
          _links: self('/api/v4/customers'),
          _embedded: {
            customers: [{ id: 7, request_id: '0', updated_at: 2, _links: self('/c/7') }],
          },
        });
      }
      return undefined;
    });
    const user = userEvent.setup();
    renderCustomerRoute(
      <CustomerSegments
        customer={makeCustomer({ _embedded: { segments: [{ id: 3 }], tags: [] } })}
        canEdit
      />,
    );
    await user.click(await screen.findByRole('button', { name: 'Change segments' }));
    await user.click(
      await screen.findByLabelText('Segments of this customer', { selector: 'input' }),
    );
    await user.click(await screen.findByRole('option', { name: 'Wholesale' }));
    await user.click(screen.getByRole('button', { name: 'Save segments' }));
    await waitFor(() =>
      expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'PATCH')).toBe(true),
    );
    const sent = fetchMock.mock.calls.find(([, init]) => init?.method === 'PATCH')?.[1]?.body;
    expect(JSON.parse(typeof sent === 'string' ? sent : '[]')).toEqual([
      { id: 7, _embedded: { segments: [{ id: 3 }, { id: 4 }] } },
    ]);
  });

  it('offers no change to someone who may not edit', async () => {
    stubApi(() => undefined);
    renderCustomerRoute(<CustomerSegments customer={makeCustomer()} />);
    await screen.findByText('In no segment.');
    expect(screen.queryByRole('button', { name: 'Change segments' })).not.toBeInTheDocument();
  });
});

describe('CustomerFields', () => {
  const fields = [
    field(1, 'Industry', 'select', 1, [{ id: 10, value: 'Retail', sort: 1 }]),
    field(2, 'Newsletter', 'checkbox'),
    field(3, 'Website', 'url'),
    field(4, 'Contract date', 'date'),
    field(5, 'Notes', 'textarea'),
    field(6, 'Annual revenue', 'numeric'),
  ];

  it('formats values by type and collapses the empty fields', async () => {
    const user = userEvent.setup();
    stubApi((url) =>
      url.pathname === '/api/v4/customers/custom_fields'
        ? Response.json(page('custom_fields', fields))
        : undefined,
    );
    const customer = makeCustomer({
      custom_fields_values: [
        { field_id: 1, values: [{ value: 'Retail', enum_id: 10 }] },
        { field_id: 2, values: [{ value: true }] },
        { field_id: 3, values: [{ value: 'https://example.com/' }] },
        { field_id: 4, values: [{ value: 1_704_067_200 }] },
      ],
    });
    renderCustomerRoute(<CustomerFields customer={customer} />);
    expect(await screen.findByText('Retail')).toBeInTheDocument();
    expect(screen.getByText('Yes')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'https://example.com/' })).toHaveAttribute(
      'href',
      'https://example.com/',
    );
    expect(screen.getByText(/2024/)).toBeInTheDocument();
    const toggle = screen.getByRole('button', { name: 'Show 2 empty fields' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(screen.getByRole('button', { name: 'Hide empty fields' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    await waitFor(() => expect(screen.getByText('Annual revenue')).toBeVisible());
  });

  it('never turns a javascript: url into a link', async () => {
    stubApi((url) =>
      url.pathname === '/api/v4/customers/custom_fields'
        ? Response.json(page('custom_fields', fields))
        : undefined,
    );
    renderCustomerRoute(
      <CustomerFields
        customer={makeCustomer({
          custom_fields_values: [{ field_id: 3, values: [{ value: 'javascript:alert(1)' }] }],
        })}
      />,
    );
    expect(await screen.findByText('javascript:alert(1)')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'javascript:alert(1)' })).toBeNull();
  });

  it('shows an error when the definitions cannot be loaded', async () => {
    stubApi((url) =>
      url.pathname === '/api/v4/customers/custom_fields'
        ? problem(500, 'Internal Server Error', 'down')
        : undefined,
    );
    renderCustomerRoute(<CustomerFields customer={makeCustomer()} />);
    expect(await screen.findByText('Fields could not be loaded')).toBeInTheDocument();
  });
});

describe('CustomerTransactions', () => {
  const props = {
    customer: { id: 7, ltv: 0, purchases_count: 0 },
    currency: 'USD',
    canEdit: true,
    page: 1,
    onPageChange: vi.fn(),
  };

  it('shows a loading state, then an empty one', async () => {
    let answer: (response: Response) => void = () => undefined;
    vi.stubGlobal(
      'fetch',
      vi.fn(
        () =>
          new Promise<Response>((resolve) => {
            answer = resolve;
          }),
      ),
    );
    renderCustomerRoute(<CustomerTransactions {...props} />);
    expect(await screen.findByText('Loading transactions…')).toBeInTheDocument();
    answer(new Response(null, { status: 204 }));
    expect(await screen.findByText('No transactions yet.')).toBeInTheDocument();
  });

  it('shows an error with Retry', async () => {
    stubApi((url) =>
      url.pathname.endsWith('/transactions')
        ? problem(500, 'Internal Server Error', 'down')
        : undefined,
    );
    renderCustomerRoute(<CustomerTransactions {...props} />);
    expect(await screen.findByText('Transactions could not be loaded')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('pages through many transactions', async () => {
    const user = userEvent.setup();
    const onPageChange = vi.fn();
    stubApi(() => undefined);
    renderCustomerRoute(
      <CustomerTransactions
        {...props}
        customer={{ id: 7, ltv: 50_000, purchases_count: 500 }}
        onPageChange={onPageChange}
      />,
    );
    await user.click(await screen.findByRole('button', { name: 'Page 20' }));
    expect(onPageChange).toHaveBeenCalledWith(20);
  });
});

describe('CustomerErrorComponent', () => {
  it('says "no access" on a 403', async () => {
    stubApi(() => undefined);
    renderCustomerRoute(
      <CustomerErrorComponent
        error={new ApiError({ status: 403, title: 'Forbidden', detail: '' })}
        reset={vi.fn()}
      />,
    );
    expect(await screen.findByText('You have no access to this customer.')).toBeInTheDocument();
  });
});
