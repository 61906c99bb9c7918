import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { loginBodySchema } from '../../src/contracts/auth';
import { principalOf, SESSION_COOKIE } from '../plugins/auth';
import { createAuthService } from '../services/auth-service';
import { SESSION_TTL_SECONDS } from '../services/session-policy';
import { createDemoUsersService } from '../services/demo-users-service';
import type { RouteDeps } from './deps';
import { presentLiveMe } from '../proxy/gateway-auth';
import { tokenRoutes } from './auth-tokens';
import { presentUser } from './user-presenter';

/** Console sign-in (`/api/auth/*`): not part of amoCRM's API, so plain JSON, full paths. */
export async function authRoutes(root: FastifyInstance, deps: RouteDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const auth = createAuthService(deps);
  const demoUsers = createDemoUsersService(deps);

  // Failed sign-ins are throttled per email and per address in the service (the database keeps
  // the counts, so every server instance sees them); successes are never limited.
  app.post('/api/auth/login', { schema: { body: loginBodySchema } }, async (request, reply) => {
    const body = request.body;
    const { user, sessionId } = await auth.login(body.email, body.password, request.ip);
    reply.setCookie(SESSION_COOKIE, sessionId, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      // Behind a TLS proxy the request itself is plain http: the public URL says.
      secure: deps.config.publicUrl.startsWith('https:'),
      maxAge: SESSION_TTL_SECONDS,
    });
    return presentUser(request, user);
  });

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
