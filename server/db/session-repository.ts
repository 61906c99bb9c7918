import { eq, lte } from 'drizzle-orm';
import type { Db } from './client';
import { sessions } from './schema';

/** Console sessions, stored by the sha256 of the cookie value only. */
export function createSessionRepository(db: Db) {
  return {
    async create(idHash: string, userId: number, now: number, expiresAt: number): Promise<void> {
      // Expired sessions are swept here, on the rare write, rather than by a timer.
      await db.delete(sessions).where(lte(sessions.expiresAt, now));
      await db.insert(sessions).values({ idHash, userId, createdAt: now, expiresAt });
    },

    async delete(idHash: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.idHash, idHash));
    },
  };
}

export type SessionRepository = ReturnType<typeof createSessionRepository>;
