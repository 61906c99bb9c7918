import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { tokenCreateSchema, tokensListQuerySchema } from '../../src/contracts/auth';
import { idParamsSchema } from '../../src/contracts/request';
import { principalOf } from '../plugins/auth';
import { createTokenService } from '../services/token-service';
import type { RouteDeps } from './deps';

/** Long-lived API tokens (`/api/auth/tokens`); every route needs a signed-in caller. */
export async function tokenRoutes(root: FastifyInstance, deps: RouteDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tokens = createTokenService(deps);
  app.addHook('onRequest', app.requireUser);

  // 200, not 201: DESIGN.md's run contract answers the token like a login answers a user.
  app.post('/api/auth/tokens', { schema: { body: tokenCreateSchema } }, async (request) =>
    tokens.create(principalOf(request), request.body),
  );

  app.get(
    '/api/auth/tokens',
    { schema: { querystring: tokensListQuerySchema } },
    async (request) => ({
      tokens: await tokens.list(principalOf(request), request.query.user_id),
    }),
  );

  app.delete(
    '/api/auth/tokens/:id',
    { schema: { params: idParamsSchema } },
    async (request, reply) => {
      await tokens.revoke(principalOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
