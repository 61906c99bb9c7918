import type { CustomerUpdateParsed, CustomersMode } from '../../src/contracts/customer';
import type { ValidationErrorsItem } from '../../src/contracts/problem';
import type { Db } from '../db/client';
import { createCustomerReferences } from '../db/customer-references';
import { createCustomerRepository, type CustomerPatch } from '../db/customer-repository';
import { Forbidden, ValidationFailed } from '../errors';
import type { BatchItem } from '../routes/validate';
import { mergeFieldValues } from './customer-field-values';
import {
  blankedForMode,
  checkWriteItem,
  loadWriteContext,
  resolveTags,
  tagNamesOf,
} from './customer-write-checks';
import type { Principal } from './principal';
import { customerVisibility, mayActOn } from './rights';
import { buildSearchText } from './search-text';

/** An update item whose id is known (from the body, or from the path on `PATCH /customers/{id}`). */
export type UpdateItem = CustomerUpdateParsed & { id: number };

/**
 * A batch update inside the caller's transaction, all-or-nothing:
 * - a customer the caller cannot see is reported like a missing one (400, `id` NotFound), so a
 *   user with view M learns nothing about others' customers;
 * - a customer the caller sees but may not edit refuses the whole request with 403;
 * - tags: `_embedded.tags` replaces the set, then `tags_to_add` / `tags_to_delete` adjust it;
 *   custom fields merge by field_id (a field sent with no values is cleared).
 */
export async function updateCustomers(
  tx: Db,
  principal: Principal,
  mode: CustomersMode,
  items: Array<BatchItem<UpdateItem>>,
  now: number,
) {
  const repo = createCustomerRepository(tx);
  const refs = createCustomerReferences(tx);
  const existing = await repo.findForUpdate(
    items.map((i) => i.value.id),
    customerVisibility(principal),
  );
  const locked = items.filter(({ value }) => {
    const current = existing.get(value.id);
    return current !== undefined && !mayActOn(principal, 'edit', current);
  });
  if (locked.length > 0) {
    throw new Forbidden(
      `You have no right to edit customer ${locked.map((i) => i.value.id).join(', ')}`,
    );
  }

  const ctx = await loadWriteContext(
    refs,
    items.map((i) => i.value),
  );
  const failures: ValidationErrorsItem[] = [];
  const seen = new Set<number>();
  const patches = items.map(({ value: item, requestId }) => {
    const current = existing.get(item.id);
    const { errors, fieldChanges } = checkWriteItem(item, ctx);
    if (!current)
      errors.unshift({ code: 'NotFound', path: 'id', detail: `Customer ${item.id} not found` });
    if (seen.has(item.id)) {
      errors.unshift({
        code: 'InvalidValue',
        path: 'id',
        detail: 'The same customer is named twice in the batch',
      });
    }
    seen.add(item.id);
    errors.push(...blankedForMode(item, mode));
    if (errors.length > 0) failures.push({ request_id: requestId, errors });

    const patch: CustomerPatch = {
      name: item.name,
      nextPrice: item.next_price,
      nextDate: item.next_date,
      responsibleUserId: item.responsible_user_id,
      statusId: item.status_id,
      periodicity: item.periodicity,
      createdBy: item.created_by,
      createdAt: item.created_at,
      updatedBy: item.updated_by ?? principal.id,
      updatedAt: item.updated_at ?? now,
    };
    if (item.custom_fields_values !== undefined) {
      const merged =
        item.custom_fields_values === null
          ? []
          : mergeFieldValues(current?.customFieldsValues ?? null, fieldChanges);
      patch.customFieldsValues = merged.length > 0 ? merged : null;
    }
    if (current && (item.name !== undefined || item.custom_fields_values !== undefined)) {
      patch.searchText = buildSearchText(
        item.name ?? current.name,
        patch.customFieldsValues ?? current.customFieldsValues,
      );
    }
    return patch;
  });
  if (failures.length > 0) throw new ValidationFailed(failures);

  const byName = await refs.tagIdsByName(
    items.flatMap(({ value }) => [
      ...tagNamesOf(value._embedded?.tags),
      ...tagNamesOf(value.tags_to_add),
    ]),
    true,
  );
  const toDeleteByName = await refs.tagIdsByName(
    items.flatMap(({ value }) => tagNamesOf(value.tags_to_delete)),
    false,
  );
  const replaced = new Map<number, number[]>();
  const added = new Map<number, number[]>();
  const deleted = new Map<number, number[]>();
  const segments = new Map<number, number[]>();
  // Undefined keys are left out of SET, so absent fields stay as they are.
  await repo.updateMany(
    items.map(({ value }, index) => ({ id: value.id, patch: patches[index]! })),
  );
  for (const { value } of items) {
    if (value._embedded?.tags) replaced.set(value.id, resolveTags(value._embedded.tags, byName));
    if (value.tags_to_add) added.set(value.id, resolveTags(value.tags_to_add, byName));
    if (value.tags_to_delete)
      deleted.set(value.id, resolveTags(value.tags_to_delete, toDeleteByName));
    if (value._embedded?.segments)
      segments.set(value.id, [...new Set(value._embedded.segments.map((s) => s.id))]);
  }
  await repo.replaceTags(replaced);
  await repo.addTags(added);
  await repo.deleteTags(deleted);
  await repo.replaceSegments(segments);
  return items.map(({ value, requestId }, index) => ({
    id: value.id,
    requestId,
    updatedAt: patches[index]!.updatedAt!,
  }));
}
