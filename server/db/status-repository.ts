import { asc, eq } from 'drizzle-orm';
import type { Db } from './client';
import { customerStatuses } from './schema';

export type StatusRow = typeof customerStatuses.$inferSelect;

/** Periodicity mode's stages, in pipeline order. */
export function createStatusRepository(db: Db) {
  return {
    async page(offset: number, limit: number): Promise<StatusRow[]> {
      return db
        .select()
        .from(customerStatuses)
        .orderBy(asc(customerStatuses.sort), asc(customerStatuses.id))
        .offset(offset)
        .limit(limit);
    },

    async byId(id: number): Promise<StatusRow | undefined> {
      const rows = await db
        .select()
        .from(customerStatuses)
        .where(eq(customerStatuses.id, id))
        .limit(1);
      return rows[0];
    },
  };
}
