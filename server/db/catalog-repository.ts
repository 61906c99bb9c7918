import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Catalog, CatalogElement } from '../../src/contracts/catalog';
import { ACCOUNT_ID } from './account-repository';
import type { Db } from './client';
import { likePattern } from './contact-repository';
import { catalogElements, catalogs } from './schema';

/** Catalogs and their elements without HAL links (those need the request's host). */
export type CatalogRecord = Omit<Catalog, '_links'>;
export type CatalogElementRecord = Omit<CatalogElement, '_links'>;

export type ElementListQuery = {
  catalogId: number;
  ids?: number[];
  query?: string;
  page: number;
  limit: number;
};

function toCatalog(row: typeof catalogs.$inferSelect): CatalogRecord {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    sort: row.sort,
    can_add_elements: true,
    can_link_multiple: true,
    account_id: ACCOUNT_ID,
  };
}

function toElement(row: typeof catalogElements.$inferSelect): CatalogElementRecord {
  return {
    id: row.id,
    catalog_id: row.catalogId,
    name: row.name,
    created_by: row.createdBy,
    updated_by: row.updatedBy,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
    is_deleted: false,
    custom_fields_values:
      row.customFieldsValues && row.customFieldsValues.length > 0 ? row.customFieldsValues : null,
    account_id: ACCOUNT_ID,
  };
}

export function createCatalogRepository(db: Db) {
  return {
    /** One page plus one row, so the caller knows whether a next page exists. */
    async listCatalogs(page: number, limit: number): Promise<CatalogRecord[]> {
      const rows = await db
        .select()
        .from(catalogs)
        .orderBy(asc(catalogs.sort), asc(catalogs.id))
        .limit(limit + 1)
        .offset((page - 1) * limit);
      return rows.map(toCatalog);
    },

    async findCatalog(id: number): Promise<CatalogRecord | undefined> {
      const rows = await db.select().from(catalogs).where(eq(catalogs.id, id)).limit(1);
      return rows[0] ? toCatalog(rows[0]) : undefined;
    },

    async listElements(query: ElementListQuery): Promise<CatalogElementRecord[]> {
      const rows = await db
        .select()
        .from(catalogElements)
        .where(
          and(
            eq(catalogElements.catalogId, query.catalogId),
            query.ids ? inArray(catalogElements.id, query.ids) : undefined,
            query.query
              ? sql`lower(${catalogElements.name}) like ${likePattern(query.query)}`
              : undefined,
          ),
        )
        .orderBy(asc(catalogElements.id))
        .limit(query.limit + 1)
        .offset((query.page - 1) * query.limit);
      return rows.map(toElement);
    },

    async findElement(catalogId: number, id: number): Promise<CatalogElementRecord | undefined> {
      const rows = await db
        .select()
        .from(catalogElements)
        .where(and(eq(catalogElements.id, id), eq(catalogElements.catalogId, catalogId)))
        .limit(1);
      return rows[0] ? toElement(rows[0]) : undefined;
    },
  };
}
