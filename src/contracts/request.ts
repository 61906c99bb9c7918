import { z } from './zod';

/**
 * The pieces every request schema is built from: text that PostgreSQL can store, integers that
 * fit their columns, and query-string values as `qs` hands them over (strings, arrays, or
 * index-keyed objects). The server declares routes with these; the console types its calls
 * from the same schemas' inputs.
 */

/** PostgreSQL `integer` (int4): every id and every integer column. */
export const INT4_MAX = 2_147_483_647;
export const INT4_MIN = -2_147_483_648;

/** amoCRM: at most 250 items per batch write, and per page. */
export const BATCH_LIMIT = 250;
export const PAGE_LIMIT_MAX = 250;
export const PAGE_LIMIT_DEFAULT = 50;
export const BATCH_EMPTY = 'Request data can not be empty';

// A lone high surrogate not followed by a low one, or a lone low one not preceded by a high one.
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text as the database stores it. PostgreSQL cannot hold a NUL byte, and UTF-8 cannot hold an
 * unpaired surrogate (the driver would silently store U+FFFD), so both are refused, naming the
 * field, rather than failing in the database or being changed behind the client's back.
 */
export function text(...checks: Array<z.core.CheckFn<string> | z.core.$ZodCheck<string>>) {
  return z.string().check(
    z.refine((value) => !value.includes('\u0000'), {
      message: 'Must not contain NUL bytes',
      params: { amoCode: 'InvalidValue' },
    }),
    z.refine((value) => !UNPAIRED_SURROGATE.test(value), {
      message: 'Must not contain unpaired UTF-16 surrogates',
      params: { amoCode: 'InvalidValue' },
    }),
    ...checks,
  );
}

/** A non-negative int4, for `created_by`, `updated_by` and similar user references (0 = system). */
export const userRef = z.int().check(z.minimum(0), z.maximum(INT4_MAX));

/** A positive int4 id, as every serial column holds. */
export const entityId = z.int().check(z.positive(), z.maximum(INT4_MAX));

/** A query-string scalar: qs gives strings; the console's typed calls pass numbers. */
const scalar = z.union([z.string(), z.number()]);

const INTEGER_TEXT = /^-?\d{1,16}$/;

/** A query-string integer ("12" or 12) checked by `inner` (its bounds say what the column holds). */
export function queryInt<T extends z.ZodMiniType<number, number>>(inner: T) {
  return z.pipe(
    z.pipe(
      scalar.check(
        z.refine((value) => typeof value === 'number' || INTEGER_TEXT.test(value.trim()), {
          message: 'Must be an integer',
          params: { amoCode: 'InvalidType' },
        }),
      ),
      z.transform((value) => Number(value)),
    ),
    inner,
  );
}

/**
 * A query-string list in any of the encodings clients use: `k=1&k=2` and `k[]=1` (qs: an array),
 * `k[0]=1` (an array, or an index-keyed object past qs's array limit), or `k=1,2` (a comma list).
 */
export function queryList<T extends z.ZodMiniType>(item: T, max = BATCH_LIMIT) {
  return z.pipe(
    z.pipe(
      z.union([scalar, z.array(scalar), z.record(z.string(), scalar)]),
      z.transform((value): unknown[] =>
        typeof value === 'string'
          ? value.split(',')
          : typeof value === 'number'
            ? [value]
            : Array.isArray(value)
              ? value
              : Object.values(value),
      ),
    ),
    z.array(item).check(z.maxLength(max, `At most ${max} values`)),
  );
}

/** `filter[x]=1,2` / `filter[x][]=1`…: a list of ids. */
export const idList = queryList(queryInt(entityId));

/** `filter[x]=…`: a list of strings (names). */
export const textList = queryList(text().check(z.maxLength(255)));

/** A closed range; either side may be left out. */
export interface Range {
  from?: number;
  to?: number;
}

// A bound beyond int4 means "everything on that side" (or nothing): it is clamped to the range
// of the columns it compares with, so it never reaches PostgreSQL as an out-of-range integer.
const rangeBound = queryInt(
  z.pipe(
    z.int(),
    z.transform((value) => Math.min(INT4_MAX, Math.max(INT4_MIN, value))),
  ),
);

/** `filter[x][from]=…&filter[x][to]=…`; either side may be left out; a bare value means exact. */
export const queryRange = z.pipe(
  z.transform((value: string | number | { from?: string | number; to?: string | number }) =>
    typeof value === 'object' ? value : { from: value, to: value },
  ),
  z.object({ from: z.optional(rangeBound), to: z.optional(rangeBound) }),
);

/** An id in the path: digits only, a positive int4. */
export const idParam = z.pipe(
  z.pipe(
    z.string().check(z.regex(/^\d{1,10}$/, 'Must be a positive integer')),
    z.transform((value) => Number(value)),
  ),
  entityId,
);

