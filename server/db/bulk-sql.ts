import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client';

/**
 * Set-based writes for batches. A 250-item batch with 100 tags each is 25,000 link rows: as one
 * `values ($1, $2), …` list that is 50,000 parameters for Drizzle to build and PostgreSQL to
 * parse, and as one statement per item it is 250 round trips (each firing statement triggers).
 * Arrays bound as single parameters and `update … from (values …)` keep it to one statement
 * with a handful of parameters, whatever the batch holds.
 */

/** One array parameter, typed for PostgreSQL (`$1::integer[]`). */
export function arrayParam(values: readonly unknown[], type: 'integer' | 'text'): SQL {
  return sql`${sql.param(values)}::${sql.raw(type)}[]`;
}

/**
 * Applies a different patch to each row by id in as few statements as there are distinct
 * sets of patched columns (one for an ordinary batch). Undefined keys leave a column alone.
 */
export async function updateByIds<T extends PgTable>(
  db: Db,
  table: T,
  rows: ReadonlyArray<{ id: number; patch: Record<string, unknown> }>,
): Promise<void> {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const groups = new Map<string, Array<{ id: number; patch: Record<string, unknown> }>>();
  for (const row of rows) {
    const keys = Object.keys(row.patch)
      .filter((k) => row.patch[k] !== undefined)
      .sort();
    const signature = keys.join(',');
    groups.set(signature, [...(groups.get(signature) ?? []), row]);
  }
  for (const [signature, group] of groups) {
    if (signature === '') continue;
    const targets = signature.split(',').map((key) => {
      const column = columns[key];
      if (!column) throw new Error(`No column ${key} in the table being updated`);
      return { key, column };
    });
    const tuples = group.map(
      ({ id, patch }) =>
        sql`(${id}::integer, ${sql.join(
          targets.map(
            ({ key, column }) =>
              sql`${sql.param(patch[key], column)}::${sql.raw(column.getSQLType())}`,
          ),
          sql`, `,
        )})`,
    );
    const names = sql.join(
      targets.map(({ column }) => sql.identifier(column.name)),
      sql`, `,
    );
    const assignments = sql.join(
      targets.map(
        ({ column }) => sql`${sql.identifier(column.name)} = v.${sql.identifier(column.name)}`,
      ),
      sql`, `,
    );
    await db.execute(
      sql`update ${table} set ${assignments} from (values ${sql.join(tuples, sql`, `)}) as v(id, ${names}) where ${table}.id = v.id`,
    );
  }
}
