import { and, asc, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from './client';
import { tags } from './schema';

export type TagRow = typeof tags.$inferSelect;
export type TagFilter = { ids?: number[]; names?: string[]; query?: string };

/** `%` and `_` in a search are literal characters, not wildcards. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Postgres' unique_violation, whether or not Drizzle wraps the driver's error in `cause`. */
function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 3 && typeof current === 'object' && current !== null; depth++) {
    if ((current as { code?: unknown }).code === '23505') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Customers' tags; names are unique whatever their letter case. */
export function createTagRepository(db: Db) {
  return {
    async page(filter: TagFilter, offset: number, limit: number): Promise<TagRow[]> {
      const conditions: SQL[] = [];
      if (filter.ids) conditions.push(inArray(tags.id, filter.ids));
      if (filter.names) {
        conditions.push(
          inArray(
            sql`lower(${tags.name})`,
            filter.names.map((n) => n.toLowerCase()),
          ),
        );
      }
      if (filter.query) conditions.push(sql`${tags.name} ilike ${likePattern(filter.query)}`);
      return db
        .select()
        .from(tags)
        .where(and(...conditions))
        .orderBy(asc(tags.id))
        .offset(offset)
        .limit(limit);
    },

    /**
     * All-or-nothing. Answers the lower-cased names that already exist instead of inserting;
     * the unique index still guards a concurrent insert of the same name.
     */
    async createMany(
      values: Array<{ name: string; color: string | null }>,
    ): Promise<{ created: TagRow[] } | { taken: Set<string> }> {
      const lower = values.map((v) => v.name.toLowerCase());
      try {
        return await db.transaction(async (tx) => {
          const existing = await tx
            .select({ name: tags.name })
            .from(tags)
            .where(inArray(sql`lower(${tags.name})`, lower));
          if (existing.length > 0) {
            return { taken: new Set(existing.map((r) => r.name.toLowerCase())) };
          }
          return { created: await tx.insert(tags).values(values).returning() };
        });
      } catch (error) {
        // A concurrent request took one of the names between our check and our insert.
        if (isUniqueViolation(error)) return { taken: new Set(lower) };
        throw error;
      }
    },
  };
}
