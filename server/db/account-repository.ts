import { eq } from 'drizzle-orm';
import type { Db } from './client';
import { accounts } from './schema';

/** The one account this server holds. Its id is fixed so links and seeds agree. */
export const ACCOUNT_ID = 28_805_383;

export type AccountRow = typeof accounts.$inferSelect;

export function createAccountRepository(db: Db) {
  return {
    async get(): Promise<AccountRow> {
      const rows = await db.select().from(accounts).where(eq(accounts.id, ACCOUNT_ID)).limit(1);
      if (!rows[0]) throw new Error('The account row is missing: the database was not seeded');
      return rows[0];
    },
    async setMode(mode: AccountRow['customersMode'], enabled: boolean, by: number, now: number) {
      await db
        .update(accounts)
        .set({ customersMode: mode, customersEnabled: enabled, updatedAt: now, updatedBy: by })
        .where(eq(accounts.id, ACCOUNT_ID));
    },
  };
}
