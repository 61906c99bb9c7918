import type { FastifyInstance } from 'fastify';
import {
  bonusPointsBodySchema,
  type bonusPointsResponseSchema,
} from '../../src/contracts/customer';
import type { z } from 'zod';
import { principalOf } from '../plugins/auth';
import { createBonusPointsService } from '../services/bonus-points-service';
import type { RouteDeps } from './deps';
import { parseId, parseWhole } from './validate';

/** `POST /customers/{id}/bonus_points` with `{earn}` or `{redeem}` → the new balance. */
export async function bonusPointsRoutes(app: FastifyInstance, deps: RouteDeps) {
  const service = createBonusPointsService(deps);
  app.post<{ Params: { id: string } }>('/customers/:id/bonus_points', async (request, reply) => {
    const customerId = parseId(request.params.id);
    const change = parseWhole(bonusPointsBodySchema, request.body);
    const balance = await service.apply(principalOf(request), customerId, change);
    const body: z.infer<typeof bonusPointsResponseSchema> = { bonus_points: balance };
    reply.type('application/hal+json');
    return body;
  });
}
