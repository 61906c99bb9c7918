import type { z } from 'zod';
import type { bonusPointsBodySchema } from '../../src/contracts/customer';
import type { Db } from '../db/client';
import { changeBonusPoints } from '../db/customer-owner-repository';
import { BadRequest } from '../errors';
import { requireCustomer } from './customer-access';
import type { Principal } from './principal';

export type BonusPointsChange = z.output<typeof bonusPointsBodySchema>;

/** Earning and redeeming a customer's bonus points; changing the balance is an edit. */
export function createBonusPointsService({ db }: { db: Db }) {
  return {
    async apply(
      principal: Principal,
      customerId: number,
      change: BonusPointsChange,
    ): Promise<number> {
      return db.transaction(async (tx) => {
        await requireCustomer(tx, principal, customerId, 'edit');
        const delta = 'earn' in change ? change.earn : -change.redeem;
        const balance = await changeBonusPoints(
          tx,
          customerId,
          delta,
          principal.id,
          Math.floor(Date.now() / 1000),
        );
        if (balance === undefined) {
          throw new BadRequest(`Customer ${customerId} has fewer bonus points than ${-delta}`);
        }
        return balance;
      });
    },
  };
}
