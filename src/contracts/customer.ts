import { z } from './zod';
import { entityRefSchema, halCollectionSchema, halLinkSchema } from './hal';
import {
  customFieldValuesSchema,
  customFieldValuesWriteSchema,
  money,
  requestId,
  unixTime,
} from './common';
import {
  entityId,
  idList,
  queryOrder,
  queryRange,
  querySchema,
  querySearch,
  queryWith,
  paginationShape,
  text,
  textList,
  userRef,
} from './request';
import { catalogElementLinkSchema } from './catalog';
import { tagRefSchema, tagWriteSchema } from './tag';

export const CUSTOMERS_WITH = ['contacts', 'companies', 'catalog_elements'] as const;
export type CustomersWith = (typeof CUSTOMERS_WITH)[number];

/** Fields the list can be ordered by. amoCRM documents none for customers; all are our extension. */
export const CUSTOMER_ORDER_FIELDS = [
  'id',
  'created_at',
  'updated_at',
  'next_date',
  'next_price',
  'ltv',
  'name',
] as const;
export type CustomerOrderField = (typeof CUSTOMER_ORDER_FIELDS)[number];

export const customerContactRefSchema = z.extend(entityRefSchema, { is_main: z.boolean() });

/** A customer as the API returns it. */
export const customerSchema = z.object({
  id: z.int(),
  name: z.string(),
  next_price: z.int(),
  next_date: z.nullable(z.int()),
  responsible_user_id: z.int(),
  status_id: z.nullable(z.int()),
  periodicity: z.int(),
  created_by: z.int(),
  updated_by: z.int(),
  created_at: z.int(),
  updated_at: z.int(),
  closest_task_at: z.nullable(z.int()),
  is_deleted: z.boolean(),
  custom_fields_values: z.nullable(z.array(customFieldValuesSchema)),
  ltv: z.int(),
  purchases_count: z.int(),
  average_check: z.int(),
  account_id: z.int(),
  _links: z.object({ self: halLinkSchema }),
  _embedded: z.object({
    segments: z.array(entityRefSchema),
    tags: z.array(tagRefSchema),
    contacts: z.optional(z.array(customerContactRefSchema)),
    companies: z.optional(z.array(entityRefSchema)),
    catalog_elements: z.optional(z.array(catalogElementLinkSchema)),
  }),
});
export type Customer = z.infer<typeof customerSchema>;

export const customersPageSchema = halCollectionSchema('customers', customerSchema);
export type CustomersPage = z.infer<typeof customersPageSchema>;

/** Writable fields shared by create and update. */
const customerWriteFields = {
  name: text(z.trim(), z.minLength(1, 'Name must not be empty'), z.maxLength(255)),
  next_price: money,
  next_date: z.nullable(unixTime),
  responsible_user_id: entityId,
  status_id: z.nullable(entityId),
  periodicity: z.int().check(z.minimum(0), z.maximum(3650)),
  created_by: userRef,
  updated_by: userRef,
  created_at: unixTime,
  updated_at: unixTime,
  custom_fields_values: z.nullable(z.array(customFieldValuesWriteSchema).check(z.maxLength(100))),
  request_id: requestId,
};

const customerEmbeddedWrite = z.object({
  tags: z.optional(z.array(tagWriteSchema).check(z.maxLength(100))),
  segments: z.optional(z.array(z.object({ id: entityId })).check(z.maxLength(100))),
});

/** One item of `POST /api/v4/customers`. Unknown keys are dropped, as amoCRM does. */
export const customerCreateSchema = z.object({
  ...z.partial(z.object(customerWriteFields)).shape,
  _embedded: z.optional(customerEmbeddedWrite),
});
export type CustomerCreate = z.input<typeof customerCreateSchema>;
export type CustomerCreateParsed = z.output<typeof customerCreateSchema>;

/** One item of `PATCH /api/v4/customers` (the id is required there, taken from the path on `/{id}`). */
export const customerUpdateSchema = z.extend(customerCreateSchema, {
  id: z.optional(entityId),
  tags_to_add: z.optional(z.array(tagWriteSchema).check(z.maxLength(100))),
  tags_to_delete: z.optional(z.array(tagWriteSchema).check(z.maxLength(100))),
});
export type CustomerUpdate = z.input<typeof customerUpdateSchema>;
export type CustomerUpdateParsed = z.output<typeof customerUpdateSchema>;

