import { and, asc, count, desc, eq, inArray, or } from 'drizzle-orm';
import type { SavedView } from '../../src/contracts/saved-view';
import type { Db } from './client';
import { savedViewDefaults, savedViews } from './schema';

type SavedViewRow = typeof savedViews.$inferSelect;

function toSavedView(row: SavedViewRow): SavedView {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    shared: row.shared,
    owner_id: row.ownerId,
    position: row.position,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}

export type SavedViewChanges = Partial<Pick<SavedViewRow, 'name' | 'url' | 'shared'>>;

/** Saved grid views and each user's default view. */
export function createSavedViewRepository(db: Db) {
  return {
    /** Shared views first, then the user's own, each in its stored order. */
    async visibleTo(userId: number): Promise<SavedView[]> {
      const rows = await db
        .select()
        .from(savedViews)
        .where(or(eq(savedViews.shared, true), eq(savedViews.ownerId, userId)))
        .orderBy(desc(savedViews.shared), asc(savedViews.position), asc(savedViews.id));
      return rows.map(toSavedView);
    },

    async byId(id: number): Promise<SavedView | undefined> {
      const rows = await db.select().from(savedViews).where(eq(savedViews.id, id)).limit(1);
      return rows[0] ? toSavedView(rows[0]) : undefined;
    },

    async byIds(ids: number[]): Promise<SavedView[]> {
      if (ids.length === 0) return [];
      const rows = await db.select().from(savedViews).where(inArray(savedViews.id, ids));
      return rows.map(toSavedView);
    },

    async countOwnedBy(userId: number): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(savedViews)
        .where(eq(savedViews.ownerId, userId));
      return row?.n ?? 0;
    },

    async create(view: {
      ownerId: number;
      name: string;
      url: string;
      shared: boolean;
      now: number;
    }): Promise<SavedView> {
      // New views go last in their list; positions need only be ordered, not dense.
      const [last] = await db
        .select({ position: savedViews.position })
        .from(savedViews)
        .where(
          view.shared
            ? eq(savedViews.shared, true)
            : and(eq(savedViews.shared, false), eq(savedViews.ownerId, view.ownerId)),
        )
        .orderBy(desc(savedViews.position))
        .limit(1);
      const [row] = await db
        .insert(savedViews)
        .values({
          ownerId: view.ownerId,
          name: view.name,
          url: view.url,
          shared: view.shared,
          position: (last?.position ?? -1) + 1,
          createdAt: view.now,
          updatedAt: view.now,
        })
        .returning();
      return toSavedView(row!);
    },

    async update(id: number, changes: SavedViewChanges, now: number): Promise<SavedView> {
      const [row] = await db
        .update(savedViews)
        .set({ ...changes, updatedAt: now })
        .where(eq(savedViews.id, id))
        .returning();
      return toSavedView(row!);
    },

    async remove(id: number): Promise<void> {
      await db.delete(savedViews).where(eq(savedViews.id, id));
    },

    /** Positions follow the order of `ids`, in one transaction. */
    async reorder(ids: number[]): Promise<void> {
      await db.transaction(async (tx) => {
        for (const [position, id] of ids.entries()) {
          await tx.update(savedViews).set({ position }).where(eq(savedViews.id, id));
        }
      });
    },

    async defaultOf(userId: number): Promise<number | null> {
      const rows = await db
        .select({ viewId: savedViewDefaults.viewId })
        .from(savedViewDefaults)
        .where(eq(savedViewDefaults.userId, userId))
        .limit(1);
      return rows[0]?.viewId ?? null;
    },

    async setDefault(userId: number, viewId: number | null): Promise<void> {
      if (viewId === null) {
        await db.delete(savedViewDefaults).where(eq(savedViewDefaults.userId, userId));
        return;
      }
      await db
        .insert(savedViewDefaults)
        .values({ userId, viewId })
        .onConflictDoUpdate({ target: savedViewDefaults.userId, set: { viewId } });
    },
  };
}

export type SavedViewRepository = ReturnType<typeof createSavedViewRepository>;
