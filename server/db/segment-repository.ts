import { and, asc, count, eq, getTableColumns, inArray, type SQL } from 'drizzle-orm';
import type { Db } from './client';
import { customers, customerSegments, segments } from './schema';

// The stored count covers every customer, so it is read only for callers who may see them all.
const { customersCount: storedCount, ...segmentColumns } = getTableColumns(segments);

export type SegmentRow = Omit<typeof segments.$inferSelect, 'customersCount'>;
export type SegmentWithCount = SegmentRow & { customersCount: number };

/** Customer segments; counts only customers the caller may see (`visibility`). */
export function createSegmentRepository(db: Db) {
  /** The triggers' counts (migration 0002): right for a caller who may see every customer. */
  async function storedCounts(ids: number[]): Promise<Map<number, number>> {
    const rows = await db
      .select({ id: segments.id, n: storedCount })
      .from(segments)
      .where(inArray(segments.id, ids));
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  /** One grouped join for a whole page; it reads the customers table, so only when restricted. */
  async function visibleCounts(ids: number[], visibility: SQL): Promise<Map<number, number>> {
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
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const byId = visibility ? await visibleCounts(ids, visibility) : await storedCounts(ids);
    return rows.map((r) => ({ ...r, customersCount: byId.get(r.id) ?? 0 }));
  }

  return {
    withCounts,

    async page(
      offset: number,
      limit: number,
      visibility: SQL | undefined,
    ): Promise<SegmentWithCount[]> {
      if (!visibility) {
        return db
          .select({ ...segmentColumns, customersCount: storedCount })
          .from(segments)
          .orderBy(asc(segments.id))
          .offset(offset)
          .limit(limit);
      }
      const rows = await db
        .select(segmentColumns)
        .from(segments)
        .orderBy(asc(segments.id))
        .offset(offset)
        .limit(limit);
      return withCounts(rows, visibility);
    },

    async byId(id: number): Promise<SegmentRow | undefined> {
      const rows = await db
        .select(segmentColumns)
        .from(segments)
        .where(eq(segments.id, id))
        .limit(1);
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
          .returning(segmentColumns);
      });
    },

    async update(id: number, patch: { name?: string; color?: string }, now: number) {
      const rows = await db
        .update(segments)
        .set({ ...patch, updatedAt: now })
        .where(eq(segments.id, id))
        .returning(segmentColumns);
      return rows[0];
    },

    /** Customers lose the segment through the foreign key's cascade. */
    async delete(id: number): Promise<void> {
      await db.delete(segments).where(eq(segments.id, id));
    },
  };
}
