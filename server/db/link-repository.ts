import { and, eq, inArray, ne, type SQL } from 'drizzle-orm';
import type { Link } from '../../src/contracts/link';
import type { Principal } from '../services/principal';
import { customerVisibility } from '../services/rights';
import type { Db } from './client';
import {
  catalogElements,
  companies,
  contacts,
  customerCatalogElements,
  customerCompanies,
  customerContacts,
  customers,
} from './schema';

export type LinkType = Link['to_entity_type'];

/** What `GET …/links` may narrow by: a type (and ids of it), or one catalog's elements. */
export type LinkFilter = { toEntityType?: LinkType; toEntityIds?: number[]; toCatalogId?: number };

function contactLink(customerId: number, contactId: number, isMain: boolean): Link {
  return {
    entity_id: customerId,
    entity_type: 'customers',
    to_entity_id: contactId,
    to_entity_type: 'contacts',
    metadata: { main_contact: isMain },
  };
}

function companyLink(customerId: number, companyId: number): Link {
  return {
    entity_id: customerId,
    entity_type: 'customers',
    to_entity_id: companyId,
    to_entity_type: 'companies',
    metadata: null,
  };
}

function elementLink(
  customerId: number,
  elementId: number,
  catalogId: number,
  quantity: number,
): Link {
  return {
    entity_id: customerId,
    entity_type: 'customers',
    to_entity_id: elementId,
    to_entity_type: 'catalog_elements',
    metadata: { catalog_id: catalogId, quantity },
  };
}

const wants = (filter: LinkFilter, type: LinkType) =>
  filter.toCatalogId === undefined
    ? filter.toEntityType === undefined || filter.toEntityType === type
    : type === 'catalog_elements';

export function createLinkRepository(db: Db) {
  return {
    /** Of the given customer ids, those the principal may view. */
    async visibleCustomers(principal: Principal, ids: number[]): Promise<number[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .select({ id: customers.id })
        .from(customers)
        .where(and(inArray(customers.id, ids), customerVisibility(principal)));
      return rows.map((r) => r.id);
    },

    /** The links of the given customers, contacts first (main first), then company, then elements. */
    async linksOf(customerIds: number[], filter: LinkFilter): Promise<Link[]> {
      if (customerIds.length === 0) return [];
      const ids = filter.toEntityIds;
      const out: Link[] = [];
      if (wants(filter, 'contacts')) {
        const where: SQL[] = [inArray(customerContacts.customerId, customerIds)];
        if (ids) where.push(inArray(customerContacts.contactId, ids));
        const rows = await db
          .select()
          .from(customerContacts)
          .where(and(...where));
        rows.sort(
          (a, b) =>
            a.customerId - b.customerId ||
            Number(b.isMain) - Number(a.isMain) ||
            a.contactId - b.contactId,
        );
        out.push(...rows.map((r) => contactLink(r.customerId, r.contactId, r.isMain)));
      }
      if (wants(filter, 'companies')) {
        const where: SQL[] = [inArray(customerCompanies.customerId, customerIds)];
        if (ids) where.push(inArray(customerCompanies.companyId, ids));
        const rows = await db
          .select()
          .from(customerCompanies)
          .where(and(...where));
        out.push(...rows.map((r) => companyLink(r.customerId, r.companyId)));
      }
      if (wants(filter, 'catalog_elements')) {
        const where: SQL[] = [inArray(customerCatalogElements.customerId, customerIds)];
        if (ids) where.push(inArray(customerCatalogElements.elementId, ids));
        if (filter.toCatalogId !== undefined) {
          where.push(eq(customerCatalogElements.catalogId, filter.toCatalogId));
        }
        const rows = await db
          .select()
          .from(customerCatalogElements)
          .where(and(...where));
        rows.sort((a, b) => a.customerId - b.customerId || a.elementId - b.elementId);
        out.push(
          ...rows.map((r) => elementLink(r.customerId, r.elementId, r.catalogId, r.quantity)),
        );
      }
      return out;
    },

    async existingContacts(ids: number[]): Promise<Set<number>> {
      if (ids.length === 0) return new Set();
      const rows = await db
        .select({ id: contacts.id })
        .from(contacts)
        .where(inArray(contacts.id, ids));
      return new Set(rows.map((r) => r.id));
    },

    async existingCompanies(ids: number[]): Promise<Set<number>> {
      if (ids.length === 0) return new Set();
      const rows = await db
        .select({ id: companies.id })
        .from(companies)
        .where(inArray(companies.id, ids));
      return new Set(rows.map((r) => r.id));
    },

    /** Element id → its catalog, for the ids that exist. */
    async elementCatalogs(ids: number[]): Promise<Map<number, number>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .select({ id: catalogElements.id, catalogId: catalogElements.catalogId })
        .from(catalogElements)
        .where(inArray(catalogElements.id, ids));
      return new Map(rows.map((r) => [r.id, r.catalogId]));
    },

    /**
     * Links a contact. `main` true makes it the only main contact; false clears it; left out,
     * a new link becomes main only when the customer has no main contact yet, and an
     * existing link keeps what it had.
     */
    async linkContact(customerId: number, contactId: number, main: boolean | undefined) {
      if (main === true) {
        await db
          .update(customerContacts)
          .set({ isMain: false })
          .where(
            and(
              eq(customerContacts.customerId, customerId),
              ne(customerContacts.contactId, contactId),
            ),
          );
      }
      let isMain = main;
      if (isMain === undefined) {
        const current = await db
          .select({ contactId: customerContacts.contactId })
          .from(customerContacts)
          .where(
            and(eq(customerContacts.customerId, customerId), eq(customerContacts.isMain, true)),
          )
          .limit(1);
        isMain = current.length === 0;
      }
      const insert = db.insert(customerContacts).values({ customerId, contactId, isMain });
      await (main === undefined
        ? insert.onConflictDoNothing()
        : insert.onConflictDoUpdate({
            target: [customerContacts.customerId, customerContacts.contactId],
            set: { isMain },
          }));
    },

    /** A customer has at most one company: linking another replaces it. */
    async linkCompany(customerId: number, companyId: number) {
      await db
        .insert(customerCompanies)
        .values({ customerId, companyId })
        .onConflictDoUpdate({ target: customerCompanies.customerId, set: { companyId } });
    },

    async linkElement(customerId: number, elementId: number, catalogId: number, quantity: number) {
      await db
        .insert(customerCatalogElements)
        .values({ customerId, elementId, catalogId, quantity })
        .onConflictDoUpdate({
          target: [customerCatalogElements.customerId, customerCatalogElements.elementId],
          set: { catalogId, quantity },
        });
    },

    async unlink(customerId: number, type: LinkType, targetId: number) {
      switch (type) {
        case 'contacts':
          await db
            .delete(customerContacts)
            .where(
              and(
                eq(customerContacts.customerId, customerId),
                eq(customerContacts.contactId, targetId),
              ),
            );
          return;
        case 'companies':
          await db
            .delete(customerCompanies)
            .where(
              and(
                eq(customerCompanies.customerId, customerId),
                eq(customerCompanies.companyId, targetId),
              ),
            );
          return;
        case 'catalog_elements':
          await db
            .delete(customerCatalogElements)
            .where(
              and(
                eq(customerCatalogElements.customerId, customerId),
                eq(customerCatalogElements.elementId, targetId),
              ),
            );
          return;
      }
    },
  };
}

export type LinkRepository = ReturnType<typeof createLinkRepository>;
