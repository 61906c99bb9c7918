import type { EntityRights, UserRights } from '../../src/contracts/user';

/** The authenticated caller, as services see it. */
export type Principal = {
  id: number;
  name: string;
  email: string;
  isAdmin: boolean;
  groupId: number | null;
  rights: UserRights;
  /** How the request authenticated: cookies are subject to the CSRF rule, tokens are not. */
  via: 'cookie' | 'token';
};

/** Administrators have every right whatever their stored rights say. */
export function customerRights(principal: Principal): EntityRights {
  if (principal.isAdmin) return { view: 'A', edit: 'A', add: 'A', delete: 'A', export: 'A' };
  return principal.rights.customers;
}
