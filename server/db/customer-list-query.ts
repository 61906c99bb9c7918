import { and, asc, desc, gte, ilike, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { CustomerOrderField } from '../../src/contracts/customer';
import { customers, customerSegments, customerTags } from './schema';

export type Range = { from?: number; to?: number };

/** The list filters, already parsed from the query string. Every list is OR inside, AND across. */
export type CustomerListFilter = {
  ids?: number[];
  names?: string[];
  responsibleUserIds?: number[];
  createdBy?: number[];
  updatedBy?: number[];
  statusIds?: number[];
  segmentIds?: number[];
  tagIds?: number[];
  nextDate?: Range;
  createdAt?: Range;
  updatedAt?: Range;
  closestTaskAt?: Range;
  nextPrice?: Range;
};

export type CustomerOrder = { field: CustomerOrderField; direction: 'asc' | 'desc' };

export type CustomerListQuery = {
  filter: CustomerListFilter;
  /** `query`: a substring of the name or of any custom-field value. */
  query?: string;
  order: CustomerOrder;
  page: number;
  limit: number;
};

function rangeCondition(column: AnyPgColumn, range: Range | undefined): SQL[] {
  if (!range) return [];
  const out: SQL[] = [];
  if (range.from !== undefined) out.push(gte(column, range.from));
  if (range.to !== undefined) out.push(lte(column, range.to));
  return out;
}

function listCondition(column: AnyPgColumn, values: Array<number | string> | undefined): SQL[] {
  return values && values.length > 0 ? [inArray(column, values)] : [];
}

/** LIKE's wildcards in the user's text are literal characters, not patterns. */
export function likeContains(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** WHERE for a list: the caller's visibility, live customers only, and every filter given. */
export function listWhere(query: CustomerListQuery, visibility: SQL | undefined): SQL | undefined {
  const f = query.filter;
  const conditions: Array<SQL | undefined> = [
    visibility,
    // A literal, not a bound parameter: the per-order indexes are partial on exactly this.
    sql`${customers.isDeleted} = false`,
    ...listCondition(customers.id, f.ids),
    ...listCondition(customers.name, f.names),
    ...listCondition(customers.responsibleUserId, f.responsibleUserIds),
    ...listCondition(customers.createdBy, f.createdBy),
    ...listCondition(customers.updatedBy, f.updatedBy),
    ...listCondition(customers.statusId, f.statusIds),
    ...rangeCondition(customers.nextDate, f.nextDate),
    ...rangeCondition(customers.createdAt, f.createdAt),
    ...rangeCondition(customers.updatedAt, f.updatedAt),
    ...rangeCondition(customers.closestTaskAt, f.closestTaskAt),
    ...rangeCondition(customers.nextPrice, f.nextPrice),
  ];
  if (f.segmentIds && f.segmentIds.length > 0) {
    conditions.push(
      inArray(
        customers.id,
        sql`(select ${customerSegments.customerId} from ${customerSegments} where ${inArray(customerSegments.segmentId, f.segmentIds)})`,
      ),
    );
  }
  if (f.tagIds && f.tagIds.length > 0) {
    conditions.push(
      inArray(
        customers.id,
        sql`(select ${customerTags.customerId} from ${customerTags} where ${inArray(customerTags.tagId, f.tagIds)})`,
      ),
    );
  }
  // search_text is stored lower-cased; ILIKE keeps the trigram index usable.
  if (query.query !== undefined)
    conditions.push(ilike(customers.searchText, likeContains(query.query)));
  return and(...conditions);
}

/** The expression each order field sorts by; names sort case-insensitively (the index is on lower(name)). */
const orderExpressions: Record<CustomerOrderField, SQL | AnyPgColumn> = {
  id: customers.id,
  created_at: customers.createdAt,
  updated_at: customers.updatedAt,
  next_date: customers.nextDate,
  next_price: customers.nextPrice,
  ltv: customers.ltv,
  name: sql`lower(${customers.name})`,
};

/** ORDER BY: the field, then id in the same direction so pages never overlap; nulls last. */
export function listOrder(order: CustomerOrder): SQL[] {
  const by = order.direction === 'asc' ? asc : desc;
  if (order.field === 'id') return [by(customers.id)];
  const expression = orderExpressions[order.field];
  // Only next_date is nullable among the order fields; ASC puts nulls last already.
  const primary =
    order.field === 'next_date' && order.direction === 'desc'
      ? sql`${expression} desc nulls last`
      : by(expression);
  return [primary, by(customers.id)];
}
