import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../src/contracts/request';
import {
  bonusPointsBodySchema,
  type bonusPointsResponseSchema,
} from '../../src/contracts/customer';
import type { z } from '../../src/contracts/zod';
import { HAL_JSON } from '../plugins/problem';
import { principalOf } from '../plugins/auth';
import { createBonusPointsService } from '../services/bonus-points-service';
import type { RouteDeps } from './deps';

/** `POST /customers/{id}/bonus_points` with `{earn}` or `{redeem}` → the new balance. */
export async function bonusPointsRoutes(root: FastifyInstance, deps: RouteDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const service = createBonusPointsService(deps);
  app.post(
    '/customers/:id/bonus_points',
    { schema: { params: idParamsSchema, body: bonusPointsBodySchema } },
    async (request, reply) => {
      const balance = await service.apply(principalOf(request), request.params.id, request.body);
      const body: z.infer<typeof bonusPointsResponseSchema> = { bonus_points: balance };
      return reply.type(HAL_JSON).send(body);
    },
  );
}
