import { and, asc, eq, isNull } from 'drizzle-orm';
import type { ApiToken } from '../../src/contracts/auth';
import type { Db } from './client';
import { apiTokens } from './schema';

type TokenRow = typeof apiTokens.$inferSelect;

function toApiToken(row: TokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    user_id: row.userId,
    created_at: row.createdAt,
    last_used_at: row.lastUsedAt,
  };
}

/** API tokens; only the sha256 of a token is ever stored. Revoked tokens are kept, hidden. */
export function createTokenRepository(db: Db) {
  return {
    async create(userId: number, name: string, tokenHash: string, now: number): Promise<ApiToken> {
      const [row] = await db
        .insert(apiTokens)
        .values({ userId, name, tokenHash, createdAt: now })
        .returning();
      return toApiToken(row!);
    },

    /** Live tokens, of one user or (undefined) of everyone. */
    async list(userId: number | undefined): Promise<ApiToken[]> {
      const live = isNull(apiTokens.revokedAt);
      const rows = await db
        .select()
        .from(apiTokens)
        .where(userId === undefined ? live : and(live, eq(apiTokens.userId, userId)))
        .orderBy(asc(apiTokens.id));
      return rows.map(toApiToken);
    },

    async liveById(id: number): Promise<ApiToken | undefined> {
      const rows = await db
        .select()
        .from(apiTokens)
        .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
        .limit(1);
      return rows[0] ? toApiToken(rows[0]) : undefined;
    },

    async revoke(id: number, now: number): Promise<void> {
      await db
        .update(apiTokens)
        .set({ revokedAt: now })
        .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
    },
  };
}
