import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { FieldDefinition } from '../services/customer-field-values';
import { arrayParam } from './bulk-sql';
import type { Db } from './client';
import { customerStatuses, customFields, segments, tags, users } from './schema';

/**
 * What a customer write refers to, looked up once per batch (never once per item):
 * users, tags, segments, statuses and the customers' custom-field definitions.
 */
export function createCustomerReferences(db: Db) {
  const existing = async (rows: Promise<Array<{ id: number }>>) =>
    new Set((await rows).map((r) => r.id));
  return {
    userIds(ids: number[]): Promise<Set<number>> {
      if (ids.length === 0) return Promise.resolve(new Set());
      return existing(db.select({ id: users.id }).from(users).where(inArray(users.id, ids)));
    },
    tagIds(ids: number[]): Promise<Set<number>> {
      if (ids.length === 0) return Promise.resolve(new Set());
      return existing(db.select({ id: tags.id }).from(tags).where(inArray(tags.id, ids)));
    },
    segmentIds(ids: number[]): Promise<Set<number>> {
      if (ids.length === 0) return Promise.resolve(new Set());
      return existing(
        db.select({ id: segments.id }).from(segments).where(inArray(segments.id, ids)),
      );
    },
    async statuses(): Promise<{ ids: Set<number>; defaultId: number | null }> {
      const rows = await db
        .select({ id: customerStatuses.id, isDefault: customerStatuses.isDefault })
        .from(customerStatuses)
        .orderBy(asc(customerStatuses.sort));
      return {
        ids: new Set(rows.map((r) => r.id)),
        defaultId: rows.find((r) => r.isDefault)?.id ?? null,
      };
    },
    async customerFields(): Promise<Map<number, FieldDefinition>> {
      const rows = await db
        .select({
          id: customFields.id,
          name: customFields.name,
          type: customFields.type,
          code: customFields.code,
          enums: customFields.enums,
        })
        .from(customFields)
        .where(eq(customFields.entityType, 'customers'));
      return new Map(rows.map((r) => [r.id, r]));
    },
    /**
     * Tag ids by lower-cased name. With `create`, names not found are added (inside the caller's
     * transaction); a concurrent insert of the same name is absorbed by the unique lower(name) index.
     */
    async tagIdsByName(names: string[], create: boolean): Promise<Map<string, number>> {
      const wanted = new Map<string, string>();
      for (const name of names) {
        const trimmed = name.trim();
        if (!wanted.has(trimmed.toLowerCase())) wanted.set(trimmed.toLowerCase(), trimmed);
      }
      if (wanted.size === 0) return new Map();
      const find = async () =>
        new Map(
          (
            await db
              .select({ id: tags.id, lower: sql<string>`lower(${tags.name})` })
              .from(tags)
              .where(sql`lower(${tags.name}) = any(${arrayParam([...wanted.keys()], 'text')})`)
          ).map((r) => [r.lower, r.id]),
        );
      const found = await find();
      const missing = [...wanted].filter(([lower]) => !found.has(lower)).map(([, name]) => name);
      if (!create || missing.length === 0) return found;
      await db.execute(
        sql`insert into ${tags} (name) select unnest(${arrayParam(missing, 'text')}) on conflict do nothing`,
      );
      return find();
    },
  };
}

export type CustomerReferences = ReturnType<typeof createCustomerReferences>;
