import type { FastifyInstance, FastifyRequest } from 'fastify';
import { loginBodySchema } from '../../src/contracts/auth';
import { principalOf, SESSION_COOKIE } from '../plugins/auth';
import { createAuthService, SESSION_TTL_SECONDS } from '../services/auth-service';
import { createDemoUsersService } from '../services/demo-users-service';
import type { RouteDeps } from './deps';
import { presentLiveMe } from '../proxy/gateway-auth';
import { tokenRoutes } from './auth-tokens';
import { presentUser } from './user-presenter';
import { parseWhole } from './validate';

/** Brute force is slowed per address and per email, whatever the global limit is. */
const LOGIN_RATE_LIMIT = {
  max: 10,
  timeWindow: '1 minute',
  // After body parsing, so the key can include the email being tried.
  hook: 'preHandler' as const,
  keyGenerator: (request: FastifyRequest) => {
    const body = request.body as { email?: unknown } | undefined;
    const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
    return `login:${request.ip}:${email}`;
  },
};

/** Console sign-in (`/api/auth/*`): not part of amoCRM's API, so plain JSON, full paths. */
export async function authRoutes(app: FastifyInstance, deps: RouteDeps) {
  const auth = createAuthService(deps);
  const demoUsers = createDemoUsersService(deps);

  app.post(
    '/api/auth/login',
    // The login limiter exists only where the global one does (RATE_LIMIT_PER_SECOND > 0).
    deps.config.rateLimitPerSecond > 0 ? { config: { rateLimit: LOGIN_RATE_LIMIT } } : {},
    async (request, reply) => {
      const body = parseWhole(loginBodySchema, request.body);
      const { user, sessionId } = await auth.login(body.email, body.password);
      reply.setCookie(SESSION_COOKIE, sessionId, {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        secure: request.protocol === 'https',
        maxAge: SESSION_TTL_SECONDS,
      });
      return presentUser(request, user);
    },
  );

  app.get('/api/auth/me', { onRequest: app.requireUser }, async (request) => {
    const me = presentUser(request, await auth.me(principalOf(request).id));
    // On a live account the account's rights count, and the console says which account it is.
    return deps.gateway ? presentLiveMe(deps.gateway, request, me) : me;
  });

  app.post('/api/auth/logout', { onRequest: app.requireUser }, async (request, reply) => {
    await auth.logout(request.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/api/auth/demo-users', async () => ({ users: await demoUsers.list() }));

  await app.register(tokenRoutes, deps);
}
