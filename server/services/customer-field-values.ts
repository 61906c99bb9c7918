import type { CustomFieldValues } from '../../src/contracts/common';
import { isHttpUrl, isNumericValue } from '../../src/contracts/custom-field';
import type { ValidationError } from '../../src/contracts/problem';

export type FieldDefinition = {
  id: number;
  name: string;
  type: string;
  code: string | null;
  enums: Array<{ id: number; value: string; sort: number }> | null;
};

type ValueItem = CustomFieldValues['values'][number];

/** field_id → the values to store, or null when the client cleared the field. */
export type FieldChanges = Map<number, CustomFieldValues | null>;

const MULTI_VALUE_TYPES = new Set(['multiselect', 'multitext']);
const TEXT_TYPES = new Set(['text', 'textarea', 'multitext', 'streetaddress']);
const DATE_TYPES = new Set(['date', 'birthday', 'date_time']);
const MAX_UNIX = 253_402_300_799;

type Checked =
  { item: ValueItem } | { error: Omit<ValidationError, 'path'> & { at: 'value' | 'enum_id' } };

const invalid = (
  detail: string,
  at: 'value' | 'enum_id' = 'value',
  code = 'InvalidType',
): Checked => ({
  error: { code, detail, at },
});

/** One value checked against its field's type, in the form it is stored and answered. */
function checkItem(field: FieldDefinition, item: ValueItem): Checked {
  const value = item.value;
  if (field.type === 'select' || field.type === 'radiobutton' || field.type === 'multiselect') {
    const enums = field.enums ?? [];
    const byId = item.enum_id != null ? enums.find((e) => e.id === item.enum_id) : undefined;
    if (item.enum_id != null && !byId) {
      return invalid(
        'The value you selected is not a valid choice.',
        'enum_id',
        'NotSupportedChoice',
      );
    }
    const byValue =
      byId ??
      (typeof value === 'string'
        ? enums.find((e) => e.value.toLowerCase() === value.toLowerCase())
        : undefined);
    if (!byValue)
      return invalid(
        'The value you selected is not a valid choice.',
        'value',
        'NotSupportedChoice',
      );
    return { item: { value: byValue.value, enum_id: byValue.id } };
  }
  if (TEXT_TYPES.has(field.type)) {
    if (typeof value !== 'string' && typeof value !== 'number')
      return invalid('This value should be of type string.');
    return {
      item: { value: String(value), ...(item.enum_code ? { enum_code: item.enum_code } : {}) },
    };
  }
  if (field.type === 'numeric') {
    const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
    if (typeof text !== 'string' || !isNumericValue(text)) {
      return invalid('This value should be a number.');
    }
    return { item: { value: text.trim() } };
  }
  if (field.type === 'checkbox') {
    if (typeof value !== 'boolean') return invalid('This value should be of type bool.');
    return { item: { value } };
  }
  if (DATE_TYPES.has(field.type)) {
    const seconds = typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : value;
    if (
      typeof seconds !== 'number' ||
      !Number.isInteger(seconds) ||
      seconds < 0 ||
      seconds > MAX_UNIX
    ) {
      return invalid('This value should be a unix timestamp.');
    }
    return { item: { value: seconds } };
  }
  if (field.type === 'url') {
    if (typeof value !== 'string' || !isHttpUrl(value))
      return invalid('This value is not a valid URL.', 'value', 'InvalidFormat');
    return { item: { value } };
  }
  // Types the API does not edit here (legal_entity, items, …) are stored as given.
  return { item };
}

const isBlank = (item: ValueItem) =>
  (item.value === undefined || item.value === null || item.value === '') && item.enum_id == null;

/**
 * Checks `custom_fields_values` of one item against the customers' field definitions and
 * fills field_name/field_code/field_type from them. A field given with no values clears it.
 */
export function checkFieldValues(
  given: CustomFieldValues[] | null | undefined,
  definitions: ReadonlyMap<number, FieldDefinition>,
): { changes: FieldChanges; errors: ValidationError[] } {
  const changes: FieldChanges = new Map();
  const errors: ValidationError[] = [];
  (given ?? []).forEach((entry, i) => {
    const at = `custom_fields_values.${i}`;
    const field = definitions.get(entry.field_id);
    if (!field) {
      errors.push({
        code: 'NotSupportedChoice',
        path: `${at}.field_id`,
        detail: 'The value you selected is not a valid choice.',
      });
      return;
    }
    const items = entry.values.filter((item) => !isBlank(item));
    if (items.length > 1 && !MULTI_VALUE_TYPES.has(field.type)) {
      errors.push({
        code: 'InvalidLength',
        path: `${at}.values`,
        detail: 'This field takes one value.',
      });
      return;
    }
    const stored: ValueItem[] = [];
    entry.values.forEach((item, j) => {
      if (isBlank(item)) return;
      const checked = checkItem(field, item);
      if ('error' in checked) {
        const { at: where, ...error } = checked.error;
        errors.push({ ...error, path: `${at}.values.${j}.${where}` });
      } else {
        stored.push(checked.item);
      }
    });
    changes.set(
      field.id,
      items.length === 0
        ? null
        : {
            field_id: field.id,
            field_name: field.name,
            field_code: field.code,
            field_type: field.type,
            values: stored,
          },
    );
  });
  return { changes, errors };
}

/** The stored values with `changes` applied: replaced per field, cleared ones dropped, order kept. */
export function mergeFieldValues(
  current: CustomFieldValues[] | null,
  changes: FieldChanges,
): CustomFieldValues[] {
  const out: CustomFieldValues[] = [];
  const seen = new Set<number>();
  for (const entry of current ?? []) {
    seen.add(entry.field_id);
    const change = changes.get(entry.field_id);
    if (change === undefined) out.push(entry);
    else if (change !== null) out.push(change);
  }
  for (const [fieldId, change] of changes) {
    if (!seen.has(fieldId) && change !== null) out.push(change);
  }
  return out;
}
