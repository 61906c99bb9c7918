import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  batchOf,
  customerAndIdParamsSchema,
  customerIdParamsSchema,
  idParamsSchema,
} from '../../src/contracts/request';
import {
  transactionCreateSchema,
  transactionsListQuerySchema,
  type Transaction,
  type TransactionsListQueryParsed,
  type TransactionsPage,
  type TransactionsWriteResponse,
} from '../../src/contracts/transaction';
import type { TransactionRecord } from '../db/transaction-repository';
import { principalOf } from '../plugins/auth';
import { HAL_JSON } from '../plugins/problem';
import { batchItems } from '../services/batch-item';
import { createTransactionService } from '../services/transaction-service';
import type { RouteDeps } from './deps';
import { pageLinks, selfLink } from './hal';

function toWire(request: FastifyRequest, record: TransactionRecord): Transaction {
  const { catalog_elements, ...fields } = record;
  const customerPath = `/api/v4/customers/${record.customer_id}`;
  return {
    ...fields,
    _links: selfLink(request, `${customerPath}/transactions/${record.id}`),
    _embedded: {
      customer: { id: record.customer_id, _links: selfLink(request, customerPath) },
      ...(catalog_elements.length > 0 ? { catalog_elements } : {}),
    },
  };
}

/** Customers' transactions (purchases): list, get, add, delete. */
export async function transactionsRoutes(root: FastifyInstance, deps: RouteDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const service = createTransactionService(deps);

  const list = async (
    request: FastifyRequest,
    query: TransactionsListQueryParsed,
    customerId?: number,
  ): Promise<TransactionsPage> => {
    const { items, hasNext } = await service.list(principalOf(request), { ...query, customerId });
    return {
      ...pageLinks(request, query.page, hasNext),
      _embedded: { transactions: items.map((item) => toWire(request, item)) },
    };
  };

  app.get(
    '/customers/transactions',
    { schema: { querystring: transactionsListQuerySchema } },
    async (request, reply) => reply.type(HAL_JSON).send(await list(request, request.query)),
  );
  app.get(
    '/customers/:customerId/transactions',
    { schema: { params: customerIdParamsSchema, querystring: transactionsListQuerySchema } },
    async (request, reply) =>
      reply.type(HAL_JSON).send(await list(request, request.query, request.params.customerId)),
  );
  app.get(
    '/customers/transactions/:id',
    { schema: { params: idParamsSchema } },
    async (request, reply) =>
      reply
        .type(HAL_JSON)
        .send(toWire(request, await service.get(principalOf(request), request.params.id))),
  );
  app.get(
    '/customers/:customerId/transactions/:id',
    { schema: { params: customerAndIdParamsSchema } },
    async (request, reply) => {
      const { id, customerId } = request.params;
      const record = await service.get(principalOf(request), id, customerId);
      return reply.type(HAL_JSON).send(toWire(request, record));
    },
  );

  app.post(
    '/customers/:customerId/transactions',
    { schema: { params: customerIdParamsSchema, body: batchOf(transactionCreateSchema) } },
    async (request, reply) => {
      const { customerId } = request.params;
      const added = await service.add(principalOf(request), customerId, batchItems(request.body));
      const path = `/api/v4/customers/${customerId}/transactions`;
      const body: TransactionsWriteResponse = {
        _links: selfLink(request, path),
        _embedded: {
          transactions: added.map((t) => ({
            id: t.id,
            request_id: t.requestId,
            _links: selfLink(request, `${path}/${t.id}`),
          })),
        },
      };
      return reply.type(HAL_JSON).send(body);
    },
  );

  app.delete(
    '/customers/transactions/:id',
    { schema: { params: idParamsSchema } },
    async (request, reply) => {
      await service.remove(principalOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
  app.delete(
    '/customers/:customerId/transactions/:id',
    { schema: { params: customerAndIdParamsSchema } },
    async (request, reply) => {
      await service.remove(principalOf(request), request.params.id, request.params.customerId);
      return reply.code(204).send();
    },
  );
}
