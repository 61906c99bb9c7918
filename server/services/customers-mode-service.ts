import type { CustomersModeBody } from '../../src/contracts/customer';
import type { AccountRepository } from '../db/account-repository';
import { Forbidden } from '../errors';
import type { Principal } from './principal';

/** `PATCH /api/v4/customers/mode`: switching customers on/off and their mode is for admins only. */
export function createCustomersModeService({ account }: { account: AccountRepository }) {
  return {
    /** Checked before the body, so a non-admin gets 403 whatever they send. */
    assertMayChange(principal: Principal): void {
      if (!principal.isAdmin)
        throw new Forbidden('Only administrators can change the customers mode');
    },

    async setMode(principal: Principal, body: CustomersModeBody): Promise<CustomersModeBody> {
      this.assertMayChange(principal);
      await account.setMode(
        body.mode,
        body.is_enabled,
        principal.id,
        Math.floor(Date.now() / 1000),
      );
      // amoCRM answers with exactly the properties it was given.
      return { mode: body.mode, is_enabled: body.is_enabled };
    },
  };
}
