import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { LiveAccountInfo } from '../../src/contracts/auth';
import type { User } from '../../src/contracts/user';
import { Forbidden } from '../errors';
import { principalOf } from '../plugins/auth';
import type { Gateway } from './gateway';
import { DEFAULT_FALLBACK_RIGHTS, gatewayPrincipal } from './gateway-principal';

/**
 * The console's own sign-in, seen from gateway mode: sign-in re-reads the account's rights,
 * only account administrators may mint API tokens (a token reaches the account too).
 */
export const gatewayAuthPlugin = fp(
  async (app: FastifyInstance, { gateway }: { gateway: Gateway }) => {
    app.addHook('preHandler', async (request) => {
      if (request.method !== 'POST' || request.url.split('?')[0] !== '/api/auth/tokens') return;
      const principal = await gatewayPrincipal(principalOf(request), gateway.users);
      if (!principal.isAdmin) {
        throw new Forbidden('On a live account only its administrators may create API tokens');
      }
    });
    app.addHook('onResponse', async (request, reply) => {
      if (request.url === '/api/auth/login' && reply.statusCode === 200) gateway.users.forget();
    });
  },
);

/** `/api/auth/me` on a live account: the account's id and rights, and which account it is. */
export async function presentLiveMe(
  gateway: Gateway,
  request: Parameters<typeof principalOf>[0],
  me: User,
): Promise<User & { live_account: LiveAccountInfo }> {
  const local = principalOf(request);
  const url = gateway.upstream.baseUrl;
  let principal;
  try {
    principal = await gatewayPrincipal(local, gateway.users);
  } catch (error) {
    // The account cannot be asked (down, or our credentials refused): the console still opens,
    // with no rights, and tells a console administrator why.
    const detail = error instanceof Error ? error.message : 'amoCRM did not answer';
    return {
      ...me,
      rights: { ...me.rights, customers: DEFAULT_FALLBACK_RIGHTS, is_admin: false },
      live_account: {
        name: '',
        subdomain: '',
        url,
        rights_source: 'fallback',
        ...(local.isAdmin ? { credentials_problem: gateway.oauth?.problem() ?? detail } : {}),
      },
    };
  }
  const account = await gateway.health.account();
  const problem = principal.isAdmin ? gateway.oauth?.problem() : undefined;
  return {
    ...me,
    id: principal.source === 'account' ? principal.id : me.id,
    rights: { ...me.rights, ...principal.rights },
    live_account: {
      name: account?.name ?? '',
      subdomain: account?.subdomain ?? '',
      url,
      rights_source: principal.source,
      ...(problem ? { credentials_problem: problem } : {}),
    },
  };
}
