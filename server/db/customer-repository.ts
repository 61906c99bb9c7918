import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Customer, CustomersWith } from '../../src/contracts/customer';
import type { Db } from './client';
import { loadEmbeds } from './customer-embeds';
import { listOrder, listWhere, type CustomerListQuery } from './customer-list-query';
import { customerColumns, toCustomer } from './customer-mapper';
import { customers, customerSegments, customerTags, users } from './schema';

export type CustomerInsert = typeof customers.$inferInsert;
export type CustomerPatch = Partial<Omit<CustomerInsert, 'id'>>;

/** A customer as an update sees it: its owner (for rights) and what partial updates merge into. */
export type CustomerForUpdate = {
  id: number;
  name: string;
  responsibleUserId: number;
  responsibleGroupId: number | null;
  customFieldsValues: CustomerInsert['customFieldsValues'];
};

/**
 * Customers in the database, answered in amoCRM's shape. Every read takes the caller's
 * visibility condition (rights.customerVisibility); `base` is the scheme and host for links.
 */
export function createCustomerRepository(db: Db) {
  const live = (visibility: SQL | undefined, ...more: SQL[]) =>
    and(visibility, eq(customers.isDeleted, false), ...more);

  const addTags = async (sets: Map<number, number[]>) => {
    const rows = [...sets].flatMap(([customerId, ids]) =>
      ids.map((tagId) => ({ customerId, tagId })),
    );
    if (rows.length > 0) await db.insert(customerTags).values(rows).onConflictDoNothing();
  };

  return {
    /**
     * One page (fetching limit+1 to know whether another follows) plus one query per embed kind.
     * The page's ids come first, from the order's index alone (schema.ts: an index-only scan
     * skips the OFFSET's rows without reading them), then only those rows are read whole.
     */
    async list(
      query: CustomerListQuery,
      visibility: SQL | undefined,
      kinds: ReadonlySet<CustomersWith>,
      base: string,
    ): Promise<{ customers: Customer[]; hasNext: boolean }> {
      const order = listOrder(query.order);
      const pageIds = db
        .select({ pageId: customers.id })
        .from(customers)
        .where(listWhere(query, visibility))
        .orderBy(...order)
        .limit(query.limit + 1)
        .offset((query.page - 1) * query.limit)
        .as('page_ids');
      const rows = await db
        .select(customerColumns)
        .from(customers)
        .innerJoin(pageIds, eq(customers.id, pageIds.pageId))
        .orderBy(...order);
      const page = rows.slice(0, query.limit);
      const embeds = await loadEmbeds(
        db,
        page.map((r) => r.id),
        kinds,
      );
      return {
        customers: page.map((row) => toCustomer(row, embeds, base)),
        hasNext: rows.length > query.limit,
      };
    },

    async findOne(
      id: number,
      visibility: SQL | undefined,
      kinds: ReadonlySet<CustomersWith>,
      base: string,
    ): Promise<Customer | undefined> {
      const [row] = await db
        .select(customerColumns)
        .from(customers)
        .where(live(visibility, eq(customers.id, id)));
      if (!row) return undefined;
      return toCustomer(row, await loadEmbeds(db, [row.id], kinds), base);
    },

    /** The customers an update names that the caller may see, with their owners' groups. */
    async findForUpdate(
      ids: number[],
      visibility: SQL | undefined,
    ): Promise<Map<number, CustomerForUpdate>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .select({
          id: customers.id,
          name: customers.name,
          responsibleUserId: customers.responsibleUserId,
          responsibleGroupId: users.groupId,
          customFieldsValues: customers.customFieldsValues,
        })
        .from(customers)
        .leftJoin(users, eq(users.id, customers.responsibleUserId))
        .where(live(visibility, inArray(customers.id, ids)))
        // Concurrent updates of one customer queue up instead of merging custom fields from stale rows.
        .for('update', { of: customers });
      return new Map(rows.map((r) => [r.id, r]));
    },

    /** Inserts in one statement; ids come back in the order of `rows` (serial ids ascend). */
    async insertMany(rows: CustomerInsert[]): Promise<number[]> {
      const inserted = await db.insert(customers).values(rows).returning({ id: customers.id });
      return inserted.map((r) => r.id).sort((a, b) => a - b);
    },

    async update(id: number, patch: CustomerPatch): Promise<void> {
      await db.update(customers).set(patch).where(eq(customers.id, id));
    },

    /** Replaces the tag set of each customer named in `sets`. */
    async replaceTags(sets: Map<number, number[]>): Promise<void> {
      if (sets.size === 0) return;
      await db.delete(customerTags).where(inArray(customerTags.customerId, [...sets.keys()]));
      await addTags(sets);
    },

    addTags,

    async deleteTags(sets: Map<number, number[]>): Promise<void> {
      for (const [customerId, ids] of sets) {
        if (ids.length === 0) continue;
        await db
          .delete(customerTags)
          .where(and(eq(customerTags.customerId, customerId), inArray(customerTags.tagId, ids)));
      }
    },

    async replaceSegments(sets: Map<number, number[]>): Promise<void> {
      if (sets.size === 0) return;
      await db
        .delete(customerSegments)
        .where(inArray(customerSegments.customerId, [...sets.keys()]));
      const rows = [...sets].flatMap(([customerId, ids]) =>
        ids.map((segmentId) => ({ customerId, segmentId })),
      );
      if (rows.length > 0) await db.insert(customerSegments).values(rows).onConflictDoNothing();
    },
  };
}

export type CustomerRepository = ReturnType<typeof createCustomerRepository>;
