import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  transactionCreateSchema,
  type Transaction,
  type TransactionsPage,
  type TransactionsWriteResponse,
} from '../../src/contracts/transaction';
import {
  TRANSACTION_ORDER_FIELDS,
  type TransactionListQuery,
  type TransactionOrder,
  type TransactionRecord,
} from '../db/transaction-repository';
import { BadRequest } from '../errors';
import { principalOf } from '../plugins/auth';
import { createTransactionService } from '../services/transaction-service';
import type { RouteDeps } from './deps';
import { pageLinks, selfLink } from './hal';
import { intList, objectParam, pagination, parseBatch, parseId, range } from './validate';

type Query = Record<string, unknown>;
type Params = { id?: string; customerId?: string };

const FILTERS = new Set(['id', 'customer_id', 'completed_at']);

function parseOrder(raw: unknown): TransactionOrder {
  const order = objectParam(raw, 'order');
  const entries = Object.entries(order);
  if (entries.length === 0) return { field: 'completed_at', direction: 'desc' };
  const [field, direction] = entries[0]!;
  if (entries.length > 1 || !(TRANSACTION_ORDER_FIELDS as readonly string[]).includes(field)) {
    throw new BadRequest(
      `order takes one of ${TRANSACTION_ORDER_FIELDS.join(', ')}, e.g. order[id]=desc`,
    );
  }
  if (direction !== 'asc' && direction !== 'desc') {
    throw new BadRequest(`order[${field}] must be asc or desc`);
  }
  return { field: field as TransactionOrder['field'], direction };
}

/** The list query; a customer in the path narrows `filter[customer_id]` further. */
function parseListQuery(query: Query, scopeCustomerId?: number): TransactionListQuery {
  const filter = objectParam(query.filter, 'filter');
  for (const key of Object.keys(filter)) {
    // Silently ignoring a misspelt filter would return everything; say so instead.
    if (!FILTERS.has(key)) throw new BadRequest(`Unknown filter: filter[${key}]`);
  }
  let customerIds = intList(filter.customer_id, 'filter[customer_id]');
  if (scopeCustomerId !== undefined) {
    customerIds = customerIds
      ? customerIds.filter((id) => id === scopeCustomerId)
      : [scopeCustomerId];
  }
  return {
    ids: intList(filter.id, 'filter[id]'),
    customerIds,
    completedAt: range(filter.completed_at, 'filter[completed_at]'),
    order: parseOrder(query.order),
    ...pagination(query),
  };
}

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
export async function transactionsRoutes(app: FastifyInstance, deps: RouteDeps) {
  const service = createTransactionService(deps);

  const list = async (request: FastifyRequest<{ Params: Params; Querystring: Query }>) => {
    const scope =
      request.params.customerId === undefined
        ? undefined
        : parseId(request.params.customerId, 'customer_id');
    const query = parseListQuery(request.query, scope);
    const { items, hasNext } = await service.list(principalOf(request), query);
    const page: TransactionsPage = {
      ...pageLinks(request, query.page, hasNext),
      _embedded: { transactions: items.map((item) => toWire(request, item)) },
    };
    return page;
  };

  const get = async (request: FastifyRequest<{ Params: Params }>) => {
    const scope =
      request.params.customerId === undefined
        ? undefined
        : parseId(request.params.customerId, 'customer_id');
    const record = await service.get(principalOf(request), parseId(request.params.id), scope);
    return toWire(request, record);
  };

  const remove = async (request: FastifyRequest<{ Params: Params }>) => {
    const scope =
      request.params.customerId === undefined
        ? undefined
        : parseId(request.params.customerId, 'customer_id');
    await service.remove(principalOf(request), parseId(request.params.id), scope);
  };

  app.get<{ Params: Params; Querystring: Query }>(
    '/customers/transactions',
    async (request, reply) => {
      reply.type('application/hal+json');
      return list(request);
    },
  );
  app.get<{ Params: Params; Querystring: Query }>(
    '/customers/:customerId/transactions',
    async (request, reply) => {
      reply.type('application/hal+json');
      return list(request);
    },
  );
  app.get<{ Params: Params }>('/customers/transactions/:id', async (request, reply) => {
    reply.type('application/hal+json');
    return get(request);
  });
  app.get<{ Params: Params }>('/customers/:customerId/transactions/:id', async (request, reply) => {
    reply.type('application/hal+json');
    return get(request);
  });

  app.post<{ Params: Params }>('/customers/:customerId/transactions', async (request, reply) => {
    const customerId = parseId(request.params.customerId, 'customer_id');
    const items = parseBatch(transactionCreateSchema, request.body);
    const added = await service.add(principalOf(request), customerId, items);
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
    reply.type('application/hal+json');
    return body;
  });

  app.delete<{ Params: Params }>('/customers/transactions/:id', async (request, reply) => {
    await remove(request);
    return reply.code(204).send();
  });
  app.delete<{ Params: Params }>(
    '/customers/:customerId/transactions/:id',
    async (request, reply) => {
      await remove(request);
      return reply.code(204).send();
    },
  );
}
