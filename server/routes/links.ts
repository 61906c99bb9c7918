import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  LINK_ENTITY_TYPES,
  linkWriteSchema,
  type linksPageSchema,
  type linksWriteResponseSchema,
} from '../../src/contracts/link';
import type { LinkFilter } from '../db/link-repository';
import { BadRequest } from '../errors';
import { principalOf } from '../plugins/auth';
import { createLinkService, type LinkItem } from '../services/link-service';
import type { RouteDeps } from './deps';
import { absoluteUrl } from './hal';
import { BATCH_LIMIT, intList, objectParam, parseBatch, parseId } from './validate';

type Query = Record<string, unknown>;

const linkTypeSchema = z.enum(LINK_ENTITY_TYPES);

/** `filter[to_entity_type]` (+ `filter[to_entity_id]`) or `filter[to_catalog_id]`. */
function parseLinkFilter(filter: Record<string, unknown>, allowed: Set<string>): LinkFilter {
  for (const key of Object.keys(filter)) {
    if (!allowed.has(key)) throw new BadRequest(`Unknown filter: filter[${key}]`);
  }
  const type = filter.to_entity_type;
  if (type !== undefined && !linkTypeSchema.safeParse(type).success) {
    throw new BadRequest(`filter[to_entity_type] must be one of ${LINK_ENTITY_TYPES.join(', ')}`);
  }
  const toEntityIds = intList(filter.to_entity_id, 'filter[to_entity_id]');
  if (toEntityIds && type === undefined) {
    throw new BadRequest('filter[to_entity_id] needs filter[to_entity_type]');
  }
  const catalogIds = intList(filter.to_catalog_id, 'filter[to_catalog_id]');
  if (catalogIds && catalogIds.length !== 1) {
    throw new BadRequest('filter[to_catalog_id] takes one catalog id');
  }
  return {
    toEntityType: type as LinkFilter['toEntityType'],
    toEntityIds,
    toCatalogId: catalogIds?.[0],
  };
}

/** Customers ⇄ contacts, companies and catalog elements, per customer and in bulk. */
export async function linksRoutes(app: FastifyInstance, deps: RouteDeps) {
  const service = createLinkService(deps);

  const answerLinks = async (
    request: FastifyRequest,
    reply: FastifyReply,
    customerIds: number[],
    filter: LinkFilter,
  ) => {
    const links = await service.list(principalOf(request), customerIds, filter);
    const body: z.infer<typeof linksPageSchema> = {
      _links: { self: { href: absoluteUrl(request, request.url) } },
      _embedded: { links },
    };
    reply.type('application/hal+json');
    return body;
  };

  app.get<{ Params: { id: string }; Querystring: Query }>(
    '/customers/:id/links',
    async (request, reply) => {
      const customerId = parseId(request.params.id);
      const filter = parseLinkFilter(
        objectParam(request.query.filter, 'filter'),
        new Set(['to_entity_type', 'to_entity_id', 'to_catalog_id']),
      );
      return answerLinks(request, reply, [customerId], filter);
    },
  );

  app.get<{ Querystring: Query }>('/customers/links', async (request, reply) => {
    const raw = objectParam(request.query.filter, 'filter');
    const customerIds = intList(raw.entity_id, 'filter[entity_id]');
    if (!customerIds || customerIds.length === 0) {
      throw new BadRequest('filter[entity_id] is required: the customers whose links you want');
    }
    if (customerIds.length > BATCH_LIMIT) {
      throw new BadRequest(`filter[entity_id] takes at most ${BATCH_LIMIT} ids`);
    }
    const filter = parseLinkFilter(
      raw,
      new Set(['entity_id', 'to_entity_type', 'to_entity_id', 'to_catalog_id']),
    );
    return answerLinks(request, reply, customerIds, filter);
  });

  /** The path form aims every item at the path's customer; the bulk form needs `entity_id`. */
  const itemsOf = (body: unknown, pathCustomerId?: number): LinkItem[] =>
    parseBatch(linkWriteSchema, body, (item) =>
      pathCustomerId === undefined && item.entity_id === undefined
        ? [
            {
              code: 'NotBlank',
              path: 'entity_id',
              detail: 'Each item must name its customer in entity_id',
            },
          ]
        : [],
    ).map(({ value, requestId }) => ({
      customerId: pathCustomerId ?? value.entity_id!,
      requestId,
      value,
    }));

  const link = async (
    request: FastifyRequest,
    reply: FastifyReply,
    items: LinkItem[],
    bulk: boolean,
  ) => {
    const links = await service.link(principalOf(request), items, { bulk });
    const body: z.infer<typeof linksWriteResponseSchema> = {
      _links: { self: { href: absoluteUrl(request, request.url) } },
      _embedded: { links },
    };
    reply.type('application/hal+json');
    return body;
  };

  app.post<{ Params: { id: string } }>('/customers/:id/link', async (request, reply) => {
    const customerId = parseId(request.params.id);
    return link(request, reply, itemsOf(request.body, customerId), false);
  });
  app.post('/customers/link', async (request, reply) =>
    link(request, reply, itemsOf(request.body), true),
  );

  app.post<{ Params: { id: string } }>('/customers/:id/unlink', async (request, reply) => {
    const customerId = parseId(request.params.id);
    await service.unlink(principalOf(request), itemsOf(request.body, customerId), { bulk: false });
    return reply.code(204).send();
  });
  app.post('/customers/unlink', async (request, reply) => {
    await service.unlink(principalOf(request), itemsOf(request.body), { bulk: true });
    return reply.code(204).send();
  });
}
