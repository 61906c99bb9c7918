import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { UserRights } from '../../src/contracts/user';
import type { Db } from './client';
import { users } from './schema';

export type UserRow = typeof users.$inferSelect;

/** Users of the account; rows are mapped to amoCRM's shape by the routes' presenter. */
export function createUserRepository(db: Db) {
  return {
    /** Emails are compared case-insensitively: people type them as they like. */
    async byEmail(email: string): Promise<UserRow | undefined> {
      const rows = await db
        .select()
        .from(users)
        .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
        .limit(1);
      return rows[0];
    },

    async byId(id: number): Promise<UserRow | undefined> {
      const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
      return rows[0];
    },

    async byEmails(emails: readonly string[]): Promise<UserRow[]> {
      if (emails.length === 0) return [];
      return db
        .select()
        .from(users)
        .where(inArray(users.email, [...emails]));
    },

    /** One page, fetching one row more than asked so the caller knows whether a next page exists. */
    async page(offset: number, limit: number): Promise<UserRow[]> {
      return db.select().from(users).orderBy(asc(users.id)).offset(offset).limit(limit);
    },

    async setRights(id: number, rights: UserRights): Promise<UserRow | undefined> {
      const rows = await db
        .update(users)
        .set({ rights, groupId: rights.group_id })
        .where(eq(users.id, id))
        .returning();
      return rows[0];
    },
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
