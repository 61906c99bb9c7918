import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccountRepository } from '../db/account-repository';
import { Forbidden, PaymentRequired } from '../errors';

const CUSTOMERS_ROUTES = '/api/v4/customers';
const MODE_ROUTE = '/api/v4/customers/mode';

/** Whether a matched route pattern (not the URL as sent) is one of the customers endpoints. */
function isCustomersRoute(pattern: string): boolean {
  return pattern === CUSTOMERS_ROUTES || pattern.startsWith(`${CUSTOMERS_ROUTES}/`);
}

/**
 * The tariff (402) and customers-disabled (403) gates. They are keyed on the route the router
 * matched, never on `request.url`: the router decodes `%63ustomers` and strips an absolute-form
 * `http://host/...` request line, so a test on the raw URL could be walked around.
 * Registered as a hook in the /api/v4 scope, after authentication.
 */
export function customersGate(options: {
  tariff: 'advanced' | 'base';
  account: AccountRepository;
}) {
  return async function gate(this: FastifyInstance, request: FastifyRequest): Promise<void> {
    const pattern = request.routeOptions.url;
    if (pattern === undefined || !isCustomersRoute(pattern)) return;
    // A tariff without customers: every customers endpoint answers 402.
    if (options.tariff === 'base') throw new PaymentRequired();
    // Turned off by an administrator: only the switch itself still answers.
    if (pattern === MODE_ROUTE) return;
    const account = await options.account.get();
    if (!account.customersEnabled) throw new Forbidden('Customers are turned off for this account');
  };
}
