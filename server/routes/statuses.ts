import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema, paginationQuerySchema } from '../../src/contracts/request';
import type { CustomerStatus } from '../../src/contracts/status';
import { ACCOUNT_ID } from '../db/account-repository';
import { createStatusRepository, type StatusRow } from '../db/status-repository';
import { NoContent, Unprocessable } from '../errors';
import { HAL_JSON as HAL } from '../plugins/problem';
import type { RouteDeps } from './deps';
import { pageLinks, selfLink } from './hal';
const BASE = '/customers/statuses';

function present(request: FastifyRequest, row: StatusRow): CustomerStatus {
  return {
    id: row.id,
    name: row.name,
    sort: row.sort,
    is_default: row.isDefault,
    color: row.color,
    type: row.type,
    // Conditions are managed in amoCRM's UI only and never exposed by its API.
    conditions: [],
    account_id: ACCOUNT_ID,
    _links: selfLink(request, `/api/v4${BASE}/${row.id}`),
  };
}

/** `/api/v4/customers/statuses`: read-only; statuses exist only in periodicity mode (SEG). */
export async function statusesRoutes(root: FastifyInstance, deps: RouteDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const statuses = createStatusRepository(deps.db);

  // Statuses are a lookup with no rules beyond the mode, so the route reads the repository.
  app.addHook('preHandler', async () => {
    const account = await deps.account.get();
    if (account.customersMode !== 'periodicity') {
      throw new Unprocessable('Customer statuses are available in periodicity mode only');
    }
  });

  app.get(BASE, { schema: { querystring: paginationQuerySchema } }, async (request, reply) => {
    const { page, limit } = request.query;
    const rows = await statuses.page((page - 1) * limit, limit + 1);
    if (rows.length === 0) return reply.code(204).send();
    return reply.type(HAL).send({
      ...pageLinks(request, page, rows.length > limit),
      _embedded: { statuses: rows.slice(0, limit).map((row) => present(request, row)) },
    });
  });

  app.get(`${BASE}/:id`, { schema: { params: idParamsSchema } }, async (request, reply) => {
    const row = await statuses.byId(request.params.id);
    if (!row) throw new NoContent();
    return reply.type(HAL).send(present(request, row));
  });
}
