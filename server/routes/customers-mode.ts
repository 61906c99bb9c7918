import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from '../../src/contracts/zod';
import { customersModeSchema } from '../../src/contracts/customer';
import { principalOf } from '../plugins/auth';
import { HAL_JSON } from '../plugins/problem';
import { createCustomersModeService } from '../services/customers-mode-service';
import type { RouteDeps } from './deps';

/**
 * The contract, with `mode` read as a string first: zod reports a missing enum as an invalid
 * choice, but a missing field is amoCRM's NotBlank, as it is for a missing `is_enabled`.
 */
const modeBodySchema = z.extend(customersModeSchema, {
  mode: z.pipe(z.string(), customersModeSchema.shape.mode),
});

/** Registered under /api/v4 behind requireUser; the 402 for a base tariff comes from app.ts. */
export async function customersModeRoutes(root: FastifyInstance, deps: RouteDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const service = createCustomersModeService(deps);

  // Rights before the body: a non-administrator learns nothing from the body's errors.
  const mayChange = async (request: FastifyRequest) =>
    service.assertMayChange(principalOf(request));
  app.patch(
    '/customers/mode',
    { preValidation: mayChange, schema: { body: modeBodySchema } },
    async (request, reply) => {
      const result = await service.setMode(principalOf(request), request.body);
      return reply.type(HAL_JSON).send(result);
    },
  );
}
