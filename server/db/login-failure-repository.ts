import { eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from './client';
import { loginFailures } from './schema';

export type BucketCount = { failures: number; windowStartedAt: number };

/**
 * Fixed-window counters of sign-in attempts. Every statement is one atomic upsert or update,
 * so concurrent attempts, in one process or in several sharing PostgreSQL, are all counted.
 */
export function createLoginFailureRepository(db: Db) {
  return {
    /** Counts one attempt in each bucket; a window older than `windowSeconds` starts afresh. */
    async count(buckets: string[], now: number, windowSeconds: number): Promise<BucketCount[]> {
      const expired = sql`${loginFailures.windowStartedAt} <= ${now - windowSeconds}`;
      const results: BucketCount[] = [];
      for (const bucket of buckets) {
        const [row] = await db
          .insert(loginFailures)
          .values({ bucket, failures: 1, windowStartedAt: now })
          .onConflictDoUpdate({
            target: loginFailures.bucket,
            set: {
              failures: sql`case when ${expired} then 1 else ${loginFailures.failures} + 1 end`,
              windowStartedAt: sql`case when ${expired} then ${now} else ${loginFailures.windowStartedAt} end`,
            },
          })
          .returning({
            failures: loginFailures.failures,
            windowStartedAt: loginFailures.windowStartedAt,
          });
        results.push(row!);
      }
      return results;
    },

    /** Takes back one counted attempt (it turned out to be a success). */
    async uncount(bucket: string): Promise<void> {
      await db
        .update(loginFailures)
        .set({ failures: sql`greatest(${loginFailures.failures} - 1, 0)` })
        .where(eq(loginFailures.bucket, bucket));
    },

    async clear(buckets: string[]): Promise<void> {
      await db.delete(loginFailures).where(inArray(loginFailures.bucket, buckets));
    },

    /** Drops windows that ended; called on the rare successful sign-in, not by a timer. */
    async sweep(now: number, windowSeconds: number): Promise<void> {
      await db.delete(loginFailures).where(lte(loginFailures.windowStartedAt, now - windowSeconds));
    },
  };
}

export type LoginFailureRepository = ReturnType<typeof createLoginFailureRepository>;
