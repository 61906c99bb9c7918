import { z } from '../../../contracts/zod';
import type { CustomersListParams } from '../../../api/customers';
import type { Range } from '../../../contracts/request';
import { CUSTOMER_ORDER_FIELDS } from '../../../contracts/customer';
import { dayRange, isCalendarDay } from '../../../lib/calendar-day';

/**
 * The grid's state lives in the URL (`/customers?page=2&sort=name&dir=desc&segment=[3]`): a
 * bookmarked or shared link reopens the same rows in the same columns. Every field is optional and
 * lenient: a value that does not parse falls back to its default (`z.catch`) and is reported by
 * `findInvalidSearchKeys` so the grid can say so, never crash.
 */

export const PAGE_SIZES = [25, 50, 100, 250] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 50;

/** The grid's built-in column ids; custom-field columns are `cf_<field id>`. */
export const BASE_COLUMN_IDS = [
  'name',
  'next_date',
  'next_price',
  'ltv',
  'purchases_count',
  'average_check',
  'responsible',
  'segments',
  'periodicity',
  'status',
  'tags',
  'created_at',
  'updated_at',
] as const;
export type BaseColumnId = (typeof BASE_COLUMN_IDS)[number];
export type ColumnId = BaseColumnId | `cf_${number}`;

const CUSTOM_FIELD_COLUMN = /^cf_[1-9]\d{0,9}$/;
export function isColumnId(value: string): value is ColumnId {
  return (BASE_COLUMN_IDS as readonly string[]).includes(value) || CUSTOM_FIELD_COLUMN.test(value);
}
export function customFieldColumnId(fieldId: number): ColumnId {
  return `cf_${fieldId}`;
}

const ids = z.array(z.int().check(z.positive())).check(z.minLength(1), z.maxLength(100));
const isoDate = z.string().check(z.refine(isCalendarDay));

/** Each field as it must be; the lenient schema below wraps each in `lenient`. */
const strictFields = {
  page: z.int().check(z.minimum(1), z.maximum(1_000_000)),
  size: z.literal(PAGE_SIZES),
  sort: z.enum(CUSTOMER_ORDER_FIELDS),
  dir: z.enum(['asc', 'desc']),
  // The router's search parser turns `?q=123` into a number: a search for digits is still text.
  q: z.pipe(
    z.pipe(
      z.union([z.string(), z.number()]),
      z.transform((value) => String(value).trim()),
    ),
    z.string().check(z.minLength(1), z.maxLength(200)),
  ),
  responsible: ids,
  segment: ids,
  tag: ids,
  nextFrom: isoDate,
  nextTo: isoDate,
  createdFrom: isoDate,
  createdTo: isoDate,
  cols: z.pipe(
    z.array(z.string().check(z.refine(isColumnId))).check(
      z.minLength(1),
      z.maxLength(100),
      z.refine((cols) => new Set(cols).size === cols.length, 'Columns repeat'),
    ),
    z.transform((cols) => cols as ColumnId[]),
  ),
};

const strictSearchSchema = z.partial(z.object(strictFields));

/** A value that does not parse is dropped (`undefined`), never an error. */
const lenient = <T extends z.core.SomeType>(schema: T) => z.catch(z.optional(schema), undefined);

export const customersSearchSchema = z.object({
  page: lenient(strictFields.page),
  size: lenient(strictFields.size),
  sort: lenient(strictFields.sort),
  dir: lenient(strictFields.dir),
  q: lenient(strictFields.q),
  responsible: lenient(strictFields.responsible),
  segment: lenient(strictFields.segment),
  tag: lenient(strictFields.tag),
  nextFrom: lenient(strictFields.nextFrom),
  nextTo: lenient(strictFields.nextTo),
  createdFrom: lenient(strictFields.createdFrom),
  createdTo: lenient(strictFields.createdTo),
  cols: lenient(strictFields.cols),
});
export type CustomersSearch = z.output<typeof customersSearchSchema>;
export type SearchKey = keyof CustomersSearch;

/** The keys of a raw (router-parsed, unvalidated) search whose values were not understood. */
export function findInvalidSearchKeys(raw: Record<string, unknown>): SearchKey[] {
  const result = strictSearchSchema.safeParse(raw);
  if (result.success) return [];
  const keys = new Set<SearchKey>();
  for (const issue of result.error.issues) {
    const key = issue.path[0];
    if (typeof key === 'string' && key in strictFields) keys.add(key as SearchKey);
  }
  return [...keys];
}

/** Keys the filters set; changing any of them (or sort) sends the user back to page 1. */
export const FILTER_KEYS = [
  'q',
  'responsible',
  'segment',
  'tag',
  'nextFrom',
  'nextTo',
  'createdFrom',
  'createdTo',
] as const satisfies readonly SearchKey[];

export function hasActiveFilters(search: CustomersSearch): boolean {
  return FILTER_KEYS.some((key) => search[key] !== undefined);
}

/** The search with every filter removed (page, size, sort and columns stay). */
export function clearFilters(search: CustomersSearch): CustomersSearch {
  const next: CustomersSearch = { ...search, page: undefined };
  for (const key of FILTER_KEYS) next[key] = undefined;
  return next;
}

function filterRange(from: string | undefined, to: string | undefined): Range | undefined {
  if (from === undefined && to === undefined) return undefined;
  return dayRange(from, to);
}

/** The `GET /api/v4/customers` parameters for the grid's URL state (stable: empties omitted). */
export function toListQuery(search: CustomersSearch): CustomersListParams {
  const params: CustomersListParams = {
    page: search.page ?? 1,
    limit: search.size ?? DEFAULT_PAGE_SIZE,
  };
  if (search.q !== undefined) params.query = search.q;
  const filter: NonNullable<CustomersListParams['filter']> = {};
  if (search.responsible) filter.responsible_user_id = search.responsible;
  if (search.segment) filter.segment_id = search.segment;
  if (search.tag) filter.tag_id = search.tag;
  const nextDate = filterRange(search.nextFrom, search.nextTo);
  if (nextDate) filter.next_date = nextDate;
  const createdAt = filterRange(search.createdFrom, search.createdTo);
  if (createdAt) filter.created_at = createdAt;
  if (Object.keys(filter).length > 0) params.filter = filter;
  if (search.sort !== undefined) params.order = { [search.sort]: search.dir ?? 'asc' };
  return params;
}
