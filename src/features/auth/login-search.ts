import { z } from '../../contracts/zod';

/**
 * Only a path on this origin may be a redirect target: `//evil.example`, `/\evil.example` and
 * `https://…` would send a freshly signed-in user to another site (an open redirect).
 */
export function isSafeRedirect(value: string): boolean {
  if (!value.startsWith('/') || value.startsWith('//')) return false;
  if (value.includes('\\')) return false;
  // Rejecting control characters (a header-splitting or spoofing vector) is the point.
  if (/[\u0000-\u001f\u007f]/.test(value)) return false;
  const path = value.split(/[?#]/, 1)[0] ?? '';
  return path !== '/login';
}

/** `/login?redirect=/customers?page=2`: a bad or foreign value is dropped, never an error. */
export const loginSearchSchema = z.object({
  redirect: z.catch(z.optional(z.string().check(z.refine(isSafeRedirect))), undefined),
});
export type LoginSearch = z.infer<typeof loginSearchSchema>;

export const DEFAULT_AFTER_LOGIN = '/customers';
