import { queryOptions } from '@tanstack/react-query';
import { contactsPageSchema } from '../../contracts/contact';
import { customersPageSchema, type Customer } from '../../contracts/customer';
import { apiClient } from '../../lib/api-client';

/** How many customers the palette lists; more is a job for the grid's search. */
export const PALETTE_LIMIT = 8;

/**
 * Customers whose name or custom fields match `text`, and customers of contacts whose name,
 * phone or email match it (amoCRM keeps phones and emails on contacts, not on customers).
 * Every request carries `signal`: a newer keystroke cancels them all.
 */
export async function searchCustomers(text: string, signal?: AbortSignal): Promise<Customer[]> {
  const [direct, viaContacts] = await Promise.all([
    apiClient.get('/api/v4/customers', customersPageSchema, {
      params: { query: text, limit: PALETTE_LIMIT },
      signal,
    }),
    customersOfMatchingContacts(text, signal),
  ]);
  const found = new Map<number, Customer>();
  for (const customer of [...(direct?._embedded.customers ?? []), ...viaContacts]) {
    if (!found.has(customer.id)) found.set(customer.id, customer);
  }
  return [...found.values()].slice(0, PALETTE_LIMIT);
}

async function customersOfMatchingContacts(text: string, signal?: AbortSignal) {
  const contacts = await apiClient.get('/api/v4/contacts', contactsPageSchema, {
    params: { query: text, limit: PALETTE_LIMIT, with: 'customers' },
    signal,
  });
  const customerIds = [
    ...new Set(
      (contacts?._embedded.contacts ?? []).flatMap(
        (contact) => contact._embedded?.customers.map((customer) => customer.id) ?? [],
      ),
    ),
  ].slice(0, PALETTE_LIMIT);
  if (customerIds.length === 0) return [];
  const customers = await apiClient.get('/api/v4/customers', customersPageSchema, {
    params: { filter: { id: customerIds }, limit: PALETTE_LIMIT },
    signal,
  });
  return customers?._embedded.customers ?? [];
}

export const paletteQueries = {
  customers: (text: string) =>
    queryOptions({
      queryKey: ['palette', 'customers', text] as const,
      queryFn: ({ signal }) => searchCustomers(text, signal),
      staleTime: 30_000,
    }),
};
