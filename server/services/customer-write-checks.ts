import type { CustomerUpdateParsed, CustomersMode } from '../../src/contracts/customer';
import { MODE_REQUIRED_DETAIL } from '../../src/contracts/customer';
import type { ValidationError } from '../../src/contracts/problem';
import type { CustomerReferences } from '../db/customer-references';
import { checkFieldValues, type FieldChanges, type FieldDefinition } from './customer-field-values';

/** Create and update items share their fields; an update adds id and tags_to_add/delete. */
export type WriteItem = Omit<CustomerUpdateParsed, 'id'>;
type TagRef = NonNullable<WriteItem['tags_to_add']>[number];

/** Everything a batch refers to, looked up with one query per kind. */
export type WriteContext = {
  userIds: Set<number>;
  tagIds: Set<number>;
  segmentIds: Set<number>;
  statusIds: Set<number>;
  defaultStatusId: number | null;
  fields: Map<number, FieldDefinition>;
};

const tagIdsOf = (tags: TagRef[] | undefined) =>
  (tags ?? []).flatMap((t) => ('id' in t ? [t.id] : []));
export const tagNamesOf = (tags: TagRef[] | undefined) =>
  (tags ?? []).flatMap((t) => ('name' in t ? [t.name] : []));

export async function loadWriteContext(
  refs: CustomerReferences,
  items: WriteItem[],
): Promise<WriteContext> {
  const userIds = items.flatMap((i) => [i.responsible_user_id, i.created_by, i.updated_by]);
  const tagIds = items.flatMap((i) => [...tagIdsOf(i._embedded?.tags), ...tagIdsOf(i.tags_to_add)]);
  const segmentIds = items.flatMap((i) => (i._embedded?.segments ?? []).map((s) => s.id));
  const [users, tags, segments, statuses, fields] = await Promise.all([
    refs.userIds(unique(userIds.filter((id): id is number => id !== undefined && id > 0))),
    refs.tagIds(unique(tagIds)),
    refs.segmentIds(unique(segmentIds)),
    refs.statuses(),
    refs.customerFields(),
  ]);
  return {
    userIds: users,
    tagIds: tags,
    segmentIds: segments,
    statusIds: statuses.ids,
    defaultStatusId: statuses.defaultId,
    fields,
  };
}

export function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

const notAChoice = (path: string): ValidationError => ({
  code: 'NotSupportedChoice',
  path,
  detail: 'The value you selected is not a valid choice.',
});

/** One item checked against the context (every reference must exist); custom-field values normalised. */
export function checkWriteItem(
  item: WriteItem,
  ctx: WriteContext,
): { errors: ValidationError[]; fieldChanges: FieldChanges } {
  const errors: ValidationError[] = [];
  if (item.responsible_user_id !== undefined && !ctx.userIds.has(item.responsible_user_id)) {
    errors.push(notAChoice('responsible_user_id'));
  }
  // 0 is amoCRM's robot; any other author must be a user.
  for (const key of ['created_by', 'updated_by'] as const) {
    const id = item[key];
    if (id !== undefined && id !== 0 && !ctx.userIds.has(id)) errors.push(notAChoice(key));
  }
  if (
    item.status_id !== undefined &&
    item.status_id !== null &&
    !ctx.statusIds.has(item.status_id)
  ) {
    errors.push(notAChoice('status_id'));
  }
  const checkTags = (tags: TagRef[] | undefined, path: string) =>
    (tags ?? []).forEach((tag, i) => {
      if ('id' in tag && !ctx.tagIds.has(tag.id)) errors.push(notAChoice(`${path}.${i}.id`));
    });
  checkTags(item._embedded?.tags, '_embedded.tags');
  checkTags(item.tags_to_add, 'tags_to_add');
  (item._embedded?.segments ?? []).forEach((segment, i) => {
    if (!ctx.segmentIds.has(segment.id)) errors.push(notAChoice(`_embedded.segments.${i}.id`));
  });
  const fields = checkFieldValues(item.custom_fields_values, ctx.fields);
  return { errors: [...errors, ...fields.errors], fieldChanges: fields.changes };
}

/**
 * The periodicity mode rule for updates: fields it requires may not be blanked.
 * (On create, `missingForMode` from the contract applies to absent fields too.)
 */
export function blankedForMode(item: WriteItem, mode: CustomersMode): ValidationError[] {
  if (mode !== 'periodicity') return [];
  const blanked: string[] = [];
  if (item.next_date === null) blanked.push('next_date');
  if (item.periodicity === 0) blanked.push('periodicity');
  return blanked.map((path) => ({ code: 'NotBlank', path, detail: MODE_REQUIRED_DETAIL }));
}

/** Tag ids for a list of tag refs, names resolved through `byName` (lower-cased keys), deduplicated. */
export function resolveTags(tags: TagRef[] | undefined, byName: Map<string, number>): number[] {
  const ids = (tags ?? []).flatMap((t) => {
    if ('id' in t) return [t.id];
    const id = byName.get(t.name.trim().toLowerCase());
    return id === undefined ? [] : [id];
  });
  return unique(ids);
}
