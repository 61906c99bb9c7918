import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from './client';
import { apiTokens, sessions, users } from './schema';

export type UserRow = typeof users.$inferSelect;

/** Looks up the user behind a session or token hash; unknown, expired or revoked → undefined. */
export function createAuthRepository(db: Db) {
  return {
    async userBySession(idHash: string, now: number): Promise<UserRow | undefined> {
      const rows = await db
        .select({ user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now)))
        .limit(1);
      return rows[0]?.user;
    },

    async userByToken(tokenHash: string, now: number): Promise<UserRow | undefined> {
      const rows = await db
        .update(apiTokens)
        .set({ lastUsedAt: now })
        .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
        .returning({ userId: apiTokens.userId });
      const userId = rows[0]?.userId;
      if (userId === undefined) return undefined;
      const found = await db.select().from(users).where(eq(users.id, userId)).limit(1);
      return found[0];
    },
  };
}
