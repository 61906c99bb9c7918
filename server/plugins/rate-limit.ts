import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { bearerToken, SESSION_COOKIE, sha256 } from './auth';

/**
 * The bucket a request counts against: the credential it carries (the token itself, however
 * the header is spelled; or the session), else the client address. One busy integration then
 * never throttles a colleague, and `bearer  X` cannot open a second bucket for token X.
 */
export function rateLimitKey(request: FastifyRequest): string {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const token = bearerToken(authorization);
    return token ? `token:${sha256(token)}` : `ip:${request.ip}`;
  }
  const session = request.cookies[SESSION_COOKIE];
  return session ? `session:${sha256(session)}` : `ip:${request.ip}`;
}

/**
 * Per-second limit on the API only. The console's own files are never limited: a cold visit
 * loads dozens of chunks at once, and one 429 on a chunk would break the whole page. The test
 * is on the matched route, not the raw URL, so no percent-encoded spelling escapes it.
 */
export const rateLimitPlugin = fp(async (app: FastifyInstance, opts: { perSecond: number }) => {
  await app.register(rateLimit, {
    // Not per route: a route's own hooks run after its scope's, so an unauthenticated request
    // would meet `requireUser` first and guessing tokens would never be counted. One root hook
    // runs before everything else instead.
    global: false,
    max: opts.perSecond,
    timeWindow: 1000,
    keyGenerator: rateLimitKey,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      retryAfter: Math.ceil(context.ttl / 1000),
      message: 'You have sent too many requests in a given amount of time. Please try again later.',
    }),
  });
  const limit = app.rateLimit();
  app.addHook('onRequest', async (request, reply) => {
    // A route with a limit of its own (config.rateLimit) is counted by that one instead.
    const route = request.routeOptions;
    if (!(route.url ?? '').startsWith('/api/') || route.config.rateLimit !== undefined) return;
    await limit.call(app, request, reply);
  });
});
