import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { z } from '../../../contracts/zod';
import type { AccountCustomersMode } from '../../../contracts/account';
import type { CustomFieldValues } from '../../../contracts/common';
import type { CustomField } from '../../../contracts/custom-field';
import { EDITABLE_FIELD_TYPES, isHttpUrl, isNumericValue } from '../../../contracts/custom-field';
import {
  customerCreateSchemaFor,
  missingForMode,
  MODE_REQUIRED_DETAIL,
  type CustomerCreate,
  type CustomersMode,
} from '../../../contracts/customer';

/**
 * The create form's values. Inputs hold what the user typed (NumberInput gives `number | ''`,
 * DateInput a `YYYY-MM-DD` string); `toCustomerPayload` turns a row into the API item, and the
 * contract (`customerCreateSchemaFor(mode)`, the server's own rule) decides what is valid.
 * No React or Mantine here: the parity test runs this module in the server's test project.
 */
export type CustomValue = string | string[] | boolean | null;

export interface CustomerRowValues {
  /** Stable per row; sent as `request_id`, so the answer and any 400 map back to the row. */
  key: string;
  name: string;
  next_price: number | string;
  next_date: string | null;
  responsible_user_id: string | null;
  periodicity: number | string;
  tags: string[];
  segments: string[];
  /** Keyed by `f<field id>` (react-hook-form treats numeric keys as array indexes). */
  custom: Record<string, CustomValue | undefined>;
}

export interface CustomersFormValues {
  rows: CustomerRowValues[];
}

/** What the conversion needs to know about the account. */
export interface FormContext {
  fields: ReadonlyArray<Pick<CustomField, 'id' | 'type' | 'enums' | 'name'>>;
  tags: ReadonlyArray<{ id: number; name: string }>;
}

export const customKey = (fieldId: number) => `f${String(fieldId)}`;

export function editableFields<F extends Pick<CustomField, 'type'>>(fields: readonly F[]): F[] {
  return fields.filter((field) => (EDITABLE_FIELD_TYPES as readonly string[]).includes(field.type));
}

/** The mode the create rules follow; `dynamic` is amoCRM's old name for segments. */
export function rulesMode(mode: AccountCustomersMode): CustomersMode | null {
  if (mode === 'periodicity') return 'periodicity';
  if (mode === 'segments' || mode === 'dynamic') return 'segments';
  return null;
}

dayjs.extend(customParseFormat);

let keySeq = 0;
/** A request_id unique within the page's life: the submit maps answers back by it. */
export function newRowKey(): string {
  keySeq += 1;
  return `row-${Date.now().toString(36)}-${String(keySeq)}`;
}

export function emptyRow(responsibleUserId: number | null): CustomerRowValues {
  return {
    key: newRowKey(),
    name: '',
    next_price: '',
    next_date: null,
    responsible_user_id: responsibleUserId === null ? null : String(responsibleUserId),
    periodicity: '',
    tags: [],
    segments: [],
    custom: {},
  };
}

