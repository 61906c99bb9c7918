import type { FastifyInstance, FastifyRequest } from 'fastify';
import { segmentUpdateSchema, segmentWriteSchema, type Segment } from '../../src/contracts/segment';
import type { SegmentWithCount } from '../db/segment-repository';
import { ACCOUNT_ID } from '../db/account-repository';
import { BadRequest, ValidationFailed } from '../errors';
import { principalOf } from '../plugins/auth';
import { createSegmentService, segmentColorErrors } from '../services/segment-service';
import type { RouteDeps } from './deps';
import { pageLinks, selfLink } from './hal';
import { pagination, parseBatch, parseId, parseWhole } from './validate';

const HAL = 'application/hal+json';
const BASE = '/customers/segments';

function present(request: FastifyRequest, row: SegmentWithCount): Segment {
  return {
    id: row.id,
    name: row.name,
    color: row.color,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
    customers_count: row.customersCount,
    available_products_price_types: [],
    custom_fields_values: null,
    account_id: ACCOUNT_ID,
    _links: selfLink(request, `/api/v4${BASE}/${row.id}`),
  };
}

/** `/api/v4/customers/segments` (amoCRM's segments mode). */
export async function segmentsRoutes(app: FastifyInstance, deps: RouteDeps) {
  const segments = createSegmentService(deps);

  app.get(BASE, async (request, reply) => {
    const { page, limit } = pagination(request.query as Record<string, unknown>);
    const { rows, hasNext } = await segments.page(principalOf(request), page, limit);
    if (rows.length === 0) return reply.code(204).send();
    return reply.type(HAL).send({
      ...pageLinks(request, page, hasNext),
      _embedded: { segments: rows.map((row) => present(request, row)) },
    });
  });

  app.get(`${BASE}/:id`, async (request, reply) => {
    const id = parseId((request.params as { id: string }).id);
    return reply.type(HAL).send(present(request, await segments.get(principalOf(request), id)));
  });

  app.post(BASE, async (request, reply) => {
    const principal = principalOf(request);
    segments.assertMayWrite(principal);
    const items = parseBatch(segmentWriteSchema, request.body, (item) =>
      segmentColorErrors(item.color),
    );
    const created = await segments.create(
      principal,
      items.map((i) => i.value),
    );
    return reply.type(HAL).send({
      _links: selfLink(request, `/api/v4${BASE}`),
      _embedded: {
        segments: created.map((row, index) => ({
          ...present(request, row),
          request_id: items[index]!.requestId,
        })),
      },
    });
  });

  app.patch(`${BASE}/:id`, async (request, reply) => {
    segments.assertMayWrite(principalOf(request));
    const id = parseId((request.params as { id: string }).id);
    const patch = parseWhole(segmentUpdateSchema, request.body);
    const colorErrors = segmentColorErrors(patch.color);
    if (colorErrors.length > 0)
      throw new ValidationFailed([{ request_id: '0', errors: colorErrors }]);
    if (patch.name === undefined && patch.color === undefined) {
      throw new BadRequest('Send name or color to change');
    }
    const updated = await segments.update(principalOf(request), id, patch);
    return reply.type(HAL).send(present(request, updated));
  });

  app.delete(`${BASE}/:id`, async (request, reply) => {
    const id = parseId((request.params as { id: string }).id);
    await segments.delete(principalOf(request), id);
    return reply.code(204).send();
  });
}
