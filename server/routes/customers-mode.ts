import type { FastifyInstance } from 'fastify';
import { z } from '../../src/contracts/zod';
import { customersModeSchema } from '../../src/contracts/customer';
import { principalOf } from '../plugins/auth';
import { HAL_JSON } from '../plugins/problem';
import { createCustomersModeService } from '../services/customers-mode-service';
import type { RouteDeps } from './deps';
import { parseWhole } from './validate';

/**
 * The contract, with `mode` read as a string first: zod reports a missing enum as an invalid
 * choice, but a missing field is amoCRM's NotBlank, as it is for a missing `is_enabled`.
 */
const modeBodySchema = z.extend(customersModeSchema, {
  mode: z.pipe(z.string(), customersModeSchema.shape.mode),
});

/** Registered under /api/v4 behind requireUser; the 402 for a base tariff comes from app.ts. */
export async function customersModeRoutes(app: FastifyInstance, deps: RouteDeps) {
  const service = createCustomersModeService(deps);

  app.patch('/customers/mode', async (request, reply) => {
    const principal = principalOf(request);
    service.assertMayChange(principal);
    const body = parseWhole(modeBodySchema, request.body);
    const result = await service.setMode(principal, body);
    return reply.type(HAL_JSON).send(result);
  });
}
