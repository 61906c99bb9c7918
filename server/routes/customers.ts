import type { FastifyInstance, FastifyRequest } from 'fastify';
import { customerCreateSchema, customerUpdateSchema } from '../../src/contracts/customer';
import { principalOf } from '../plugins/auth';
import { HAL_JSON } from '../plugins/problem';
import { createCustomerService, type WriteResult } from '../services/customer-service';
import { parseListQuery, parseWith } from './customers-list-params';
import type { RouteDeps } from './deps';
import { absoluteUrl, pageLinks, selfLink } from './hal';
import { parseBatch, parseId, parseWhole } from './validate';

type IdParams = { Params: { id: string } };

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
export async function customersRoutes(app: FastifyInstance, deps: RouteDeps) {
  const service = createCustomerService(deps);

  app.get('/customers', async (request, reply) => {
    const { query, kinds } = parseListQuery(request.query);
    const page = await service.list(principalOf(request), query, kinds, absoluteUrl(request, ''));
    return reply.type(HAL_JSON).send({
      ...pageLinks(request, query.page, page.hasNext),
      _embedded: { customers: page.customers },
    });
  });

  app.get<IdParams>('/customers/:id', async (request, reply) => {
    const id = parseId(request.params.id);
    const customer = await service.get(
      principalOf(request),
      id,
      parseWith(request.query),
      absoluteUrl(request, ''),
    );
    return reply.type(HAL_JSON).send(customer);
  });

  app.post('/customers', async (request, reply) => {
    const items = parseBatch(customerCreateSchema, request.body);
    const results = await service.create(principalOf(request), items);
    return reply.type(HAL_JSON).send(writeCollection(request, results));
  });

  app.patch('/customers', async (request, reply) => {
    const parsed = parseBatch(customerUpdateSchema, request.body, (item) =>
      item.id === undefined
        ? [{ code: 'NotBlank', path: 'id', detail: 'This value should not be blank.' }]
        : [],
    );
    const items = parsed.map((item) => ({ ...item, value: { ...item.value, id: item.value.id! } }));
    const results = await service.update(principalOf(request), items);
    return reply.type(HAL_JSON).send(writeCollection(request, results));
  });

  // amoCRM answers the single-entity form with the entity summary itself, not a collection.
  app.patch<IdParams>('/customers/:id', async (request, reply) => {
    const id = parseId(request.params.id);
    const value = parseWhole(customerUpdateSchema, request.body);
    const requestId = value.request_id ?? '0';
    const [result] = await service.update(principalOf(request), [
      { value: { ...value, id }, requestId, index: 0 },
    ]);
    return reply.type(HAL_JSON).send(writeResult(request, result!));
  });
}
