import { eq, lte, or } from 'drizzle-orm';
import type { Db } from './client';
import { sessions } from './schema';

/** Console sessions, stored by the sha256 of the cookie value only. */
export function createSessionRepository(db: Db) {
  return {
    /** `idleSince`: sessions last seen at or before it are over (swept here too). */
    async create(
      idHash: string,
      userId: number,
      now: number,
      { expiresAt, idleSince }: { expiresAt: number; idleSince: number },
    ): Promise<void> {
      // Expired sessions are swept here, on the rare write, rather than by a timer.
      await db
        .delete(sessions)
        .where(or(lte(sessions.expiresAt, now), lte(sessions.lastSeenAt, idleSince)));
      await db
        .insert(sessions)
        .values({ idHash, userId, createdAt: now, expiresAt, lastSeenAt: now });
    },

    async delete(idHash: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.idHash, idHash));
    },
  };
}

export type SessionRepository = ReturnType<typeof createSessionRepository>;
