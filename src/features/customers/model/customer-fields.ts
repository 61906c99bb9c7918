import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { textFromWholeNumber, wholeNumberFromText } from '../../../components/form/number-text';
import { humanIssueMessage } from '../../../components/form/messages';
import type { CustomFieldValues } from '../../../contracts/common';
import {
  EDITABLE_FIELD_TYPES,
  isHttpUrl,
  isNumericValue,
  type CustomField,
} from '../../../contracts/custom-field';
import {
  customerCreateSchemaFor,
  missingForMode,
  MODE_REQUIRED_DETAIL,
  type CustomerCreate,
  type CustomersMode,
} from '../../../contracts/customer';
import type { z } from '../../../contracts/zod';

/**
 * The one customer form model: what a customer's inputs hold, how they become the API's item and
 * back, and how the contract's complaints land on an input. The create form (one row per
 * customer) and the edit drawer derive from it. No React or Mantine here: the parity test runs
 * this module in the server's test project.
 */

/** A custom field's input: text, enum id(s) as strings, a day `YYYY-MM-DD`, or a tick. */
export type CustomValue = string | string[] | boolean | null;

export interface CustomerFieldsValues {
  name: string;
  /** Whole numbers as typed: the text, never a number the input made up. */
  next_price: string;
  /** `YYYY-MM-DD`, or null for none. */
  next_date: string | null;
  responsible_user_id: string | null;
  periodicity: string;
  tags: string[];
  /** Segment ids as strings (segments mode only). */
  segments: string[];
  /** Keyed by `f<field id>` (react-hook-form treats numeric keys as array indexes). */
  custom: Record<string, CustomValue | undefined>;
}

export type FieldDefinition = Pick<CustomField, 'id' | 'type' | 'enums' | 'name'>;

export const customKey = (fieldId: number) => `f${String(fieldId)}`;

/** The fields a person can fill in: editable types, not reserved for integrations, in order. */
export function editableFields<
  F extends Pick<CustomField, 'type'> & Partial<Pick<CustomField, 'is_api_only' | 'sort' | 'id'>>,
>(fields: readonly F[]): F[] {
  return fields
    .filter(
      (field) =>
        (EDITABLE_FIELD_TYPES as readonly string[]).includes(field.type) &&
        field.is_api_only !== true,
    )
    .toSorted((a, b) => (a.sort ?? 0) - (b.sort ?? 0) || (a.id ?? 0) - (b.id ?? 0));
}

dayjs.extend(customParseFormat);

/** `YYYY-MM-DD` → unix seconds at local midnight; unix seconds pass; junk passes for the contract. */
export function dateToUnix(value: string | null): number | string | undefined {
  if (value === null || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d{9,11}$/.test(text)) return Number(text);
  // Strict: a lenient parse would roll 2024-13-45 over into 2025.
  const date = dayjs(text, 'YYYY-MM-DD', true);
  return date.isValid() ? date.startOf('day').unix() : text;
}

export function unixToDate(seconds: number | null | undefined): string | null {
  return seconds === null || seconds === undefined
    ? null
    : dayjs.unix(seconds).format('YYYY-MM-DD');
}

export { textFromWholeNumber, wholeNumberFromText };

type ValueItem = CustomFieldValues['values'][number];

/** An input's value as the API's `values` list; an empty list means "no value". */
export function customFieldValues(
  field: FieldDefinition,
  value: CustomValue | undefined,
): ValueItem[] {
  if (value === undefined || value === null || value === '' || value === false) return [];
  if (Array.isArray(value)) return value.map((id) => ({ enum_id: Number(id) }));
  switch (field.type) {
    case 'select':
      return typeof value === 'string' ? [{ enum_id: Number(value) }] : [];
    case 'checkbox':
      return [{ value: true }];
    case 'date': {
      const seconds = typeof value === 'string' ? dateToUnix(value) : undefined;
      return seconds === undefined ? [] : [{ value: seconds }];
    }
    case 'numeric':
      // A decimal comma is accepted and sent as a point.
      return typeof value === 'string' ? [{ value: value.trim().replace(',', '.') }] : [];
    default:
      return typeof value === 'string' ? [{ value: value.trim() === '' ? '' : value }] : [];
  }
}

function firstValue(values: CustomFieldValues | undefined) {
  return values?.values.find(
    (item) => item.value !== null && item.value !== undefined && item.value !== '',
  );
}

