import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from './client';
import { apiTokens, sessions, users } from './schema';

export type UserRow = typeof users.$inferSelect;

const LAST_USED_PRECISION = 60;

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
        .select({ user: users, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
        .limit(1);
      const found = rows[0];
      if (!found) return undefined;
      // "Last used" is shown to people, so minute precision will do: a read stays a read.
      if (found.lastUsedAt === null || now - found.lastUsedAt >= LAST_USED_PRECISION) {
        await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, found.tokenId));
      }
      return found.user;
    },
  };
}
