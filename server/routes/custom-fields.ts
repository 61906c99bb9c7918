import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { CustomField } from '../../src/contracts/custom-field';
import { idParamsSchema, paginationQuerySchema } from '../../src/contracts/request';
import { ACCOUNT_ID } from '../db/account-repository';
import {
  createCustomFieldRepository,
  type CustomFieldRow,
  type FieldEntity,
} from '../db/custom-field-repository';
import { NoContent } from '../errors';
import { HAL_JSON as HAL } from '../plugins/problem';
import type { RouteDeps } from './deps';
import { pageLinks, selfLink } from './hal';

/** amoCRM creates contacts' PHONE and EMAIL itself: they can be neither deleted nor renamed. */
const PREDEFINED_CONTACT_CODES = new Set(['PHONE', 'EMAIL', 'POSITION']);

function present(request: FastifyRequest, entity: FieldEntity, row: CustomFieldRow): CustomField {
  const predefined =
    entity === 'contacts' && row.code !== null && PREDEFINED_CONTACT_CODES.has(row.code);
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    code: row.code,
    sort: row.sort,
    is_api_only: false,
    enums: row.enums ?? null,
    group_id: null,
    required_statuses: [],
    is_deletable: !predefined,
    is_predefined: predefined,
    entity_type: entity,
    account_id: ACCOUNT_ID,
    _links: selfLink(request, `/api/v4/${entity}/custom_fields/${row.id}`),
  };
}

/**
 * Read-only field definitions for customers and contacts. Only the exact contacts paths are
 * registered here; the rest of `/contacts` belongs to contacts.ts.
 */
export async function customFieldsRoutes(root: FastifyInstance, { db }: RouteDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const fields = createCustomFieldRepository(db);

  for (const entity of ['customers', 'contacts'] as const) {
    const list = { schema: { querystring: paginationQuerySchema } };
    app.get(`/${entity}/custom_fields`, list, async (request, reply) => {
      const { page, limit } = request.query;
      const rows = await fields.page(entity, (page - 1) * limit, limit + 1);
      if (rows.length === 0) return reply.code(204).send();
      return reply.type(HAL).send({
        ...pageLinks(request, page, rows.length > limit),
        _embedded: {
          custom_fields: rows.slice(0, limit).map((row) => present(request, entity, row)),
        },
      });
    });

    const one = { schema: { params: idParamsSchema } };
    app.get(`/${entity}/custom_fields/:id`, one, async (request, reply) => {
      const { id } = request.params;
      const row = await fields.byId(entity, id);
      if (!row) throw new NoContent();
      return reply.type(HAL).send(present(request, entity, row));
    });
  }
}