/** `/…/{id}` */
export const idParamsSchema = z.object({ id: idParam });
/** `/customers/{customerId}/…` */
export const customerIdParamsSchema = z.object({ customerId: idParam });
/** `/customers/{customerId}/…/{id}` */
export const customerAndIdParamsSchema = z.object({ customerId: idParam, id: idParam });

/**
 * `order[field]=asc|desc`, one field of `fields`; anything else is a 400 that says what is allowed.
 * The direction is case-insensitive, as amoCRM's is.
 */
export function queryOrder<F extends string>(
  fields: readonly [F, ...F[]],
  fallback: { field: NoInfer<F>; direction: 'asc' | 'desc' },
) {
  const direction = z.pipe(
    z.pipe(
      z.string(),
      z.transform((value) => value.toLowerCase()),
    ),
    z.enum(['asc', 'desc'], 'Must be asc or desc'),
  );
  return z.pipe(
    z.partialRecord(z.enum(fields), direction, `Order by one of ${fields.join(', ')}`),
    z.transform((order, ctx) => {
      const entries = Object.entries(order) as Array<[F, 'asc' | 'desc']>;
      if (entries.length > 1) {
        ctx.issues.push({
          code: 'custom',
          input: order,
          message: 'order takes one field, e.g. order[id]=desc',
        });
        return z.NEVER;
      }
      const [entry] = entries;
      return entry ? { field: entry[0], direction: entry[1] } : fallback;
    }),
  );
}

/** `with=a,b` (or `with[]=a`): the known values asked for; unknown ones are ignored, as amoCRM does. */
export function queryWith<W extends string>(known: readonly W[]) {
  return z.pipe(
    z.union([z.string(), z.array(z.string())]),
    z.transform((value) =>
      (Array.isArray(value) ? value.join(',') : value)
        .split(',')
        .map((part) => part.trim())
        .filter((part): part is W => (known as readonly string[]).includes(part)),
    ),
  );
}

/** `query=`: free-text search, trimmed; blank means no search. */
export function querySearch(max: number) {
  return z.pipe(
    z.union([text().check(z.maxLength(max, `At most ${max} characters`)), z.number()]),
    z.transform((value) => String(value).trim() || undefined),
  );
}

/** `page` from 1 and `limit` 1..250 (above 250 is a 400, as amoCRM answers). */
export const paginationShape = {
  page: z._default(queryInt(z.int().check(z.minimum(1), z.maximum(INT4_MAX))), 1),
  limit: z._default(
    queryInt(
      z
        .int()
        .check(
          z.minimum(1),
          z.maximum(PAGE_LIMIT_MAX, `limit must not exceed ${String(PAGE_LIMIT_MAX)}`),
        ),
    ),
    PAGE_LIMIT_DEFAULT,
  ),
};
export const paginationQuerySchema = querySchema(paginationShape);
export type PaginationQuery = z.input<typeof paginationQuerySchema>;

const batchSchemas = new WeakSet<object>();

/**
 * A batch body: an array of 1..250 items (a lone object is taken as one item), all-or-nothing.
 * The error handler reports an invalid item under its own `request_id`, an empty body as amoCRM's
 * "Request data can not be empty", and more than 250 items as its 422 "Limit 250 per page".
 */
export function batchOf<T extends z.ZodMiniType>(item: T) {
  const schema = z.pipe(
    z.pipe(
      z.transform((body: unknown): unknown[] =>
        Array.isArray(body) ? body : body === null || body === undefined ? [] : [body],
      ),
      z
        .array(z.unknown())
        .check(
          z.minLength(1, BATCH_EMPTY),
          z.maxLength(BATCH_LIMIT, `Limit ${String(BATCH_LIMIT)} per page`),
        ),
    ),
    z.array(item),
  );
  batchSchemas.add(schema);
  return schema;
}

/** Whether a route's body schema came from `batchOf` (its item errors are grouped per item). */
export function isBatchSchema(schema: unknown): boolean {
  return typeof schema === 'object' && schema !== null && batchSchemas.has(schema);
}

/** Drops empty values (`page=`, `filter[id]=`): an empty parameter means one not given. */
function withoutBlanks(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, inner]) => inner !== '')
      .map(([key, inner]) => [key, withoutBlanks(inner)]),
  );
}

/** A whole query string: its keys as `shape` declares them, blanks dropped, unknown keys ignored. */
export function querySchema<S extends z.core.$ZodLooseShape>(shape: S) {
  const object = z.object(shape);
  return z.pipe(
    z.transform((query: z.input<typeof object>) => withoutBlanks(query)),
    object,
  );
}
