import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema, paginationQuerySchema } from '../../src/contracts/request';
import { userRightsUpdateSchema } from '../../src/contracts/user';
import { principalOf } from '../plugins/auth';
import { HAL_JSON as HAL } from '../plugins/problem';
import { createUserService } from '../services/user-service';
import type { RouteDeps } from './deps';
import { pageLinks } from './hal';
import { presentUser } from './user-presenter';

/** `/api/v4/users`: list and detail as amoCRM; PATCH rights is our extension (admins). */
export async function usersRoutes(root: FastifyInstance, deps: RouteDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const users = createUserService(deps);

  app.get('/users', { schema: { querystring: paginationQuerySchema } }, async (request, reply) => {
    const { page, limit } = request.query;
    const { rows, hasNext } = await users.page(page, limit);
    if (rows.length === 0) return reply.code(204).send();
    return reply.type(HAL).send({
      ...pageLinks(request, page, hasNext),
      _embedded: { users: rows.map((row) => presentUser(request, row)) },
    });
  });

  app.get('/users/:id', { schema: { params: idParamsSchema } }, async (request, reply) => {
    return reply.type(HAL).send(presentUser(request, await users.get(request.params.id)));
  });

  const mayManage = async (request: FastifyRequest) => users.assertMayManage(principalOf(request));
  const patch = {
    preValidation: mayManage,
    schema: { params: idParamsSchema, body: userRightsUpdateSchema },
  };
  app.patch('/users/:id', patch, async (request, reply) => {
    const { rights } = request.body;
    const updated = await users.updateRights(principalOf(request), request.params.id, rights);
    return reply.type(HAL).send(presentUser(request, updated));
  });
}
