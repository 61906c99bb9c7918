import { z } from './zod';
import { halLinkSchema } from './hal';
import { querySchema, queryWith } from './request';

/** `unavailable` = the tariff lacks customers; `dynamic` is amoCRM's deprecated value. */
export const ACCOUNT_CUSTOMERS_MODES = [
  'unavailable',
  'disabled',
  'segments',
  'periodicity',
  'dynamic',
] as const;
export type AccountCustomersMode = (typeof ACCOUNT_CUSTOMERS_MODES)[number];

/**
 * Our extensions beyond amoCRM, declared so a console on a live account can hide them
 * (`GET /api/v4/account?with=capabilities`). A live amoCRM account returns no `capabilities`.
 */
export const capabilitiesSchema = z.object({
  customers_order_fields: z.array(z.string()),
  customers_filters: z.array(z.string()),
  /** `GET /customers/transactions` filters and order fields beyond amoCRM's `filter[id]`. */
  transactions_filters: z.optional(z.array(z.string())),
  rights_customers: z.boolean(),
  users_list_for_all: z.boolean(),
  api_tokens: z.boolean(),
  demo: z.boolean(),
});
export type Capabilities = z.infer<typeof capabilitiesSchema>;

export const accountSchema = z.object({
  id: z.int(),
  name: z.string(),
  subdomain: z.string(),
  created_at: z.int(),
  created_by: z.int(),
  updated_at: z.int(),
  updated_by: z.int(),
  current_user_id: z.int(),
  country: z.string(),
  currency: z.string(),
  currency_symbol: z.string(),
  customers_mode: z.enum(ACCOUNT_CUSTOMERS_MODES),
  is_unsorted_on: z.boolean(),
  is_loss_reason_enabled: z.boolean(),
  is_helpbot_enabled: z.boolean(),
  is_technical_account: z.boolean(),
  contact_name_display_order: z.int(),
  is_api_filter_enabled: z.optional(z.boolean()),
  capabilities: z.optional(capabilitiesSchema),
  _links: z.object({ self: halLinkSchema }),
});
export type Account = z.infer<typeof accountSchema>;

export const ACCOUNT_WITH = ['capabilities', 'is_api_filter_enabled'] as const;

/** `GET /api/v4/account?with=…`: our extensions only when asked for. */
export const accountQuerySchema = querySchema({
  with: z._default(queryWith(ACCOUNT_WITH), []),
});
