import { and, asc, desc, gte, ilike, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { CustomerOrderField, CustomersListQueryParsed } from '../../src/contracts/customer';
import type { Range } from '../../src/contracts/request';
import { customers, customerSegments, customerTags } from './schema';

/** The parsed `GET /customers` query (the contract's output): lists are OR inside, AND across. */
export type CustomerListQuery = CustomersListQueryParsed;
export type CustomerOrder = CustomerListQuery['order'];

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
  const f = query.filter ?? {};
  const conditions: Array<SQL | undefined> = [
    visibility,
    // A literal, not a bound parameter: the per-order indexes are partial on exactly this.
    sql`${customers.isDeleted} = false`,
    ...listCondition(customers.id, f.id),
    ...listCondition(customers.name, f.name),
    ...listCondition(customers.responsibleUserId, f.responsible_user_id),
    ...listCondition(customers.createdBy, f.created_by),
    ...listCondition(customers.updatedBy, f.updated_by),
    ...listCondition(customers.statusId, f.status_id),
    ...rangeCondition(customers.nextDate, f.next_date),
    ...rangeCondition(customers.createdAt, f.created_at),
    ...rangeCondition(customers.updatedAt, f.updated_at),
    ...rangeCondition(customers.closestTaskAt, f.closest_task_at),
    ...rangeCondition(customers.nextPrice, f.next_price),
  ];
  if (f.segment_id && f.segment_id.length > 0) {
    conditions.push(
      inArray(
        customers.id,
        sql`(select ${customerSegments.customerId} from ${customerSegments} where ${inArray(customerSegments.segmentId, f.segment_id)})`,
      ),
    );
  }
  if (f.tag_id && f.tag_id.length > 0) {
    conditions.push(
      inArray(
        customers.id,
        sql`(select ${customerTags.customerId} from ${customerTags} where ${inArray(customerTags.tagId, f.tag_id)})`,
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
