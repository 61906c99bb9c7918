import { z } from '../../contracts/zod';
import { entityRightsSchema, userRightsUpdateSchema } from '../../contracts/user';

/** The editor's form: the PATCH body's `rights`, with both parts always sent. */
export const userRightsFormSchema = z.extend(
  z.pick(userRightsUpdateSchema.shape.rights, { customers: true, is_admin: true }),
  { customers: entityRightsSchema, is_admin: z.boolean() },
);
export type UserRightsForm = z.infer<typeof userRightsFormSchema>;
