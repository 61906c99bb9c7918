import type { z } from '../../src/contracts/zod';
import { issuesToValidationErrors, type ValidationErrorsItem } from '../../src/contracts/problem';
import { BadRequest, Unprocessable, ValidationFailed } from '../errors';

export const BATCH_LIMIT = 250;
export const PAGE_LIMIT_MAX = 250;
export const PAGE_LIMIT_DEFAULT = 50;

const MAX_ID = 2_147_483_647;

/** An id from the path: a positive 32-bit integer, or a 400 that says so. */
export function parseId(raw: string | undefined, name = 'id'): number {
  const id = raw !== undefined && /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!(id >= 1 && id <= MAX_ID)) {
    throw new BadRequest(`${name} must be a positive integer, got "${String(raw).slice(0, 50)}"`);
  }
  return id;
}

/** Parses a whole body or query against a schema; complaints come back as one 400. */
export function parseWhole<T extends z.ZodMiniType>(
  schema: T,
  value: unknown,
  requestId = '0',
): z.output<T> {
  if (value === undefined) throw new BadRequest('Request data can not be empty');
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationFailed([
    { request_id: requestId, errors: issuesToValidationErrors(result.error.issues) },
  ]);
}

export type BatchItem<T> = { value: T; requestId: string; index: number };

/**
 * A batch body: an array (a lone object is taken as one item), 1..250 items, all-or-nothing:
 * every item is checked and every complaint reported, each under its own `request_id`.
 * `refine` adds checks that need the parsed item (mode rules, references).
 */
export function parseBatch<T extends z.ZodMiniType>(
  schema: T,
  body: unknown,
  refine?: (item: z.output<T>, index: number) => ValidationErrorsItem['errors'],
): Array<BatchItem<z.output<T>>> {
  if (body === undefined || body === null) throw new BadRequest('Request data can not be empty');
  const raw: unknown[] = Array.isArray(body) ? body : [body];
  if (raw.length === 0) throw new BadRequest('Request data can not be empty');
  if (raw.length > BATCH_LIMIT) throw new Unprocessable(`Limit ${BATCH_LIMIT} per page`);

  const items: Array<BatchItem<z.output<T>>> = [];
  const failures: ValidationErrorsItem[] = [];
  raw.forEach((entry, index) => {
    const fallbackId = String(index);
    const claimed =
      entry !== null && typeof entry === 'object' && 'request_id' in entry
        ? (entry as { request_id: unknown }).request_id
        : undefined;
    const requestId =
      typeof claimed === 'string' || typeof claimed === 'number' ? String(claimed) : fallbackId;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      failures.push({
        request_id: requestId,
        errors: [{ code: 'InvalidType', path: '', detail: 'Each item must be an object' }],
      });
      return;
    }
    const result = schema.safeParse(entry);
    if (!result.success) {
      failures.push({
        request_id: requestId,
        errors: issuesToValidationErrors(result.error.issues),
      });
      return;
    }
    const extra = refine?.(result.data, index) ?? [];
    if (extra.length > 0) failures.push({ request_id: requestId, errors: extra });
    else items.push({ value: result.data, requestId, index });
  });
  if (failures.length > 0) throw new ValidationFailed(failures);
  return items;
}

/**
 * A query array in any of the three encodings clients use (`k=1&k=2`, `k[]=1`, `k[0]=1`),
 * or a comma list, as integers. `qs` turns all of them into an array or an index-keyed object.
 */
export function intList(raw: unknown, name: string): number[] | undefined {
  if (raw === undefined || raw === '') return undefined;
  const values =
    typeof raw === 'string'
      ? raw.split(',')
      : Array.isArray(raw)
        ? raw
        : typeof raw === 'object' && raw !== null
          ? Object.values(raw)
          : [raw];
  const out: number[] = [];
  for (const value of values) {
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text !== 'string' || !/^\d{1,10}$/.test(text.trim()) || Number(text) > MAX_ID) {
      throw new BadRequest(`${name} must be an integer or an array of integers`);
    }
    out.push(Number(text));
  }
  return out;
}

/** A string or string array filter value (`filter[name]`). */
export function stringList(raw: unknown, name: string): string[] | undefined {
  if (raw === undefined || raw === '') return undefined;
  const values =
    typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : Object.values(raw as object);
  if (!values.every((v): v is string => typeof v === 'string')) {
    throw new BadRequest(`${name} must be a string or an array of strings`);
  }
  return values;
}

export type Range = { from?: number; to?: number };

const INT_MIN = -2_147_483_648;

/**
 * `filter[x][from]=…&filter[x][to]=…`; either side may be left out; a bare value means exact.
 * Bounds are clamped to the 32-bit range of the columns they compare with: a bound beyond it
 * means "everything on that side", and must not reach PostgreSQL as an out-of-range integer.
 */
export function range(raw: unknown, name: string): Range | undefined {
  if (raw === undefined || raw === '') return undefined;
  const toInt = (value: unknown, side: string) => {
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string' || !/^-?\d{1,12}$/.test(value)) {
      throw new BadRequest(`${name}[${side}] must be a unix timestamp or an integer`);
    }
    return Math.min(MAX_ID, Math.max(INT_MIN, Number(value)));
  };
  if (typeof raw === 'string') {
    const exact = toInt(raw, 'value');
    return { from: exact, to: exact };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new BadRequest(`${name} must be {from, to}`);
  }
  const { from, to } = raw as Record<string, unknown>;
  return { from: toInt(from, 'from'), to: toInt(to, 'to') };
}

/** `page` (from 1) and `limit` (1..250, default 50); above 250 is a 400, as amoCRM does. */
export function pagination(query: Record<string, unknown>): { page: number; limit: number } {
  const read = (key: 'page' | 'limit', fallback: number) => {
    const value = query[key];
    if (value === undefined || value === '') return fallback;
    if (typeof value !== 'string' || !/^\d{1,9}$/.test(value) || Number(value) < 1) {
      throw new BadRequest(`${key} must be a positive integer`);
    }
    return Number(value);
  };
  const limit = read('limit', PAGE_LIMIT_DEFAULT);
  if (limit > PAGE_LIMIT_MAX) throw new BadRequest(`limit must not exceed ${PAGE_LIMIT_MAX}`);
  return { page: read('page', 1), limit };
}

/** `with=a,b` → the known values asked for; unknown ones are ignored, as amoCRM does. */
export function withList<T extends string>(raw: unknown, known: readonly T[]): Set<T> {
  const text = Array.isArray(raw) ? raw.join(',') : typeof raw === 'string' ? raw : '';
  return new Set(
    text
      .split(',')
      .map((s) => s.trim())
      .filter((s): s is T => (known as readonly string[]).includes(s)),
  );
}

/** The plain object qs gives for `filter`, or an empty one. */
export function objectParam(raw: unknown, name: string): Record<string, unknown> {
  if (raw === undefined || raw === '') return {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new BadRequest(`${name} must be an object, e.g. ${name}[id]=1`);
  }
  return raw as Record<string, unknown>;
}