/** '' stays absent; a number stays a number; anything else is passed on for the contract to refuse. */
function numberOrRaw(value: number | string): number | string | undefined {
  if (typeof value === 'number') return value;
  const text = value.trim();
  if (text === '') return undefined;
  const parsed = Number(text.replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : text;
}

/** `YYYY-MM-DD` (what DateInput gives) → unix seconds at local midnight; junk passes through. */
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

type ValueItem = CustomFieldValues['values'][number];

function customValues(
  field: FormContext['fields'][number],
  value: CustomValue | undefined,
): ValueItem[] | null {
  if (value === undefined || value === null || value === '' || value === false) return null;
  if (Array.isArray(value)) {
    if (value.length === 0) return null;
    return value.map((id) => ({ enum_id: Number(id) }));
  }
  switch (field.type) {
    case 'select':
      return [{ enum_id: Number(value) }];
    case 'checkbox':
      return [{ value: true }];
    case 'date': {
      const seconds = typeof value === 'string' ? dateToUnix(value) : undefined;
      return seconds === undefined ? null : [{ value: seconds }];
    }
    default:
      return typeof value === 'string' ? [{ value: value.trim() }] : [{ value }];
  }
}

/** One row → one item of `POST /api/v4/customers`; blanks are left out, as the API expects. */
export function toCustomerPayload(row: CustomerRowValues, context: FormContext): CustomerCreate {
  const item: Record<string, unknown> = { request_id: row.key };
  if (row.name.trim() !== '') item.name = row.name;
  const nextPrice = numberOrRaw(row.next_price);
  if (nextPrice !== undefined) item.next_price = nextPrice;
  const nextDate = dateToUnix(row.next_date);
  if (nextDate !== undefined) item.next_date = nextDate;
  const periodicity = numberOrRaw(row.periodicity);
  if (periodicity !== undefined) item.periodicity = periodicity;
  if (row.responsible_user_id) item.responsible_user_id = Number(row.responsible_user_id);

  const fieldValues: CustomFieldValues[] = [];
  for (const field of context.fields) {
    const values = customValues(field, row.custom[customKey(field.id)]);
    if (values) fieldValues.push({ field_id: field.id, values });
  }
  if (fieldValues.length > 0) item.custom_fields_values = fieldValues;

  const embedded: Record<string, unknown> = {};
  if (row.tags.length > 0) {
    const byName = new Map(context.tags.map((tag) => [tag.name.toLowerCase(), tag.id]));
    embedded.tags = row.tags.map((name) => {
      const id = byName.get(name.trim().toLowerCase());
      return id === undefined ? { name: name.trim() } : { id };
    });
  }
  if (row.segments.length > 0) embedded.segments = row.segments.map((id) => ({ id: Number(id) }));
  if (Object.keys(embedded).length > 0) item._embedded = embedded;
  // Deliberately loose: junk typed into a number input is passed on for the contract to refuse.
  return item;
}

/** Form paths inside a row that errors can land on. */
export const ROW_FIELDS = [
  'name',
  'next_price',
  'next_date',
  'responsible_user_id',
  'periodicity',
  'tags',
  'segments',
] as const;

/**
 * An API error path (`custom_fields_values.0.values.0.value`, `_embedded.tags.1.name`) → the
 * row's form field, or null when the form has no input for it (shown on the row instead).
 */
export function fieldForApiPath(path: string, payload: CustomerCreate): string | null {
  const [head, second] = path.split('.');
  if (head === undefined) return null;
  if ((ROW_FIELDS as readonly string[]).includes(head)) return head;
  if (head === 'custom_fields_values' && second !== undefined) {
    const fieldId = payload.custom_fields_values?.[Number(second)]?.field_id;
    return fieldId === undefined ? null : `custom.${customKey(fieldId)}`;
  }
  if (head === '_embedded' && (second === 'tags' || second === 'segments')) return second;
  return null;
}

/** The server's per-type rules the contract leaves to it (server/services/customer-field-values.ts). */
function customFieldIssues(
  payload: CustomerCreate,
  context: FormContext,
): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  const byId = new Map(context.fields.map((field) => [field.id, field]));
  for (const entry of payload.custom_fields_values ?? []) {
    const field = byId.get(entry.field_id);
    const path = `custom.${customKey(entry.field_id)}`;
    const first = entry.values[0]?.value;
    if (field?.type === 'numeric' && !isNumericValue(String(first))) {
      issues.push({ path, message: 'Enter a number' });
    }
    if (field?.type === 'url' && typeof first === 'string' && !isHttpUrl(first)) {
      issues.push({ path, message: 'Enter a full address starting with http:// or https://' });
    }
    if (field?.type === 'date' && typeof first !== 'number') {
      issues.push({ path, message: 'Enter a date' });
    }
  }
  return issues;
}

/** Friendlier words for the contract's type complaints about what a person typed. */
function messageFor(field: string, issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && (field === 'next_price' || field === 'periodicity')) {
    return 'Enter a whole number';
  }
  if (issue.code === 'invalid_type' && field === 'next_date') return 'Enter a date';
  return issue.message;
}

export interface RowIssue {
  field: string | null;
  message: string;
}

/** Every complaint about one row: the contract with the mode rule, then the per-type field rules. */
export function validateRow(
  row: CustomerRowValues,
  mode: CustomersMode,
  context: FormContext,
): RowIssue[] {
  const payload = toCustomerPayload(row, context);
  const result = customerCreateSchemaFor(mode).safeParse(payload);
  const issues: RowIssue[] = [];
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = fieldForApiPath(issue.path.map(String).join('.'), payload);
      issues.push({ field, message: messageFor(field ?? '', issue) });
    }
    // zod skips the mode refinement once a type check failed (the server then answers in two
    // rounds); say everything at once.
    for (const field of missingForMode(payload, mode)) {
      if (!issues.some((issue) => issue.field === field)) {
        issues.push({ field, message: MODE_REQUIRED_DETAIL });
      }
    }
  }
  for (const issue of customFieldIssues(payload, context)) {
    issues.push({ field: issue.path, message: issue.message });
  }
  return issues;
}

const rowShape = z.object({
  key: z.string(),
  name: z.string(),
  next_price: z.union([z.number(), z.string()]),
  next_date: z.nullable(z.string()),
  responsible_user_id: z.nullable(z.string()),
  periodicity: z.union([z.number(), z.string()]),
  tags: z.array(z.string()),
  segments: z.array(z.string()),
  // A custom input not touched yet registers as undefined.
  custom: z.record(
    z.string(),
    z.union([z.string(), z.array(z.string()), z.boolean(), z.null(), z.undefined()]),
  ),
});

/**
 * The form schema for `zodResolver`: the shape of the inputs, refined by the contract itself, with
 * each issue put on the row's field (`rows.1.next_date`) or, failing that, on the row (`rows.1.key`).
 */
export function customersFormSchemaFor(mode: CustomersMode, context: FormContext) {
  return z.object({ rows: z.array(rowShape).check(z.minLength(1)) }).check(
    z.superRefine((values, ctx) => {
      values.rows.forEach((row, index) => {
        for (const issue of validateRow(row, mode, context)) {
          ctx.addIssue({
            code: 'custom',
            path: ['rows', index, ...(issue.field ?? 'key').split('.')],
            message: issue.message,
          });
        }
      });
    }),
  );
}