/** A stored value as its input shows it. */
export function customFieldInput(
  field: FieldDefinition,
  values: CustomFieldValues | undefined,
): CustomValue {
  const items = values?.values ?? [];
  switch (field.type) {
    case 'checkbox': {
      const value = firstValue(values)?.value;
      return value === true || value === '1' || value === 1;
    }
    case 'multiselect':
      return items.flatMap((item) => (item.enum_id != null ? [String(item.enum_id)] : []));
    case 'select': {
      const item = items.find((entry) => entry.enum_id != null) ?? firstValue(values);
      if (!item) return null;
      if (item.enum_id != null) return String(item.enum_id);
      const match = field.enums?.find((e) => e.value === item.value);
      return match ? String(match.id) : null;
    }
    case 'date': {
      const value = firstValue(values)?.value;
      if (typeof value === 'number') return unixToDate(value);
      if (typeof value === 'string' && /^\d+$/.test(value)) return unixToDate(Number(value));
      return typeof value === 'string' && dayjs(value).isValid()
        ? dayjs(value).format('YYYY-MM-DD')
        : null;
    }
    default: {
      const value = firstValue(values)?.value;
      return value === undefined || value === null ? '' : String(value);
    }
  }
}

/** The top-level inputs errors can land on. */
export const CUSTOMER_INPUTS = [
  'name',
  'next_price',
  'next_date',
  'responsible_user_id',
  'periodicity',
  'tags',
  'segments',
] as const;

/**
 * An API or contract path (`custom_fields_values.0.values.0.value`, `_embedded.tags.1.name`) →
 * the input it is about (`custom.f12`, `tags`), or null when the form has none for it.
 */
export function inputForApiPath(
  path: string,
  payload: Pick<CustomerCreate, 'custom_fields_values'>,
): string | null {
  const [head, second] = path.split('.');
  if (head === undefined) return null;
  if ((CUSTOMER_INPUTS as readonly string[]).includes(head)) return head;
  if (head === 'tags_to_add' || head === 'tags_to_delete') return 'tags';
  if (head === 'custom_fields_values' && second !== undefined) {
    const fieldId = payload.custom_fields_values?.[Number(second)]?.field_id;
    return fieldId === undefined ? null : `custom.${customKey(fieldId)}`;
  }
  if (head === '_embedded' && (second === 'tags' || second === 'segments')) return second;
  return null;
}

export interface InputIssue {
  /** The input's path, or null when the issue is about the customer as a whole. */
  input: string | null;
  message: string;
}

/** The server's per-type rules the contract leaves to it (server/services/customer-field-values.ts). */
function customFieldIssues(
  payload: Pick<CustomerCreate, 'custom_fields_values'>,
  fields: readonly FieldDefinition[],
): InputIssue[] {
  const issues: InputIssue[] = [];
  const byId = new Map(fields.map((field) => [field.id, field]));
  for (const entry of payload.custom_fields_values ?? []) {
    const field = byId.get(entry.field_id);
    const input = `custom.${customKey(entry.field_id)}`;
    const first = entry.values[0]?.value;
    if (first === undefined) continue;
    if (field?.type === 'numeric' && !isNumericValue(String(first))) {
      issues.push({ input, message: 'Enter a number' });
    }
    if (field?.type === 'url' && typeof first === 'string' && !isHttpUrl(first)) {
      issues.push({ input, message: 'Enter a full address starting with http:// or https://' });
    }
    if (field?.type === 'date' && typeof first !== 'number') {
      issues.push({ input, message: 'Enter a date' });
    }
  }
  return issues;
}

function messageFor(input: string | null, issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && input === 'next_date') return 'Enter a date';
  if (issue.code === 'too_small' && input === 'name') return 'Enter a name';
  return humanIssueMessage(issue);
}

/**
 * Every complaint about one customer's API item: the contract with the mode rule (the server's
 * own), the per-type custom-field rules, and — the console's own rule — a name is required.
 */
export function customerIssues(
  payload: CustomerCreate,
  mode: CustomersMode,
  fields: readonly FieldDefinition[],
): InputIssue[] {
  const issues: InputIssue[] = [];
  const result = customerCreateSchemaFor(mode).safeParse(payload);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const input = inputForApiPath(issue.path.map(String).join('.'), payload);
      issues.push({ input, message: messageFor(input, issue) });
    }
    // zod skips the mode refinement once a type check failed (the server then answers in two
    // rounds); say everything at once.
    for (const input of missingForMode(payload, mode)) {
      if (!issues.some((issue) => issue.input === input)) {
        issues.push({ input, message: MODE_REQUIRED_DETAIL });
      }
    }
  }
  // The API takes a nameless customer (amoCRM does); a person making one here names it.
  if ((payload.name ?? '').trim() === '' && !issues.some((issue) => issue.input === 'name')) {
    issues.push({ input: 'name', message: 'Enter a name' });
  }
  issues.push(...customFieldIssues(payload, fields));
  return issues;
}
