import { createHmac, randomBytes, randomUUID } from 'node:crypto';

/**
 * Long-lived API tokens are shaped like amoCRM's: a JWT (`header.payload.signature`) whose
 * payload carries `iat`, `nbf`, `exp` and `jti`, because published amoCRM clients decode the
 * token to learn when it expires. The server never verifies the signature: a token is
 * recognised only by the sha256 of the whole string, so the payload cannot be altered. The
 * signature is an HS256 MAC under a fresh random key that is thrown away, which makes it the
 * token's 256 bits of secret.
 */

/** amoCRM lets an administrator pick up to five years; a year is our default. */
export const API_TOKEN_LIFETIME_SECONDS = 365 * 24 * 60 * 60;

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

export type ApiTokenClaims = {
  jti: string;
  iat: number;
  nbf: number;
  exp: number;
  /** The user the token acts as, as a string (JWT's `sub`). */
  sub: string;
  account_id: number;
  scopes: string[];
};

export function mintApiToken(options: {
  userId: number;
  accountId: number;
  now: number;
  lifetimeSeconds?: number;
}): { token: string; claims: ApiTokenClaims } {
  const claims: ApiTokenClaims = {
    jti: randomUUID(),
    iat: options.now,
    nbf: options.now,
    exp: options.now + (options.lifetimeSeconds ?? API_TOKEN_LIFETIME_SECONDS),
    sub: String(options.userId),
    account_id: options.accountId,
    scopes: ['crm'],
  };
  const signed = `${base64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }))}.${base64url(JSON.stringify(claims))}`;
  const signature = createHmac('sha256', randomBytes(32)).update(signed).digest();
  return { token: `${signed}.${base64url(signature)}`, claims };
}

/**
 * The `exp` of a token this server minted, or undefined for one without a readable payload
 * (tokens issued before they were JWT-shaped carry no expiry). Only called for a token whose
 * hash matched a stored one, so its payload is the one this server wrote.
 */
export function apiTokenExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    const exp = (claims as { exp?: unknown } | null)?.exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp : undefined;
  } catch {
    return undefined;
  }
}
