import { and, asc, count, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from './client';
import { customers, customerSegments, segments } from './schema';

export type SegmentRow = typeof segments.$inferSelect;
export type SegmentWithCount = SegmentRow & { customersCount: number };

/** Customer segments; counts only customers the caller may see (`visibility`). */
export function createSegmentRepository(db: Db) {
  /** One grouped query for a whole page of segments. */
  async function counts(ids: number[], visibility: SQL | undefined): Promise<Map<number, number>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ segmentId: customerSegments.segmentId, n: count() })
      .from(customerSegments)
      .innerJoin(customers, eq(customers.id, customerSegments.customerId))
      .where(
        and(inArray(customerSegments.segmentId, ids), eq(customers.isDeleted, false), visibility),
      )
      .groupBy(customerSegments.segmentId);
    return new Map(rows.map((r) => [r.segmentId, Number(r.n)]));
  }

  async function withCounts(
    rows: SegmentRow[],
    visibility: SQL | undefined,
  ): Promise<SegmentWithCount[]> {
    const byId = await counts(
      rows.map((r) => r.id),
      visibility,
    );
    return rows.map((r) => ({ ...r, customersCount: byId.get(r.id) ?? 0 }));
  }

  return {
    withCounts,

    async page(
      offset: number,
      limit: number,
      visibility: SQL | undefined,
    ): Promise<SegmentWithCount[]> {
      const rows = await db
        .select()
        .from(segments)
        .orderBy(asc(segments.id))
        .offset(offset)
        .limit(limit);
      return withCounts(rows, visibility);
    },

    async byId(id: number): Promise<SegmentRow | undefined> {
      const rows = await db.select().from(segments).where(eq(segments.id, id)).limit(1);
      return rows[0];
    },

    /** All-or-nothing; `max` is checked inside the transaction so two batches cannot both slip in. */
    async createMany(
      values: Array<{ name: string; color: string }>,
      now: number,
      max: number,
    ): Promise<SegmentRow[] | 'too-many'> {
      return db.transaction(async (tx) => {
        const [existing] = await tx.select({ n: count() }).from(segments);
        if (Number(existing?.n ?? 0) + values.length > max) return 'too-many';
        return tx
          .insert(segments)
          .values(values.map((v) => ({ ...v, createdAt: now, updatedAt: now })))
          .returning();
      });
    },

    async update(id: number, patch: { name?: string; color?: string }, now: number) {
      const rows = await db
        .update(segments)
        .set({ ...patch, updatedAt: now })
        .where(eq(segments.id, id))
        .returning();
      return rows[0];
    },

    /** Customers lose the segment through the foreign key's cascade. */
    async delete(id: number): Promise<void> {
      await db.delete(segments).where(eq(segments.id, id));
    },
  };
}
