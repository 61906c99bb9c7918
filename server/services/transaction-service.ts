import type { TransactionCreateParsed } from '../../src/contracts/transaction';
import type { ValidationErrorsItem } from '../../src/contracts/problem';
import type { Db } from '../db/client';
import {
  createTransactionRepository,
  type TransactionListQuery,
  type TransactionRecord,
} from '../db/transaction-repository';
import { BadRequest, Forbidden, NoContent, ValidationFailed } from '../errors';
import type { BatchItem } from './batch-item';
import { requireCustomer } from './customer-access';
import type { Principal } from './principal';
import { mayActOn } from './rights';
import { findCustomerOwner } from '../db/customer-owner-repository';

export type TransactionPage = { items: TransactionRecord[]; hasNext: boolean };
export type AddedTransaction = { id: number; requestId: string; customerId: number };

const now = () => Math.floor(Date.now() / 1000);

/** Complaints about references an item makes: catalog elements and the creating user. */
async function referenceErrors(
  repo: ReturnType<typeof createTransactionRepository>,
  items: Array<BatchItem<TransactionCreateParsed>>,
): Promise<ValidationErrorsItem[]> {
  const elementIds = items.flatMap((i) =>
    (i.value._embedded?.catalog_elements ?? []).map((e) => e.id),
  );
  const userIds = items.flatMap((i) => (i.value.created_by ? [i.value.created_by] : []));
  const catalogOf = await repo.elementCatalogs([...new Set(elementIds)]);
  const users = await repo.existingUsers([...new Set(userIds)]);
  const failures: ValidationErrorsItem[] = [];
  for (const item of items) {
    const errors: ValidationErrorsItem['errors'] = [];
    (item.value._embedded?.catalog_elements ?? []).forEach((element, n) => {
      const catalogId = catalogOf.get(element.id);
      if (catalogId === undefined) {
        errors.push({
          code: 'NotFound',
          path: `_embedded.catalog_elements.${n}.id`,
          detail: `Catalog element ${element.id} does not exist`,
        });
      } else if (catalogId !== element.metadata.catalog_id) {
        errors.push({
          code: 'InvalidValue',
          path: `_embedded.catalog_elements.${n}.metadata.catalog_id`,
          detail: `Catalog element ${element.id} belongs to catalog ${catalogId}, not ${element.metadata.catalog_id}`,
        });
      }
    });
    const createdBy = item.value.created_by;
    if (createdBy && !users.has(createdBy)) {
      errors.push({
        code: 'NotFound',
        path: 'created_by',
        detail: `User ${createdBy} does not exist`,
      });
    }
    if (errors.length > 0) failures.push({ request_id: item.requestId, errors });
  }
  return failures;
}

/**
 * Transactions (purchases) of customers. Every read and write goes through the customer's
 * visibility; adding and deleting keep the customer's ltv, purchases_count and
 * average_check equal to what its transactions say, in the same DB transaction.
 */
export function createTransactionService({ db }: { db: Db }) {
  return {
    async list(principal: Principal, query: TransactionListQuery): Promise<TransactionPage> {
      const rows = await createTransactionRepository(db).list(principal, query);
      if (rows.length === 0) throw new NoContent();
      return { items: rows.slice(0, query.limit), hasNext: rows.length > query.limit };
    },

    async get(principal: Principal, id: number, customerId?: number): Promise<TransactionRecord> {
      const found = await createTransactionRepository(db).find(principal, id, customerId);
      if (!found) throw new NoContent();
      return found;
    },

    async add(
      principal: Principal,
      customerId: number,
      items: Array<BatchItem<TransactionCreateParsed>>,
    ): Promise<AddedTransaction[]> {
      return db.transaction(async (tx) => {
        await requireCustomer(tx, principal, customerId, 'edit', { lock: true });
        const repo = createTransactionRepository(tx);
        const failures = await referenceErrors(repo, items);
        if (failures.length > 0) throw new ValidationFailed(failures);
        const at = now();
        const ids = await repo.insertMany(
          items.map(({ value }) => ({
            customerId,
            price: value.price,
            comment: value.comment ?? null,
            completedAt: value.completed_at ?? at,
            // amoCRM's own example sends created_by 0: it means "whoever is calling".
            createdBy: value.created_by || principal.id,
            catalogElements: value._embedded?.catalog_elements ?? [],
            now: at,
          })),
        );
        // The last item that names a next purchase wins, as if they were sent one by one.
        const next: { price?: number; date?: number | null } = {};
        for (const { value } of items) {
          if (value.next_price !== undefined) next.price = value.next_price;
          if (value.next_date !== undefined) next.date = value.next_date;
        }
        await repo.refreshCustomerFigures(customerId, principal.id, at, next);
        return ids.map((id, n) => ({ id, requestId: items[n]!.requestId, customerId }));
      });
    },

    /**
     * Deletes one transaction. A missing one (or one of a customer the caller cannot see,
     * or of another customer than the path names) is a 400 "not found" problem, not a 204:
     * a client deleting the wrong id should hear about it.
     */
    async remove(principal: Principal, id: number, customerId?: number): Promise<void> {
      await db.transaction(async (tx) => {
        const repo = createTransactionRepository(tx);
        const found = await repo.find(principal, id, customerId);
        if (!found) throw new BadRequest(`Transaction ${id} not found`);
        const owner = await findCustomerOwner(tx, principal, found.customer_id, { lock: true });
        if (!owner) throw new BadRequest(`Transaction ${id} not found`);
        if (!mayActOn(principal, 'edit', owner)) {
          throw new Forbidden(`You may not edit customer ${found.customer_id}`);
        }
        // Someone else may have deleted it while we waited for the customer's lock.
        if (!(await repo.delete(id))) throw new BadRequest(`Transaction ${id} not found`);
        await repo.refreshCustomerFigures(found.customer_id, principal.id, now(), {});
      });
    },
  };
}

export type TransactionService = ReturnType<typeof createTransactionService>;
