import type { EntityRights } from '../../src/contracts/user';
import type { Principal } from '../services/principal';
import type { AccountUsers } from './account-users';

/** A console user with no account user of the same email: view own (none exist), nothing else. */
export const DEFAULT_FALLBACK_RIGHTS: EntityRights = {
  view: 'M',
  edit: 'D',
  add: 'D',
  delete: 'D',
  export: 'D',
};

/** Whose rights a console user acts with in gateway mode, for /api/auth/me and Settings. */
export type RightsSource = 'account' | 'fallback';

export type GatewayPrincipal = Principal & { source: RightsSource };

/**
 * The console user as the live account knows them: the account user with the same email lends
 * its id (so "own" means what amoCRM means), group and rights. The console's own rights never
 * count here: a console admin is an admin upstream or nothing. No match, or an inactive account
 * user, gets the fallback with an id no account user has.
 */
export async function gatewayPrincipal(
  local: Principal,
  users: AccountUsers,
  fallback: EntityRights = DEFAULT_FALLBACK_RIGHTS,
): Promise<GatewayPrincipal> {
  const match = await users.byEmail(local.email);
  if (!match || !match.isActive) {
    return {
      ...local,
      id: -local.id,
      isAdmin: false,
      groupId: null,
      rights: { ...local.rights, customers: fallback, is_admin: false, group_id: null },
      source: 'fallback',
    };
  }
  return {
    ...local,
    id: match.id,
    name: match.name || local.name,
    isAdmin: match.isAdmin,
    groupId: match.groupId,
    // amoCRM sends no customers rights; then the fallback applies to customers too.
    rights: {
      ...local.rights,
      customers: match.customers ?? fallback,
      is_admin: match.isAdmin,
      group_id: match.groupId,
    },
    source: 'account',
  };
}
