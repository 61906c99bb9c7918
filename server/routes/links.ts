import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  customerLinksQuerySchema,
  linkWriteSchema,
  type linksPageSchema,
  type linksWriteResponseSchema,
} from '../../src/contracts/link';
import { batchOf, idParamsSchema } from '../../src/contracts/request';
import type { z } from '../../src/contracts/zod';
import { linksListQuerySchema } from '../../src/contracts/link';
import type { LinkFilter } from '../db/link-repository';
import { ValidationFailed } from '../errors';
import { principalOf } from '../plugins/auth';
import { HAL_JSON } from '../plugins/problem';
import { batchItems } from '../services/batch-item';
import { createLinkService, type LinkItem } from '../services/link-service';
import type { RouteDeps } from './deps';
import { absoluteUrl } from './hal';

type LinkWriteParsed = z.output<typeof linkWriteSchema>;
type LinkQueryFilter = z.output<typeof customerLinksQuerySchema>['filter'];

const toLinkFilter = (filter: LinkQueryFilter): LinkFilter => ({
  toEntityType: filter.to_entity_type,
  toEntityIds: filter.to_entity_id,
  toCatalogId: filter.to_catalog_id,
});

const linkBatchSchema = batchOf(linkWriteSchema);

/** Customers ⇄ contacts, companies and catalog elements, per customer and in bulk. */
export async function linksRoutes(root: FastifyInstance, deps: RouteDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();
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
    reply.type(HAL_JSON);
    return body;
  };

  app.get(
    '/customers/:id/links',
    { schema: { params: idParamsSchema, querystring: customerLinksQuerySchema } },
    async (request, reply) =>
      answerLinks(request, reply, [request.params.id], toLinkFilter(request.query.filter)),
  );

  app.get(
    '/customers/links',
    { schema: { querystring: linksListQuerySchema } },
    async (request, reply) => {
      const { entity_id: customerIds, ...filter } = request.query.filter;
      return answerLinks(request, reply, customerIds, toLinkFilter(filter));
    },
  );

  /** The path form aims every item at the path's customer; the bulk form needs `entity_id`. */
  const itemsOf = (values: LinkWriteParsed[], pathCustomerId?: number): LinkItem[] => {
    const items = batchItems(values);
    if (pathCustomerId === undefined) {
      const unnamed = items.filter(({ value }) => value.entity_id === undefined);
      if (unnamed.length > 0) {
        throw new ValidationFailed(
          unnamed.map(({ requestId }) => ({
            request_id: requestId,
            errors: [
              {
                code: 'NotBlank',
                path: 'entity_id',
                detail: 'Each item must name its customer in entity_id',
              },
            ],
          })),
        );
      }
    }
    return items.map(({ value, requestId }) => ({
      customerId: pathCustomerId ?? value.entity_id!,
      requestId,
      value,
    }));
  };

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
    reply.type(HAL_JSON);
    return body;
  };

  const pathForm = { schema: { params: idParamsSchema, body: linkBatchSchema } };
  const bulkForm = { schema: { body: linkBatchSchema } };

  app.post('/customers/:id/link', pathForm, async (request, reply) =>
    link(request, reply, itemsOf(request.body, request.params.id), false),
  );
  app.post('/customers/link', bulkForm, async (request, reply) =>
    link(request, reply, itemsOf(request.body), true),
  );

  app.post('/customers/:id/unlink', pathForm, async (request, reply) => {
    const items = itemsOf(request.body, request.params.id);
    await service.unlink(principalOf(request), items, { bulk: false });
    return reply.code(204).send();
  });
  app.post('/customers/unlink', bulkForm, async (request, reply) => {
    await service.unlink(principalOf(request), itemsOf(request.body), { bulk: true });
    return reply.code(204).send();
  });
}
