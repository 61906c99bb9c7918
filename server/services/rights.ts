import { inArray, sql, type SQL, eq } from 'drizzle-orm';
import type { EntityRights } from '../../src/contracts/user';
import { customers, users } from '../db/schema';
import { customerRights, type Principal } from './principal';

export type CustomerAction = keyof EntityRights;

/** The responsible user of an entity, with the group that `G` rights compare against. */
export type Owner = { responsibleUserId: number; responsibleGroupId: number | null };

/** Whether `principal` may do `action` on a customer owned by `owner`. */
export function mayActOn(principal: Principal, action: CustomerAction, owner: Owner): boolean {
  const scope = customerRights(principal)[action];
  switch (scope) {
    case 'A':
      return true;
    case 'G':
      return principal.groupId !== null && owner.responsibleGroupId === principal.groupId;
    case 'M':
      return owner.responsibleUserId === principal.id;
    case 'D':
      return false;
  }
}

/** Whether `principal` may do `action` on at least some customers (e.g. `add`, `export`). */
export function mayEver(principal: Principal, action: CustomerAction): boolean {
  return customerRights(principal)[action] !== 'D';
}

/**
 * The SQL condition limiting customers to those `principal` may view, or undefined for all.
 * Applied in every query that reaches customers, including through transactions.
 */
export function customerVisibility(principal: Principal): SQL | undefined {
  const scope = customerRights(principal).view;
  switch (scope) {
    case 'A':
      return undefined;
    case 'G':
      return principal.groupId === null
        ? eq(customers.responsibleUserId, principal.id)
        : inArray(
            customers.responsibleUserId,
            sql`(select ${users.id} from ${users} where ${users.groupId} = ${principal.groupId})`,
          );
    case 'M':
      return eq(customers.responsibleUserId, principal.id);
    case 'D':
      return sql`false`;
  }
}
