import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  customerCreateSchema,
  customerGetQuerySchema,
  customersListQuerySchema,
  customerUpdateSchema,
} from '../../src/contracts/customer';
import { batchOf, entityId, idParamsSchema } from '../../src/contracts/request';
import { z } from '../../src/contracts/zod';
import { principalOf } from '../plugins/auth';
import { HAL_JSON } from '../plugins/problem';
import { batchItems } from '../services/batch-item';
import { createCustomerService, type WriteResult } from '../services/customer-service';
import type { RouteDeps } from './deps';
import { absoluteUrl, pageLinks, selfLink } from './hal';

/** `PATCH /customers` names each customer in the item; `PATCH /customers/{id}` in the path. */
const customerBatchUpdateSchema = z.extend(customerUpdateSchema, { id: entityId });

const writeResult = (request: FastifyRequest, result: WriteResult) => ({
  id: result.id,
  ...(result.updatedAt !== undefined ? { updated_at: result.updatedAt } : {}),
  request_id: result.requestId,
  _links: selfLink(request, `/api/v4/customers/${result.id}`),
});

const writeCollection = (request: FastifyRequest, results: WriteResult[]) => ({
  _links: selfLink(request, '/api/v4/customers'),
  _embedded: { customers: results.map((r) => writeResult(request, r)) },
});

/** The customers resource under /api/v4 (behind requireUser; 402/403 for the tariff come from app.ts). */
export async function customersRoutes(root: FastifyInstance, deps: RouteDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const service = createCustomerService(deps);

  app.get(
    '/customers',
    { schema: { querystring: customersListQuerySchema } },
    async (request, reply) => {
      const query = request.query;
      const page = await service.list(
        principalOf(request),
        query,
        new Set(query.with),
        absoluteUrl(request, ''),
      );
      return reply.type(HAL_JSON).send({
        ...pageLinks(request, query.page, page.hasNext),
        _embedded: { customers: page.customers },
      });
    },
  );

  app.get(
    '/customers/:id',
    { schema: { params: idParamsSchema, querystring: customerGetQuerySchema } },
    async (request, reply) => {
      const customer = await service.get(
        principalOf(request),
        request.params.id,
        new Set(request.query.with),
        absoluteUrl(request, ''),
      );
      return reply.type(HAL_JSON).send(customer);
    },
  );

  app.post(
    '/customers',
    { schema: { body: batchOf(customerCreateSchema) } },
    async (request, reply) => {
      const results = await service.create(principalOf(request), batchItems(request.body));
      return reply.type(HAL_JSON).send(writeCollection(request, results));
    },
  );

  app.patch(
    '/customers',
    { schema: { body: batchOf(customerBatchUpdateSchema) } },
    async (request, reply) => {
      const results = await service.update(principalOf(request), batchItems(request.body));
      return reply.type(HAL_JSON).send(writeCollection(request, results));
    },
  );

  // amoCRM answers the single-entity form with the entity summary itself, not a collection.
  app.patch(
    '/customers/:id',
    { schema: { params: idParamsSchema, body: customerUpdateSchema } },
    async (request, reply) => {
      const value = { ...request.body, id: request.params.id };
      const [result] = await service.update(principalOf(request), [
        { value, requestId: value.request_id ?? '0', index: 0 },
      ]);
      return reply.type(HAL_JSON).send(writeResult(request, result!));
    },
  );
}
