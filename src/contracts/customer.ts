import { z } from 'zod';
import { entityRefSchema, halCollectionSchema, halLinkSchema } from './hal';
import {
  customFieldValuesSchema,
  entityId,
  money,
  requestId,
  unixTime,
} from './common';
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

export const customerContactRefSchema = entityRefSchema.extend({ is_main: z.boolean() });

/** A customer as the API returns it. */
export const customerSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  next_price: z.number().int(),
  next_date: z.number().int().nullable(),
  responsible_user_id: z.number().int(),
  status_id: z.number().int().nullable(),
  periodicity: z.number().int(),
  created_by: z.number().int(),
  updated_by: z.number().int(),
  created_at: z.number().int(),
  updated_at: z.number().int(),
  closest_task_at: z.number().int().nullable(),
  is_deleted: z.boolean(),
  custom_fields_values: z.array(customFieldValuesSchema).nullable(),
  ltv: z.number().int(),
  purchases_count: z.number().int(),
  average_check: z.number().int(),
  account_id: z.number().int(),
  _links: z.object({ self: halLinkSchema }),
  _embedded: z.object({
    segments: z.array(entityRefSchema),
    tags: z.array(tagRefSchema),
    contacts: z.array(customerContactRefSchema).optional(),
    companies: z.array(entityRefSchema).optional(),
    catalog_elements: z.array(catalogElementLinkSchema).optional(),
  }),
});
export type Customer = z.infer<typeof customerSchema>;

export const customersPageSchema = halCollectionSchema('customers', customerSchema);
export type CustomersPage = z.infer<typeof customersPageSchema>;

/** Writable fields shared by create and update. */
const customerWriteFields = {
  name: z.string().trim().min(1, 'Name must not be empty').max(255),
  next_price: money,
  next_date: unixTime.nullable(),
  responsible_user_id: entityId,
  status_id: entityId.nullable(),
  periodicity: z.number().int().min(0).max(3650),
  created_by: z.number().int().min(0),
  updated_by: z.number().int().min(0),
  created_at: unixTime,
  updated_at: unixTime,
  custom_fields_values: z.array(customFieldValuesSchema).max(100).nullable(),
  request_id: requestId,
};

const customerEmbeddedWrite = z.object({
  tags: z.array(tagWriteSchema).max(100).optional(),
  segments: z.array(z.object({ id: entityId })).max(100).optional(),
});

/** One item of `POST /api/v4/customers`. Unknown keys are dropped, as amoCRM does. */
export const customerCreateSchema = z.object({
  ...z.object(customerWriteFields).partial().shape,
  _embedded: customerEmbeddedWrite.optional(),
});
export type CustomerCreate = z.input<typeof customerCreateSchema>;
export type CustomerCreateParsed = z.output<typeof customerCreateSchema>;

/** One item of `PATCH /api/v4/customers` (the id is required there, taken from the path on `/{id}`). */
export const customerUpdateSchema = customerCreateSchema.extend({
  id: entityId.optional(),
  tags_to_add: z.array(tagWriteSchema).max(100).optional(),
  tags_to_delete: z.array(tagWriteSchema).max(100).optional(),
});
export type CustomerUpdate = z.input<typeof customerUpdateSchema>;
export type CustomerUpdateParsed = z.output<typeof customerUpdateSchema>;

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
  return customerCreateSchema.superRefine((item, ctx) => {
    for (const path of missingForMode(item, mode)) {
      ctx.addIssue({ code: 'custom', path: [path], message: MODE_REQUIRED_DETAIL, params: { amoCode: 'NotBlank' } });
    }
  });
}

/** Response of POST/PATCH: ids, `request_id` echo, `updated_at` on updates. */
export const customerWriteResultSchema = z.object({
  id: z.number().int(),
  request_id: z.string(),
  updated_at: z.number().int().optional(),
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
  z.object({ earn: z.number().int().positive().max(1_000_000_000) }).strict(),
  z.object({ redeem: z.number().int().positive().max(1_000_000_000) }).strict(),
]);
export const bonusPointsResponseSchema = z.object({ bonus_points: z.number().int() });
