import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  catalogElementsQuerySchema,
  type Catalog,
  type CatalogElement,
  type catalogElementsPageSchema,
  type catalogsPageSchema,
} from '../../src/contracts/catalog';
import { idParam, idParamsSchema, paginationQuerySchema } from '../../src/contracts/request';
import { z } from '../../src/contracts/zod';
import type { CatalogElementRecord, CatalogRecord } from '../db/catalog-repository';
import { HAL_JSON } from '../plugins/problem';
import { createCatalogService } from '../services/catalog-service';
import type { RouteDeps } from './deps';
import { pageLinks, selfLink } from './hal';

const catalogIdParamsSchema = z.object({ catalogId: idParam });
const catalogElementParamsSchema = z.object({ catalogId: idParam, id: idParam });

const catalogOut = (request: FastifyRequest, record: CatalogRecord): Catalog => ({
  ...record,
  _links: selfLink(request, `/api/v4/catalogs/${record.id}`),
});
const elementOut = (request: FastifyRequest, record: CatalogElementRecord): CatalogElement => ({
  ...record,
  _links: selfLink(request, `/api/v4/catalogs/${record.catalog_id}/elements/${record.id}`),
});

/** `GET /catalogs[/{id}]` and `GET /catalogs/{catalog_id}/elements[/{id}]`. */
export async function catalogsRoutes(root: FastifyInstance, deps: RouteDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const service = createCatalogService(deps);

  app.get(
    '/catalogs',
    { schema: { querystring: paginationQuerySchema } },
    async (request, reply) => {
      const { page, limit } = request.query;
      const { items, hasNext } = await service.listCatalogs(page, limit);
      const body: z.infer<typeof catalogsPageSchema> = {
        ...pageLinks(request, page, hasNext),
        _embedded: { catalogs: items.map((item) => catalogOut(request, item)) },
      };
      return reply.type(HAL_JSON).send(body);
    },
  );

  app.get('/catalogs/:id', { schema: { params: idParamsSchema } }, async (request, reply) => {
    const record = await service.getCatalog(request.params.id);
    return reply.type(HAL_JSON).send(catalogOut(request, record));
  });

  app.get(
    '/catalogs/:catalogId/elements',
    { schema: { params: catalogIdParamsSchema, querystring: catalogElementsQuerySchema } },
    async (request, reply) => {
      const { page, limit, filter, query } = request.query;
      const { items, hasNext } = await service.listElements({
        catalogId: request.params.catalogId,
        ids: filter?.id,
        query,
        page,
        limit,
      });
      const body: z.infer<typeof catalogElementsPageSchema> = {
        ...pageLinks(request, page, hasNext),
        _embedded: { elements: items.map((item) => elementOut(request, item)) },
      };
      return reply.type(HAL_JSON).send(body);
    },
  );

  app.get(
    '/catalogs/:catalogId/elements/:id',
    { schema: { params: catalogElementParamsSchema } },
    async (request, reply) => {
      const record = await service.getElement(request.params.catalogId, request.params.id);
      return reply.type(HAL_JSON).send(elementOut(request, record));
    },
  );
}
