import {
  missingForMode,
  MODE_REQUIRED_DETAIL,
  type Customer,
  type CustomerCreateParsed,
  type CustomersWith,
} from '../../src/contracts/customer';
import type { ValidationErrorsItem } from '../../src/contracts/problem';
import type { AccountRepository } from '../db/account-repository';
import type { Db } from '../db/client';
import type { CustomerListQuery } from '../db/customer-list-query';
import { createCustomerReferences } from '../db/customer-references';
import { createCustomerRepository, type CustomerInsert } from '../db/customer-repository';
import { Forbidden, NoContent, ValidationFailed } from '../errors';
import type { BatchItem } from '../routes/validate';
import { assertBatchCost } from './batch-cost';
import { mergeFieldValues } from './customer-field-values';
import { updateCustomers, type UpdateItem } from './customer-update';
import { checkWriteItem, loadWriteContext, resolveTags, tagNamesOf } from './customer-write-checks';
import type { Principal } from './principal';
import { customerVisibility, mayEver } from './rights';
import { buildSearchText } from './search-text';

export type WriteResult = { id: number; requestId: string; updatedAt?: number };

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Customers: reads limited to what the caller may view, batch writes all-or-nothing. */
export function createCustomerService({ db, account }: { db: Db; account: AccountRepository }) {
  const repo = createCustomerRepository(db);

  return {
    /** A page of customers; an empty page (nothing matches, or past the end) is a 204. */
    async list(
      principal: Principal,
      query: CustomerListQuery,
      kinds: ReadonlySet<CustomersWith>,
      base: string,
    ) {
      const page = await repo.list(query, customerVisibility(principal), kinds, base);
      if (page.customers.length === 0) throw new NoContent();
      return page;
    },

    /** One customer; one the caller may not view answers like a missing one (204), revealing nothing. */
    async get(
      principal: Principal,
      id: number,
      kinds: ReadonlySet<CustomersWith>,
      base: string,
    ): Promise<Customer> {
      const customer = await repo.findOne(id, customerVisibility(principal), kinds, base);
      if (!customer) throw new NoContent();
      return customer;
    },

    async create(
      principal: Principal,
      items: Array<BatchItem<CustomerCreateParsed>>,
    ): Promise<WriteResult[]> {
      if (!mayEver(principal, 'add')) throw new Forbidden('You have no right to add customers');
      assertBatchCost(items.map((i) => i.value));
      const mode = (await account.get()).customersMode;
      const now = nowSeconds();
      // Checks run inside the transaction too, so a tag or segment deleted meanwhile cannot slip in.
      return db.transaction(async (tx) => {
        const refs = createCustomerReferences(tx);
        const ctx = await loadWriteContext(
          refs,
          items.map((i) => i.value),
        );
        const failures: ValidationErrorsItem[] = [];
        const rows: CustomerInsert[] = items.map(({ value: item, requestId }) => {
          const modeErrors = missingForMode(item, mode).map((path) => ({
            code: 'NotBlank',
            path,
            detail: MODE_REQUIRED_DETAIL,
          }));
          const { errors, fieldChanges } = checkWriteItem(item, ctx);
          if (modeErrors.length + errors.length > 0) {
            failures.push({ request_id: requestId, errors: [...modeErrors, ...errors] });
          }
          const fields = mergeFieldValues(null, fieldChanges);
          const name = item.name ?? '';
          return {
            name,
            nextPrice: item.next_price ?? 0,
            nextDate: item.next_date ?? null,
            responsibleUserId: item.responsible_user_id ?? principal.id,
            statusId: item.status_id === undefined ? ctx.defaultStatusId : item.status_id,
            periodicity: item.periodicity ?? 0,
            createdBy: item.created_by ?? principal.id,
            updatedBy: item.updated_by ?? principal.id,
            createdAt: item.created_at ?? now,
            updatedAt: item.updated_at ?? now,
            customFieldsValues: fields.length > 0 ? fields : null,
            searchText: buildSearchText(name, fields),
          };
        });
        if (failures.length > 0) throw new ValidationFailed(failures);

        const names = items.flatMap((i) => tagNamesOf(i.value._embedded?.tags));
        const byName = await refs.tagIdsByName(names, true);
        const customerRepo = createCustomerRepository(tx);
        const ids = await customerRepo.insertMany(rows);
        const tagSets = new Map<number, number[]>();
        const segmentSets = new Map<number, number[]>();
        items.forEach(({ value }, index) => {
          const id = ids[index]!;
          tagSets.set(id, resolveTags(value._embedded?.tags, byName));
          segmentSets.set(id, [...new Set((value._embedded?.segments ?? []).map((s) => s.id))]);
        });
        await customerRepo.addTags(tagSets);
        await customerRepo.replaceSegments(segmentSets);
        return items.map(({ requestId }, index) => ({ id: ids[index]!, requestId }));
      });
    },

    async update(
      principal: Principal,
      items: Array<BatchItem<UpdateItem>>,
    ): Promise<WriteResult[]> {
      assertBatchCost(items.map((i) => i.value));
      const mode = (await account.get()).customersMode;
      return db.transaction((tx) => updateCustomers(tx, principal, mode, items, nowSeconds()));
    },
  };
}

export type CustomerService = ReturnType<typeof createCustomerService>;
