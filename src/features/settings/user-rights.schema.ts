import { z } from 'zod';
import { entityRightsSchema, userRightsUpdateSchema } from '../../contracts/user';

/** The editor's form: the PATCH body's `rights`, with both parts always sent. */
export const userRightsFormSchema = userRightsUpdateSchema.shape.rights
  .pick({ customers: true, is_admin: true })
  .extend({ customers: entityRightsSchema, is_admin: z.boolean() });
export type UserRightsForm = z.infer<typeof userRightsFormSchema>;
