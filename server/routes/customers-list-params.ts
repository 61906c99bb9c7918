import {
  CUSTOMER_ORDER_FIELDS,
  CUSTOMERS_WITH,
  type CustomerOrderField,
  type CustomersWith,
} from '../../src/contracts/customer';
import type {
  CustomerListFilter,
  CustomerListQuery,
  CustomerOrder,
} from '../db/customer-list-query';
import { BadRequest } from '../errors';
import { intList, objectParam, pagination, range, stringList, withList } from './validate';

const QUERY_MAX = 500;

/**
 * The filters `GET /api/v4/customers` knows. Unknown keys are ignored, as amoCRM does; a known
 * key with a malformed value is a 400 (silently ignoring it would return the wrong customers).
 */
function parseFilter(raw: unknown): CustomerListFilter {
  const f = objectParam(raw, 'filter');
  return {
    ids: intList(f.id, 'filter[id]'),
    names: stringList(f.name, 'filter[name]'),
    responsibleUserIds: intList(f.responsible_user_id, 'filter[responsible_user_id]'),
    createdBy: intList(f.created_by, 'filter[created_by]'),
    updatedBy: intList(f.updated_by, 'filter[updated_by]'),
    statusIds: intList(f.status_id, 'filter[status_id]'),
    segmentIds: intList(f.segment_id, 'filter[segment_id]'),
    tagIds: intList(f.tag_id, 'filter[tag_id]'),
    nextDate: range(f.next_date, 'filter[next_date]'),
    createdAt: range(f.created_at, 'filter[created_at]'),
    updatedAt: range(f.updated_at, 'filter[updated_at]'),
    closestTaskAt: range(f.closest_task_at, 'filter[closest_task_at]'),
    nextPrice: range(f.next_price, 'filter[next_price]'),
  };
}

/** `order[field]=asc|desc`, one field; amoCRM's default order is by id. */
function parseOrder(raw: unknown): CustomerOrder {
  const entries = Object.entries(objectParam(raw, 'order'));
  if (entries.length === 0) return { field: 'id', direction: 'asc' };
  if (entries.length > 1)
    throw new BadRequest('order takes one field, e.g. order[updated_at]=desc');
  const [field, direction] = entries[0]!;
  if (!(CUSTOMER_ORDER_FIELDS as readonly string[]).includes(field)) {
    throw new BadRequest(
      `order[${field}] is not supported; use one of ${CUSTOMER_ORDER_FIELDS.join(', ')}`,
    );
  }
  const dir = typeof direction === 'string' ? direction.toLowerCase() : '';
  if (dir !== 'asc' && dir !== 'desc') throw new BadRequest(`order[${field}] must be asc or desc`);
  return { field: field as CustomerOrderField, direction: dir };
}

function parseSearch(raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw new BadRequest('query must be a string or a number');
  const text = raw.trim();
  if (text.length > QUERY_MAX)
    throw new BadRequest(`query must be at most ${QUERY_MAX} characters`);
  return text === '' ? undefined : text;
}

/** The whole query string of the customers list, as qs parsed it. */
export function parseListQuery(raw: unknown): {
  query: CustomerListQuery;
  kinds: Set<CustomersWith>;
} {
  const q = objectParam(raw, 'query string');
  return {
    query: {
      ...pagination(q),
      filter: parseFilter(q.filter),
      order: parseOrder(q.order),
      query: parseSearch(q.query),
    },
    kinds: withList(q.with, CUSTOMERS_WITH),
  };
}

/** `with` alone, for `GET /customers/{id}`. */
export function parseWith(raw: unknown): Set<CustomersWith> {
  return withList(objectParam(raw, 'query string').with, CUSTOMERS_WITH);
}
