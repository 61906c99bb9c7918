import { eq } from 'drizzle-orm';
import type { Db } from './client';
import { accounts } from './schema';

/** The one account this server holds. Its id is fixed so links and seeds agree. */
export const ACCOUNT_ID = 28_805_383;

export type AccountRow = typeof accounts.$inferSelect;

export type AccountRepository = ReturnType<typeof createAccountRepository>;

/**
 * The account is read on most requests (mode rules) and written only through `setMode`,
 * by this process, which owns the database: so it is cached and refreshed on write.
 */
export function createAccountRepository(db: Db) {
  let cached: AccountRow | undefined;
  return {
    async get(): Promise<AccountRow> {
      if (cached) return cached;
      const rows = await db.select().from(accounts).where(eq(accounts.id, ACCOUNT_ID)).limit(1);
      if (!rows[0]) throw new Error('The account row is missing: the database was not seeded');
      cached = rows[0];
      return cached;
    },
    async setMode(mode: AccountRow['customersMode'], enabled: boolean, by: number, now: number) {
      const rows = await db
        .update(accounts)
        .set({ customersMode: mode, customersEnabled: enabled, updatedAt: now, updatedBy: by })
        .where(eq(accounts.id, ACCOUNT_ID))
        .returning();
      cached = rows[0];
    },
  };
}
