import { and, eq, gte, sql } from 'drizzle-orm';
import type { Principal } from '../services/principal';
import { customerVisibility, type Owner } from '../services/rights';
import type { Db } from './client';
import { customers, users } from './schema';

export type CustomerOwner = Owner & { id: number };

/**
 * The owner of a customer the principal may view, or undefined when it is missing or hidden
 * (the two look the same to the caller, so hidden customers do not leak their existence).
 * `lock` takes the row lock first, so concurrent writers of the same customer's figures
 * queue up instead of each recomputing from a snapshot that lacks the other's rows.
 */
export async function findCustomerOwner(
  db: Db,
  principal: Principal,
  customerId: number,
  { lock = false } = {},
): Promise<CustomerOwner | undefined> {
  const query = db
    .select({
      id: customers.id,
      responsibleUserId: customers.responsibleUserId,
      responsibleGroupId: users.groupId,
    })
    .from(customers)
    .leftJoin(users, eq(users.id, customers.responsibleUserId))
    .where(and(eq(customers.id, customerId), customerVisibility(principal)))
    .limit(1);
  const rows = lock ? await query.for('update', { of: customers }) : await query;
  return rows[0];
}

/** Marks a customer as changed by `by` (links, transactions and bonus points count as edits). */
export async function touchCustomer(db: Db, customerId: number, by: number, now: number) {
  await db
    .update(customers)
    .set({ updatedAt: now, updatedBy: by })
    .where(eq(customers.id, customerId));
}

/**
 * Adds `delta` to the customer's bonus points unless that would go below zero, in one
 * statement so two concurrent redemptions cannot both spend the same points.
 * Returns the new balance, or undefined when the balance is too small.
 */
export async function changeBonusPoints(
  db: Db,
  customerId: number,
  delta: number,
  by: number,
  now: number,
): Promise<number | undefined> {
  const rows = await db
    .update(customers)
    .set({ bonusPoints: sql`${customers.bonusPoints} + ${delta}`, updatedAt: now, updatedBy: by })
    .where(and(eq(customers.id, customerId), gte(sql`${customers.bonusPoints} + ${delta}`, 0)))
    .returning({ bonusPoints: customers.bonusPoints });
  return rows[0]?.bonusPoints;
}
