import { z } from 'zod';
import { BadGateway } from './upstream';
import type { UpstreamQueue } from './upstream-queue';

const customerSchema = z.looseObject({
  id: z.number().int(),
  responsible_user_id: z.number().int(),
});
const customersPageSchema = z.looseObject({
  _embedded: z.looseObject({ customers: z.array(z.unknown()) }),
});
const transactionSchema = z.looseObject({ id: z.number().int(), customer_id: z.number().int() });

async function getJson(queue: UpstreamQueue, url: string): Promise<unknown> {
  const answer = await queue.send({
    method: 'GET',
    url,
    contentType: undefined,
    accept: 'application/hal+json',
    body: undefined,
  });
  if (answer.status === 204) return undefined;
  if (answer.status !== 200) {
    // Without the owner we cannot decide; deny rather than guess.
    throw new BadGateway(`amoCRM answered ${answer.status} while the gateway checked rights`);
  }
  try {
    return JSON.parse(answer.body.toString('utf8'));
  } catch {
    throw new BadGateway('amoCRM answered the rights check with something that is not JSON');
  }
}

/** One page of ids per request: amoCRM caps a page at 250. */
const PAGE = 250;

/**
 * The responsible user of each customer, asked of the live account with its own token.
 * An account without API filtering ignores `filter[id]` and sends other customers: then the
 * ids it did not bring back are asked one by one (a customer must never be judged by someone
 * else's row, nor taken for missing because the filter was ignored). Missing customers are
 * absent from the map.
 */
export async function customerOwners(
  queue: UpstreamQueue,
  ids: readonly number[],
): Promise<Map<number, number>> {
  const wanted = [...new Set(ids)];
  const owners = new Map<number, number>();
  let filterIgnored = false;
  for (let from = 0; from < wanted.length; from += PAGE) {
    const chunk = wanted.slice(from, from + PAGE);
    const query = chunk.map((id, i) => `filter%5Bid%5D%5B${i}%5D=${id}`).join('&');
    const body = await getJson(queue, `/api/v4/customers?${query}&limit=${PAGE}`);
    const page = body === undefined ? undefined : customersPageSchema.safeParse(body);
    for (const raw of page?.success ? page.data._embedded.customers : []) {
      const customer = customerSchema.safeParse(raw);
      if (!customer.success) continue;
      if (chunk.includes(customer.data.id)) {
        owners.set(customer.data.id, customer.data.responsible_user_id);
      } else {
        filterIgnored = true;
      }
    }
  }
  if (!filterIgnored) return owners;
  for (const id of wanted) {
    if (owners.has(id)) continue;
    const customer = customerSchema.safeParse(await getJson(queue, `/api/v4/customers/${id}`));
    if (customer.success && customer.data.id === id) {
      owners.set(id, customer.data.responsible_user_id);
    }
  }
  return owners;
}

/** The customer a transaction belongs to, or undefined when there is no such transaction. */
export async function transactionCustomer(
  queue: UpstreamQueue,
  transactionId: number,
): Promise<number | undefined> {
  const parsed = transactionSchema.safeParse(
    await getJson(queue, `/api/v4/customers/transactions/${transactionId}`),
  );
  return parsed.success && parsed.data.id === transactionId ? parsed.data.customer_id : undefined;
}
