import type { Db } from '../db/client';
import {
  createCatalogRepository,
  type CatalogElementRecord,
  type CatalogRecord,
  type ElementListQuery,
} from '../db/catalog-repository';
import { NoContent } from '../errors';
import type { Page } from './contact-service';

function page<T>(rows: T[], limit: number): Page<T> {
  if (rows.length === 0) throw new NoContent();
  return { items: rows.slice(0, limit), hasNext: rows.length > limit };
}

/** Catalogs (amoCRM "lists") and their elements; readable by any signed-in user. */
export function createCatalogService({ db }: { db: Db }) {
  const repo = createCatalogRepository(db);
  return {
    async listCatalogs(pageNumber: number, limit: number): Promise<Page<CatalogRecord>> {
      return page(await repo.listCatalogs(pageNumber, limit), limit);
    },
    async getCatalog(id: number): Promise<CatalogRecord> {
      const found = await repo.findCatalog(id);
      if (!found) throw new NoContent();
      return found;
    },
    /** A missing catalog has no elements: 204, like any empty list. */
    async listElements(query: ElementListQuery): Promise<Page<CatalogElementRecord>> {
      return page(await repo.listElements(query), query.limit);
    },
    async getElement(catalogId: number, id: number): Promise<CatalogElementRecord> {
      const found = await repo.findElement(catalogId, id);
      if (!found) throw new NoContent();
      return found;
    },
  };
}
