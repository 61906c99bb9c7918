import { and, asc, eq } from 'drizzle-orm';
import type { Db } from './client';
import { customFields } from './schema';

export type CustomFieldRow = typeof customFields.$inferSelect;
export type FieldEntity = 'customers' | 'contacts';

/** Custom field definitions of one entity type, in display order. */
export function createCustomFieldRepository(db: Db) {
  return {
    async page(entity: FieldEntity, offset: number, limit: number): Promise<CustomFieldRow[]> {
      return db
        .select()
        .from(customFields)
        .where(eq(customFields.entityType, entity))
        .orderBy(asc(customFields.sort), asc(customFields.id))
        .offset(offset)
        .limit(limit);
    },

    async byId(entity: FieldEntity, id: number): Promise<CustomFieldRow | undefined> {
      const rows = await db
        .select()
        .from(customFields)
        .where(and(eq(customFields.entityType, entity), eq(customFields.id, id)))
        .limit(1);
      return rows[0];
    },
  };
}
