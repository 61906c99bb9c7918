import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type {
  Catalog,
  CatalogElement,
  catalogElementsPageSchema,
  catalogsPageSchema,
} from '../../src/contracts/catalog';
import type { CatalogElementRecord, CatalogRecord } from '../db/catalog-repository';
import { BadRequest } from '../errors';
import { createCatalogService } from '../services/catalog-service';
import { searchText } from './contacts';
import type { RouteDeps } from './deps';
import { pageLinks, selfLink } from './hal';
import { intList, objectParam, pagination, parseId } from './validate';

type Query = Record<string, unknown>;
type ElementParams = { catalogId: string; id?: string };

const catalogOut = (request: FastifyRequest, record: CatalogRecord): Catalog => ({
  ...record,
  _links: selfLink(request, `/api/v4/catalogs/${record.id}`),
});
const elementOut = (request: FastifyRequest, record: CatalogElementRecord): CatalogElement => ({
  ...record,
  _links: selfLink(request, `/api/v4/catalogs/${record.catalog_id}/elements/${record.id}`),
});

/** `GET /catalogs[/{id}]` and `GET /catalogs/{catalog_id}/elements[/{id}]`. */
export async function catalogsRoutes(app: FastifyInstance, deps: RouteDeps) {
  const service = createCatalogService(deps);

  app.get<{ Querystring: Query }>('/catalogs', async (request, reply) => {
    const { page, limit } = pagination(request.query);
    const { items, hasNext } = await service.listCatalogs(page, limit);
    const body: z.infer<typeof catalogsPageSchema> = {
      ...pageLinks(request, page, hasNext),
      _embedded: { catalogs: items.map((item) => catalogOut(request, item)) },
    };
    reply.type('application/hal+json');
    return body;
  });

  app.get<{ Params: { id: string } }>('/catalogs/:id', async (request, reply) => {
    const record = await service.getCatalog(parseId(request.params.id));
    reply.type('application/hal+json');
    return catalogOut(request, record);
  });

  app.get<{ Params: ElementParams; Querystring: Query }>(
    '/catalogs/:catalogId/elements',
    async (request, reply) => {
      const catalogId = parseId(request.params.catalogId, 'catalog_id');
      const filter = objectParam(request.query.filter, 'filter');
      for (const key of Object.keys(filter)) {
        if (key !== 'id') throw new BadRequest(`Unknown filter: filter[${key}]`);
      }
      const { page, limit } = pagination(request.query);
      const { items, hasNext } = await service.listElements({
        catalogId,
        ids: intList(filter.id, 'filter[id]'),
        query: searchText(request.query.query),
        page,
        limit,
      });
      const body: z.infer<typeof catalogElementsPageSchema> = {
        ...pageLinks(request, page, hasNext),
        _embedded: { elements: items.map((item) => elementOut(request, item)) },
      };
      reply.type('application/hal+json');
      return body;
    },
  );

  app.get<{ Params: ElementParams }>(
    '/catalogs/:catalogId/elements/:id',
    async (request, reply) => {
      const record = await service.getElement(
        parseId(request.params.catalogId, 'catalog_id'),
        parseId(request.params.id),
      );
      reply.type('application/hal+json');
      return elementOut(request, record);
    },
  );
}
