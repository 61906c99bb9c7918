import { z } from './zod';
import { halCollectionSchema, halLinkSchema } from './hal';
import { entityId } from './request';

/** amoCRM right values: A all, G the user's group, M own (responsible), D denied. */
export const RIGHT_VALUES = ['A', 'G', 'M', 'D'] as const;
export const rightValueSchema = z.enum(RIGHT_VALUES);
export type RightValue = z.infer<typeof rightValueSchema>;

export const entityRightsSchema = z.object({
  view: rightValueSchema,
  edit: rightValueSchema,
  add: rightValueSchema,
  delete: rightValueSchema,
  export: rightValueSchema,
});
export type EntityRights = z.infer<typeof entityRightsSchema>;

/** `rights` as amoCRM returns it, plus `customers` (our extension, see account capabilities). */
export const userRightsSchema = z.object({
  leads: z.optional(entityRightsSchema),
  contacts: z.optional(entityRightsSchema),
  companies: z.optional(entityRightsSchema),
  customers: entityRightsSchema,
  mail_access: z.boolean(),
  catalog_access: z.boolean(),
  is_admin: z.boolean(),
  is_free: z.boolean(),
  is_active: z.boolean(),
  group_id: z.nullable(z.int()),
  role_id: z.nullable(z.int()),
});
export type UserRights = z.infer<typeof userRightsSchema>;

export const userSchema = z.object({
  id: z.int(),
  name: z.string(),
  email: z.string(),
  lang: z.string(),
  rights: userRightsSchema,
  _links: z.object({ self: halLinkSchema }),
});
export type User = z.infer<typeof userSchema>;
export const usersPageSchema = halCollectionSchema('users', userSchema);

/** An administrator's full customers rights. */
export const ALL_RIGHTS: EntityRights = {
  view: 'A',
  edit: 'A',
  add: 'A',
  delete: 'A',
  export: 'A',
};

/**
 * `PATCH /api/v4/users/{id}` (our extension, administrators only): who may do what with
 * customers. amoCRM manages rights in its own settings UI, not over the API.
 */
export const userRightsUpdateSchema = z.object({
  rights: z.strictObject({
    customers: z.optional(entityRightsSchema),
    is_admin: z.optional(z.boolean()),
    group_id: z.nullish(entityId),
  }),
});
export type UserRightsUpdate = z.input<typeof userRightsUpdateSchema>;