/** `GET /api/v4/customers`: pagination, filters (OR inside a list, AND across), order, with, query. */
export const customersListQuerySchema = querySchema({
  ...paginationShape,
  // Unknown filter keys are ignored, as amoCRM does; a known key with a bad value is a 400.
  filter: z.optional(
    z.object({
      id: z.optional(idList),
      name: z.optional(textList),
      responsible_user_id: z.optional(idList),
      created_by: z.optional(idList),
      updated_by: z.optional(idList),
      status_id: z.optional(idList),
      segment_id: z.optional(idList),
      tag_id: z.optional(idList),
      next_date: z.optional(queryRange),
      created_at: z.optional(queryRange),
      updated_at: z.optional(queryRange),
      closest_task_at: z.optional(queryRange),
      next_price: z.optional(queryRange),
    }),
  ),
  order: z._default(queryOrder(CUSTOMER_ORDER_FIELDS, { field: 'id', direction: 'asc' }), {
    field: 'id',
    direction: 'asc',
  }),
  with: z._default(queryWith(CUSTOMERS_WITH), []),
  query: z.optional(querySearch(500)),
});
export type CustomersListQuery = z.input<typeof customersListQuerySchema>;
export type CustomersListQueryParsed = z.output<typeof customersListQuerySchema>;

/** `GET /api/v4/customers/{id}`: only `with`. */
export const customerGetQuerySchema = querySchema({
  with: z._default(queryWith(CUSTOMERS_WITH), []),
});

export const CUSTOMERS_MODES = ['segments', 'periodicity'] as const;
export type CustomersMode = (typeof CUSTOMERS_MODES)[number];

/**
 * The mode rule both sides apply: in periodicity mode `name`, `next_date` and `periodicity`
 * are required on create (spec: "mandatory when the recurring purchases mode is set").
 * Returns the paths that are missing, so the server and the console report the same errors.
 */
export function missingForMode(
  item: Pick<CustomerCreate, 'name' | 'next_date' | 'periodicity'>,
  mode: CustomersMode,
): Array<'name' | 'next_date' | 'periodicity'> {
  if (mode !== 'periodicity') return [];
  const missing: Array<'name' | 'next_date' | 'periodicity'> = [];
  if (item.name === undefined || item.name.trim() === '') missing.push('name');
  if (item.next_date === undefined || item.next_date === null) missing.push('next_date');
  if (item.periodicity === undefined || item.periodicity === 0) missing.push('periodicity');
  return missing;
}

export const MODE_REQUIRED_DETAIL = 'This field is required in periodicity mode';

/** The create schema with the mode rule applied (used by the console's forms and by the server). */
export function customerCreateSchemaFor(mode: CustomersMode) {
  return customerCreateSchema.check(
    z.superRefine((item, ctx) => {
      for (const path of missingForMode(item, mode)) {
        ctx.addIssue({
          code: 'custom',
          path: [path],
          message: MODE_REQUIRED_DETAIL,
          params: { amoCode: 'NotBlank' },
        });
      }
    }),
  );
}

/** Response of POST/PATCH: ids, `request_id` echo, `updated_at` on updates. */
export const customerWriteResultSchema = z.object({
  id: z.int(),
  request_id: z.string(),
  updated_at: z.optional(z.int()),
  _links: z.object({ self: halLinkSchema }),
});
export const customersWriteResponseSchema = z.object({
  _links: z.object({ self: halLinkSchema }),
  _embedded: z.object({ customers: z.array(customerWriteResultSchema) }),
});
export type CustomersWriteResponse = z.infer<typeof customersWriteResponseSchema>;

/** `PATCH /api/v4/customers/mode` body and response. */
export const customersModeSchema = z.object({
  mode: z.enum(CUSTOMERS_MODES),
  is_enabled: z.boolean(),
});
export type CustomersModeBody = z.infer<typeof customersModeSchema>;

export const bonusPointsBodySchema = z.union([
  z.strictObject({ earn: z.int().check(z.positive(), z.maximum(1_000_000_000)) }),
  z.strictObject({ redeem: z.int().check(z.positive(), z.maximum(1_000_000_000)) }),
]);
export const bonusPointsResponseSchema = z.object({ bonus_points: z.int() });
