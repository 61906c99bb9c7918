import type { UserRightsUpdate } from '../../src/contracts/user';
import { createUserRepository, type UserRow } from '../db/user-repository';
import { BadRequest, Forbidden, NoContent } from '../errors';
import type { RouteDeps } from '../routes/deps';
import type { Principal } from './principal';

/**
 * Users of the account. Every signed-in user may list them (the console shows owners' names,
 * declared as `users_list_for_all`); only administrators change rights.
 */
export function createUserService({ db }: Pick<RouteDeps, 'db'>) {
  const users = createUserRepository(db);

  function assertMayManage(principal: Principal) {
    if (!principal.isAdmin) throw new Forbidden("Only administrators may change users' rights");
  }

  return {
    /** Checked before the body, so a non-admin learns the real reason first. */
    assertMayManage,

    async page(page: number, limit: number): Promise<{ rows: UserRow[]; hasNext: boolean }> {
      const rows = await users.page((page - 1) * limit, limit + 1);
      return { rows: rows.slice(0, limit), hasNext: rows.length > limit };
    },

    async get(id: number): Promise<UserRow> {
      const user = await users.byId(id);
      if (!user) throw new NoContent();
      return user;
    },

    async updateRights(
      principal: Principal,
      id: number,
      patch: UserRightsUpdate['rights'],
    ): Promise<UserRow> {
      assertMayManage(principal);
      const user = await users.byId(id);
      if (!user) throw new NoContent();
      // Keeps at least one administrator: nobody can lock everyone out of the settings.
      if (id === principal.id && patch.is_admin === false) {
        throw new BadRequest('You cannot remove your own administrator rights');
      }
      const rights = {
        ...user.rights,
        ...(patch.customers ? { customers: patch.customers } : {}),
        ...(patch.is_admin !== undefined ? { is_admin: patch.is_admin } : {}),
        group_id: patch.group_id !== undefined ? patch.group_id : user.groupId,
      };
      const updated = await users.setRights(id, rights);
      if (!updated) throw new NoContent();
      return updated;
    },
  };
}
