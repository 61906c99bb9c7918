import { z } from 'zod';
import { userSchema } from './user';

export const loginBodySchema = z.object({
  email: z.string().trim().min(1, 'Enter your email').max(320),
  password: z.string().min(1, 'Enter your password').max(1024),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

/** `GET /api/auth/me` and the login response: the signed-in user. */
export const meSchema = userSchema;
export type Me = z.infer<typeof meSchema>;

/** Demo users the login page may list (only when the demo seed is present). */
export const demoUsersSchema = z.object({
  users: z.array(z.object({ email: z.string(), role: z.string(), password: z.string() })),
});

export const tokenCreateSchema = z.object({
  name: z.string().trim().min(1, 'Name the token').max(100),
  user_id: z.number().int().positive().optional(),
});
export type TokenCreate = z.input<typeof tokenCreateSchema>;

export const apiTokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  user_id: z.number().int(),
  created_at: z.number().int(),
  last_used_at: z.number().int().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

/** Shown once: the secret is never stored in clear and never returned again. */
export const tokenCreatedSchema = apiTokenSchema.extend({ access_token: z.string() });
export const apiTokensListSchema = z.object({ tokens: z.array(apiTokenSchema) });
