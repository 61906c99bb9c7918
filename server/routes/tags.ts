import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { batchOf } from '../../src/contracts/request';
import { tagCreateSchema, tagsListQuerySchema, type Tag } from '../../src/contracts/tag';
import type { TagRow } from '../db/tag-repository';
import { HAL_JSON as HAL } from '../plugins/problem';
import { batchItems } from '../services/batch-item';
import { createTagService } from '../services/tag-service';
import type { RouteDeps } from './deps';
import { pageLinks, selfLink } from './hal';
const BASE = '/customers/tags';

// amoCRM lists tags without per-tag links.
const present = (row: TagRow): Tag => ({ id: row.id, name: row.name, color: row.color });

/** `/api/v4/customers/tags`: list (filter[id], filter[name], query) and create. */
export async function tagsRoutes(root: FastifyInstance, deps: RouteDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = createTagService(deps);

  app.get(BASE, { schema: { querystring: tagsListQuerySchema } }, async (request, reply) => {
    const { page, limit, filter, query } = request.query;
    const { rows, hasNext } = await tags.page(
      { ids: filter?.id, names: filter?.name, query },
      page,
      limit,
    );
    if (rows.length === 0) return reply.code(204).send();
    return reply.type(HAL).send({
      ...pageLinks(request, page, hasNext),
      _embedded: { tags: rows.map(present) },
    });
  });

  app.post(BASE, { schema: { body: batchOf(tagCreateSchema) } }, async (request, reply) => {
    const items = batchItems(request.body);
    const created = await tags.create(
      items.map(({ value, requestId }) => ({
        name: value.name,
        color: value.color ?? null,
        requestId,
      })),
    );
    return reply.type(HAL).send({
      _links: selfLink(request, `/api/v4${BASE}`),
      _embedded: {
        tags: created.map((row, index) => ({
          ...present(row),
          request_id: items[index]!.requestId,
        })),
      },
    });
  });
}
