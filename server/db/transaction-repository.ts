import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { CatalogElementLink } from '../../src/contracts/catalog';
import type { Transaction, TransactionsListQueryParsed } from '../../src/contracts/transaction';
import type { Principal } from '../services/principal';
import { customerVisibility } from '../services/rights';
import { ACCOUNT_ID } from './account-repository';
import type { Db } from './client';
import { catalogElements, customers, transactions, users } from './schema';

/** A transaction in amoCRM's shape, without the HAL links (they need the request's host). */
export type TransactionRecord = Omit<Transaction, '_links' | '_embedded'> & {
  catalog_elements: CatalogElementLink[];
};

/** The parsed list query (the contract's output); a customer in the path narrows it further. */
export type TransactionListQuery = TransactionsListQueryParsed & { customerId?: number };

export type NewTransaction = {
  customerId: number;
  price: number;
  comment: string | null;
  completedAt: number;
  createdBy: number;
  catalogElements: CatalogElementLink[];
  now: number;
};

type Row = typeof transactions.$inferSelect;

function toRecord(row: Row): TransactionRecord {
  return {
    id: row.id,
    price: row.price,
    comment: row.comment,
    completed_at: row.completedAt,
    customer_id: row.customerId,
    created_by: row.createdBy,
    updated_by: row.updatedBy,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
    // Deleted transactions are removed, so every row a client can see is live.
    is_deleted: false,
    account_id: ACCOUNT_ID,
    catalog_elements: row.catalogElements,
  };
}

const orderColumns = {
  completed_at: transactions.completedAt,
  id: transactions.id,
  price: transactions.price,
};

export function createTransactionRepository(db: Db) {
  return {
    /** One page plus one row, so the caller knows whether a next page exists. */
    async list(principal: Principal, query: TransactionListQuery): Promise<TransactionRecord[]> {
      const conditions: Array<SQL | undefined> = [customerVisibility(principal)];
      const { id, customer_id: customerIds, completed_at: completedAt } = query.filter ?? {};
      if (id) conditions.push(inArray(transactions.id, id));
      if (customerIds) conditions.push(inArray(transactions.customerId, customerIds));
      if (query.customerId !== undefined) {
        conditions.push(eq(transactions.customerId, query.customerId));
      }
      if (completedAt?.from !== undefined) {
        conditions.push(gte(transactions.completedAt, completedAt.from));
      }
      if (completedAt?.to !== undefined) {
        conditions.push(lte(transactions.completedAt, completedAt.to));
      }
      const by = query.order.direction === 'asc' ? asc : desc;
      const rows = await db
        .select({ transaction: transactions })
        .from(transactions)
        .innerJoin(customers, eq(customers.id, transactions.customerId))
        .where(and(...conditions))
        // Ties on the sort column break by id in the same direction, so pages never overlap.
        .orderBy(by(orderColumns[query.order.field]), by(transactions.id))
        .limit(query.limit + 1)
        .offset((query.page - 1) * query.limit);
      return rows.map((r) => toRecord(r.transaction));
    },

    /** A transaction of a customer the principal may view (optionally of one given customer). */
    async find(
      principal: Principal,
      id: number,
      customerId?: number,
    ): Promise<TransactionRecord | undefined> {
      const rows = await db
        .select({ transaction: transactions })
        .from(transactions)
        .innerJoin(customers, eq(customers.id, transactions.customerId))
        .where(
          and(
            eq(transactions.id, id),
            customerId === undefined ? undefined : eq(transactions.customerId, customerId),
            customerVisibility(principal),
          ),
        )
        .limit(1);
      return rows[0] ? toRecord(rows[0].transaction) : undefined;
    },

    /** Of the given element ids, those that exist, with their catalog. */
    async elementCatalogs(ids: number[]): Promise<Map<number, number>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .select({ id: catalogElements.id, catalogId: catalogElements.catalogId })
        .from(catalogElements)
        .where(inArray(catalogElements.id, ids));
      return new Map(rows.map((r) => [r.id, r.catalogId]));
    },

    /** Of the given user ids, those that exist. */
    async existingUsers(ids: number[]): Promise<Set<number>> {
      if (ids.length === 0) return new Set();
      const rows = await db.select({ id: users.id }).from(users).where(inArray(users.id, ids));
      return new Set(rows.map((r) => r.id));
    },

    async insertMany(items: NewTransaction[]): Promise<number[]> {
      const rows = await db
        .insert(transactions)
        .values(
          items.map((item) => ({
            customerId: item.customerId,
            price: item.price,
            comment: item.comment,
            completedAt: item.completedAt,
            createdBy: item.createdBy,
            updatedBy: item.createdBy,
            createdAt: item.now,
            updatedAt: item.now,
            catalogElements: item.catalogElements,
          })),
        )
        .returning({ id: transactions.id });
      return rows.map((r) => r.id);
    },

    async delete(id: number): Promise<boolean> {
      const rows = await db
        .delete(transactions)
        .where(eq(transactions.id, id))
        .returning({ id: transactions.id });
      return rows.length > 0;
    },

    /**
     * Recomputes the customer's figures from its remaining transactions (rather than adding
     * deltas, so they cannot drift), applies the next purchase when given, and marks the edit.
     */
    async refreshCustomerFigures(
      customerId: number,
      by: number,
      now: number,
      next: { price?: number; date?: number | null },
    ): Promise<void> {
      const [totals] = await db
        .select({
          ltv: sql<number>`coalesce(sum(${transactions.price}), 0)`.mapWith(Number),
          count: sql<number>`count(*)`.mapWith(Number),
        })
        .from(transactions)
        .where(eq(transactions.customerId, customerId));
      const ltv = totals?.ltv ?? 0;
      const count = totals?.count ?? 0;
      await db
        .update(customers)
        .set({
          ltv,
          purchasesCount: count,
          averageCheck: count === 0 ? 0 : Math.floor(ltv / count),
          ...(next.price !== undefined ? { nextPrice: next.price } : {}),
          ...(next.date !== undefined ? { nextDate: next.date } : {}),
          updatedAt: now,
          updatedBy: by,
        })
        .where(eq(customers.id, customerId));
    },
  };
}

export type TransactionRepository = ReturnType<typeof createTransactionRepository>;
