import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Customer, CustomersWith } from '../../src/contracts/customer';
import { arrayParam, updateByIds } from './bulk-sql';
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

  /** Parallel arrays of (customer, other id) pairs: one parameter each, however many pairs. */
  const pairs = (sets: Map<number, number[]>) => {
    const owners: number[] = [];
    const others: number[] = [];
    for (const [customerId, ids] of sets) {
      for (const id of ids) {
        owners.push(customerId);
        others.push(id);
      }
    }
    return { owners, others };
  };

  const addTags = async (sets: Map<number, number[]>) => {
    const { owners, others } = pairs(sets);
    if (owners.length === 0) return;
    await db.execute(
      sql`insert into ${customerTags} (customer_id, tag_id)
          select * from unnest(${arrayParam(owners, 'integer')}, ${arrayParam(others, 'integer')})
          on conflict do nothing`,
    );
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

    /** Each customer's own patch, in one statement for a batch that patches the same fields. */
    async updateMany(rows: Array<{ id: number; patch: CustomerPatch }>): Promise<void> {
      await updateByIds(db, customers, rows);
    },

    /** Replaces the tag set of each customer named in `sets`. */
    async replaceTags(sets: Map<number, number[]>): Promise<void> {
      if (sets.size === 0) return;
      await db.delete(customerTags).where(inArray(customerTags.customerId, [...sets.keys()]));
      await addTags(sets);
    },

    addTags,

    async deleteTags(sets: Map<number, number[]>): Promise<void> {
      const { owners, others } = pairs(sets);
      if (owners.length === 0) return;
      await db.execute(
        sql`delete from ${customerTags} using
              unnest(${arrayParam(owners, 'integer')}, ${arrayParam(others, 'integer')}) as d(customer_id, tag_id)
            where ${customerTags}.customer_id = d.customer_id and ${customerTags}.tag_id = d.tag_id`,
      );
    },

    async replaceSegments(sets: Map<number, number[]>): Promise<void> {
      if (sets.size === 0) return;
      await db
        .delete(customerSegments)
        .where(inArray(customerSegments.customerId, [...sets.keys()]));
      const { owners, others } = pairs(sets);
      if (owners.length === 0) return;
      await db.execute(
        sql`insert into ${customerSegments} (customer_id, segment_id)
            select * from unnest(${arrayParam(owners, 'integer')}, ${arrayParam(others, 'integer')})
            on conflict do nothing`,
      );
    },
  };
}

export type CustomerRepository = ReturnType<typeof createCustomerRepository>;
