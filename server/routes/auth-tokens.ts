import type { FastifyInstance } from 'fastify';
import { tokenCreateSchema } from '../../src/contracts/auth';
import { BadRequest } from '../errors';
import { principalOf } from '../plugins/auth';
import { createTokenService } from '../services/token-service';
import type { RouteDeps } from './deps';
import { intList, parseId, parseWhole } from './validate';

/** Long-lived API tokens (`/api/auth/tokens`); every route needs a signed-in caller. */
export async function tokenRoutes(app: FastifyInstance, deps: RouteDeps) {
  const tokens = createTokenService(deps);
  app.addHook('onRequest', app.requireUser);

  // 200, not 201: DESIGN.md's run contract answers the token like a login answers a user.
  app.post('/api/auth/tokens', async (request) => {
    const body = parseWhole(tokenCreateSchema, request.body);
    return tokens.create(principalOf(request), body);
  });

  app.get('/api/auth/tokens', async (request) => {
    const query = request.query as Record<string, unknown>;
    const userIds = intList(query.user_id, 'user_id');
    if (userIds && userIds.length !== 1) throw new BadRequest('user_id must be one integer');
    return { tokens: await tokens.list(principalOf(request), userIds?.[0]) };
  });

  app.delete('/api/auth/tokens/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    await tokens.revoke(principalOf(request), parseId(id));
    return reply.code(204).send();
  });
}
