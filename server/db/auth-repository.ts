import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from './client';
import { apiTokens, sessions, users } from './schema';

export type UserRow = typeof users.$inferSelect;

const LAST_USED_PRECISION = 60;

/** Looks up the user behind a session or token hash; unknown, expired or revoked → undefined. */
export function createAuthRepository(db: Db) {
  return {
    /** A live session: before its absolute expiry and seen after `idleSince`. */
    async userBySession(
      idHash: string,
      now: number,
      idleSince: number,
    ): Promise<UserRow | undefined> {
      const rows = await db
        .select({ user: users, lastSeenAt: sessions.lastSeenAt })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(
          and(
            eq(sessions.idHash, idHash),
            gt(sessions.expiresAt, now),
            gt(sessions.lastSeenAt, idleSince),
          ),
        )
        .limit(1);
      const found = rows[0];
      if (!found) return undefined;
      if (now - found.lastSeenAt >= LAST_USED_PRECISION) {
        await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
      }
      return found.user;
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
