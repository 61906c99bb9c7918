import type { FastifyInstance } from 'fastify';
import { tagCreateSchema, type Tag } from '../../src/contracts/tag';
import type { TagRow } from '../db/tag-repository';
import { BadRequest } from '../errors';
import { createTagService } from '../services/tag-service';
import type { RouteDeps } from './deps';
import { pageLinks, selfLink } from './hal';
import { intList, objectParam, pagination, parseBatch, stringList } from './validate';

const HAL = 'application/hal+json';
const BASE = '/customers/tags';

// amoCRM lists tags without per-tag links.
const present = (row: TagRow): Tag => ({ id: row.id, name: row.name, color: row.color });

/** `/api/v4/customers/tags`: list (filter[id], filter[name], query) and create. */
export async function tagsRoutes(app: FastifyInstance, deps: RouteDeps) {
  const tags = createTagService(deps);

  app.get(BASE, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const { page, limit } = pagination(query);
    const filter = objectParam(query.filter, 'filter');
    if (query.query !== undefined && typeof query.query !== 'string') {
      throw new BadRequest('query must be a string');
    }
    const { rows, hasNext } = await tags.page(
      {
        ids: intList(filter.id, 'filter[id]'),
        names: stringList(filter.name, 'filter[name]'),
        query: query.query?.trim() || undefined,
      },
      page,
      limit,
    );
    if (rows.length === 0) return reply.code(204).send();
    return reply.type(HAL).send({
      ...pageLinks(request, page, hasNext),
      _embedded: { tags: rows.map(present) },
    });
  });

  app.post(BASE, async (request, reply) => {
    const items = parseBatch(tagCreateSchema, request.body);
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
