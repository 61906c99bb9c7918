import { z } from './zod';
import { userSchema } from './user';
import { entityId, queryInt, querySchema, text } from './request';

export const loginBodySchema = z.object({
  email: text(z.trim(), z.minLength(1, 'Enter your email'), z.maxLength(320)),
  password: text(z.minLength(1, 'Enter your password'), z.maxLength(1024)),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

/**
 * On a live amoCRM account (gateway mode): which account, and whose rights the user acts with
 * (`account`: the account user of the same email; `fallback`: no such user, view own only).
 */
export const liveAccountSchema = z.object({
  name: z.string(),
  subdomain: z.string(),
  url: z.string(),
  rights_source: z.enum(['account', 'fallback']),
  /** Administrators only: why the server cannot authenticate to amoCRM, and what to do. */
  credentials_problem: z.optional(z.string()),
});
export type LiveAccountInfo = z.infer<typeof liveAccountSchema>;

/** `GET /api/auth/me` and the login response: the signed-in user. */
export const meSchema = z.extend(userSchema, { live_account: z.optional(liveAccountSchema) });
export type Me = z.infer<typeof meSchema>;

/** Demo users the login page may list (only when the demo seed is present). */
export const demoUsersSchema = z.object({
  users: z.array(z.object({ email: z.string(), role: z.string(), password: z.string() })),
});

export const tokenCreateSchema = z.object({
  name: text(z.trim(), z.minLength(1, 'Name the token'), z.maxLength(100)),
  user_id: z.optional(entityId),
});

/** `GET /api/auth/tokens?user_id=…` (administrators list another user's tokens). */
export const tokensListQuerySchema = querySchema({ user_id: z.optional(queryInt(entityId)) });
export type TokenCreate = z.input<typeof tokenCreateSchema>;

export const apiTokenSchema = z.object({
  id: z.int(),
  name: z.string(),
  user_id: z.int(),
  created_at: z.int(),
  last_used_at: z.nullable(z.int()),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

/** Shown once: the secret is never stored in clear and never returned again. */
export const tokenCreatedSchema = z.extend(apiTokenSchema, { access_token: z.string() });
export const apiTokensListSchema = z.object({ tokens: z.array(apiTokenSchema) });
