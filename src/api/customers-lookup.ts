import { customersPageSchema, type Customer } from '../contracts/customer';
import { apiClient } from '../lib/api-client';

const NAMES_PER_REQUEST = 50;

/**
 * Customers the user created since `since` (unix seconds) whose names are among `names`.
 * The API has no idempotency key, so after an ambiguous failure (no answer, a gateway error) this
 * is how the console finds out whether the batch was stored before sending it again.
 * Names go in chunks so the query string stays far below the server's URL limit.
 */
export async function findCreatedSince(
  params: { names: readonly string[]; createdBy: number; since: number },
  signal?: AbortSignal,
): Promise<Customer[]> {
  const unique = [...new Set(params.names.filter((name) => name.trim() !== ''))];
  const found: Customer[] = [];
  for (let start = 0; start < unique.length; start += NAMES_PER_REQUEST) {
    const names = unique.slice(start, start + NAMES_PER_REQUEST);
    for (let page = 1; ; page += 1) {
      const body = await apiClient.get('/api/v4/customers', customersPageSchema, {
        params: {
          limit: 250,
          page,
          filter: {
            name: names,
            created_by: [params.createdBy],
            created_at: { from: params.since },
          },
        },
        signal,
      });
      if (!body) break;
      found.push(...body._embedded.customers);
      if (!body._links.next) break;
    }
  }
  return found;
}
