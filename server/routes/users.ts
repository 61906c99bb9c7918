import type { FastifyInstance } from 'fastify';
import { userRightsUpdateSchema } from '../../src/contracts/user';
import { principalOf } from '../plugins/auth';
import { createUserService } from '../services/user-service';
import type { RouteDeps } from './deps';
import { pageLinks } from './hal';
import { pagination, parseId, parseWhole } from './validate';
import { presentUser } from './user-presenter';

const HAL = 'application/hal+json';

/** `/api/v4/users`: list and detail as amoCRM; PATCH rights is our extension (admins). */
export async function usersRoutes(app: FastifyInstance, deps: RouteDeps) {
  const users = createUserService(deps);

  app.get('/users', async (request, reply) => {
    const { page, limit } = pagination(request.query as Record<string, unknown>);
    const { rows, hasNext } = await users.page(page, limit);
    if (rows.length === 0) return reply.code(204).send();
    return reply.type(HAL).send({
      ...pageLinks(request, page, hasNext),
      _embedded: { users: rows.map((row) => presentUser(request, row)) },
    });
  });

  app.get('/users/:id', async (request, reply) => {
    const id = parseId((request.params as { id: string }).id);
    return reply.type(HAL).send(presentUser(request, await users.get(id)));
  });

  app.patch('/users/:id', async (request, reply) => {
    users.assertMayManage(principalOf(request));
    const id = parseId((request.params as { id: string }).id);
    const { rights } = parseWhole(userRightsUpdateSchema, request.body);
    const updated = await users.updateRights(principalOf(request), id, rights);
    return reply.type(HAL).send(presentUser(request, updated));
  });
}
