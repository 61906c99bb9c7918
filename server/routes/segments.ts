import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { batchOf, idParamsSchema, paginationQuerySchema } from '../../src/contracts/request';
import { segmentUpdateSchema, segmentWriteSchema, type Segment } from '../../src/contracts/segment';
import type { SegmentWithCount } from '../db/segment-repository';
import { ACCOUNT_ID } from '../db/account-repository';
import { BadRequest, ValidationFailed } from '../errors';
import { principalOf } from '../plugins/auth';
import { HAL_JSON as HAL } from '../plugins/problem';
import { batchItems } from '../services/batch-item';
import { createSegmentService, segmentColorErrors } from '../services/segment-service';
import type { RouteDeps } from './deps';
import { pageLinks, selfLink } from './hal';
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
export async function segmentsRoutes(root: FastifyInstance, deps: RouteDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const segments = createSegmentService(deps);

  app.get(BASE, { schema: { querystring: paginationQuerySchema } }, async (request, reply) => {
    const { page, limit } = request.query;
    const { rows, hasNext } = await segments.page(principalOf(request), page, limit);
    if (rows.length === 0) return reply.code(204).send();
    return reply.type(HAL).send({
      ...pageLinks(request, page, hasNext),
      _embedded: { segments: rows.map((row) => present(request, row)) },
    });
  });

  app.get(`${BASE}/:id`, { schema: { params: idParamsSchema } }, async (request, reply) => {
    const { id } = request.params;
    return reply.type(HAL).send(present(request, await segments.get(principalOf(request), id)));
  });

  // Rights before the body: a non-administrator learns nothing from the body's errors.
  const mayWrite = async (request: FastifyRequest) => segments.assertMayWrite(principalOf(request));

  const create = { preValidation: mayWrite, schema: { body: batchOf(segmentWriteSchema) } };
  app.post(BASE, create, async (request, reply) => {
    const principal = principalOf(request);
    const items = batchItems(request.body);
    const colorFailures = items.flatMap(({ value, requestId }) => {
      const errors = segmentColorErrors(value.color);
      return errors.length > 0 ? [{ request_id: requestId, errors }] : [];
    });
    if (colorFailures.length > 0) throw new ValidationFailed(colorFailures);
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

  app.patch(
    `${BASE}/:id`,
    { preValidation: mayWrite, schema: { params: idParamsSchema, body: segmentUpdateSchema } },
    async (request, reply) => {
      const { id } = request.params;
      const patch = request.body;
      const colorErrors = segmentColorErrors(patch.color);
      if (colorErrors.length > 0)
        throw new ValidationFailed([{ request_id: '0', errors: colorErrors }]);
      if (patch.name === undefined && patch.color === undefined) {
        throw new BadRequest('Send name or color to change');
      }
      const updated = await segments.update(principalOf(request), id, patch);
      return reply.type(HAL).send(present(request, updated));
    },
  );

  app.delete(`${BASE}/:id`, { schema: { params: idParamsSchema } }, async (request, reply) => {
    await segments.delete(principalOf(request), request.params.id);
    return reply.code(204).send();
  });
}
