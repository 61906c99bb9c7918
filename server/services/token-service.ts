import type { ApiToken } from '../../src/contracts/auth';
import { createTokenRepository } from '../db/token-repository';
import { createUserRepository } from '../db/user-repository';
import { BadRequest, Forbidden } from '../errors';
import { sha256 } from '../plugins/auth';
import type { RouteDeps } from '../routes/deps';
import { ACCOUNT_ID } from '../db/account-repository';
import { mintApiToken } from './api-token-format';
import type { Principal } from './principal';

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Long-lived API tokens: your own, or anyone's for an administrator. */
export function createTokenService({ db }: Pick<RouteDeps, 'db'>) {
  const tokens = createTokenRepository(db);
  const users = createUserRepository(db);

  return {
    async create(
      principal: Principal,
      input: { name: string; user_id?: number | undefined },
    ): Promise<ApiToken & { access_token: string }> {
      const userId = input.user_id ?? principal.id;
      if (userId !== principal.id) {
        if (!principal.isAdmin)
          throw new Forbidden('Only administrators may create tokens for other users');
        if (!(await users.byId(userId))) throw new BadRequest(`User ${userId} does not exist`);
      }
      const now = nowSeconds();
      const { token: secret } = mintApiToken({ userId, accountId: ACCOUNT_ID, now });
      const token = await tokens.create(userId, input.name, sha256(secret), now);
      return { ...token, access_token: secret };
    },

    async list(principal: Principal, userId: number | undefined): Promise<ApiToken[]> {
      if (!principal.isAdmin) {
        if (userId !== undefined && userId !== principal.id) {
          throw new Forbidden("Only administrators may list other users' tokens");
        }
        return tokens.list(principal.id);
      }
      return tokens.list(userId);
    },

    /** Revoking a missing or already revoked token succeeds: the outcome the caller wanted holds. */
    async revoke(principal: Principal, id: number): Promise<void> {
      const token = await tokens.liveById(id);
      if (!token) return;
      if (token.user_id !== principal.id && !principal.isAdmin) {
        throw new Forbidden("Only administrators may revoke other users' tokens");
      }
      await tokens.revoke(id, nowSeconds());
    },
  };
}
