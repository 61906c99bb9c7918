import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { accountQuerySchema, type Account } from '../../src/contracts/account';
import { principalOf } from '../plugins/auth';
import { createAccountService } from '../services/account-service';
import type { RouteDeps } from './deps';
import { selfLink } from './hal';
import { HAL_JSON } from '../plugins/problem';

/** `GET /api/v4/account`: amoCRM's account, with our extensions only when asked (`with=`). */
export async function accountRoutes(root: FastifyInstance, deps: RouteDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const accounts = createAccountService(deps);

  app.get('/account', { schema: { querystring: accountQuerySchema } }, async (request, reply) => {
    const wanted = new Set(request.query.with);
    const { row, customersMode, capabilities } = await accounts.get();
    const body: Account = {
      id: row.id,
      name: row.name,
      subdomain: row.subdomain,
      created_at: row.createdAt,
      // The account has no creator user: it is made by the seed or the first run.
      created_by: 0,
      updated_at: row.updatedAt,
      updated_by: row.updatedBy,
      current_user_id: principalOf(request).id,
      country: row.country,
      currency: row.currency,
      currency_symbol: row.currencySymbol,
      customers_mode: customersMode,
      is_unsorted_on: false,
      is_loss_reason_enabled: false,
      is_helpbot_enabled: false,
      is_technical_account: false,
      contact_name_display_order: 1,
      ...(wanted.has('is_api_filter_enabled') ? { is_api_filter_enabled: true } : {}),
      ...(wanted.has('capabilities') ? { capabilities } : {}),
      _links: selfLink(request, '/api/v4/account'),
    };
    return reply.type(HAL_JSON).send(body);
  });
}
