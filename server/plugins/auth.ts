import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { createAuthRepository, type UserRow } from '../db/auth-repository';
import type { Db } from '../db/client';
import { Forbidden, Unauthorized } from '../errors';
import { apiTokenExpiry } from '../services/api-token-format';
import type { Principal } from '../services/principal';
import { SESSION_IDLE_SECONDS } from '../services/session-policy';

export const SESSION_COOKIE = 'cc_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function toPrincipal(user: UserRow, via: Principal['via']): Principal {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    isAdmin: user.rights.is_admin,
    groupId: user.groupId,
    rights: user.rights,
    via,
  };
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `scheme://host[:port]` with the default port dropped, or undefined for what is not a URL. */
function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * The CSRF rule: a cookie request that changes state must come from this origin, the
 * configured PUBLIC_URL. Not the request's Host: an attacker's page can pair a forged Host
 * (DNS rebinding) with a matching Origin.
 */
function isSameOrigin(request: FastifyRequest): boolean {
  if (request.headers['sec-fetch-site'] === 'same-origin') return true;
  const origin = request.headers.origin;
  if (!origin) return false;
  const expected = originOf(request.server.publicUrl);
  return expected !== undefined && originOf(origin) === expected;
}

/** The token of an `Authorization: Bearer <token>` header, whatever its case and spacing. */
export function bearerToken(authorization: string): string | undefined {
  return /^\s*Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
}

/**
 * Resolves `request.principal` from `Authorization: Bearer` or the session cookie.
 * Routes that need a caller use `app.requireUser` as an onRequest hook.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { db: Db }) => {
  const repo = createAuthRepository(opts.db);
  app.decorateRequest('principal', null);

  app.decorate('requireUser', async (request: FastifyRequest) => {
    const now = Math.floor(Date.now() / 1000);
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const token = bearerToken(authorization);
      const user = token ? await repo.userByToken(sha256(token), now) : undefined;
      if (!token || !user) throw new Unauthorized('Invalid or revoked access token');
      const expiresAt = apiTokenExpiry(token);
      if (expiresAt !== undefined && expiresAt <= now) {
        throw new Unauthorized('The access token has expired: create a new one in Settings');
      }
      request.principal = toPrincipal(user, 'token');
      return;
    }
    const sessionId = request.cookies[SESSION_COOKIE];
    const user = sessionId
      ? await repo.userBySession(sha256(sessionId), now, now - SESSION_IDLE_SECONDS)
      : undefined;
    if (!user) throw new Unauthorized('Sign in or send Authorization: Bearer <token>');
    if (UNSAFE_METHODS.has(request.method) && !isSameOrigin(request)) {
      throw new Forbidden('Cross-site request refused: Origin is not this server');
    }
    request.principal = toPrincipal(user, 'cookie');
  });
});

declare module 'fastify' {
  interface FastifyInstance {
    requireUser: (request: FastifyRequest) => Promise<void>;
  }
}

/** The caller of a route guarded by `requireUser`. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Unauthorized();
  return request.principal;
}
