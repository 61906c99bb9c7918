import { z } from '../../../contracts/zod';
import type { AccountCustomersMode } from '../../../contracts/account';
import type { CustomFieldValues } from '../../../contracts/common';
import type { CustomerCreate, CustomersMode } from '../../../contracts/customer';
import {
  customerIssues,
  customFieldValues,
  customKey,
  dateToUnix,
  inputForApiPath,
  wholeNumberFromText,
  type CustomerFieldsValues,
  type FieldDefinition,
} from './customer-fields';

export {
  customKey,
  dateToUnix,
  editableFields,
  unixToDate,
  type CustomValue,
} from './customer-fields';

/**
 * The create form: one row per new customer, each the shared customer inputs
 * (`customer-fields.ts`) plus a key. `toCustomerPayload` turns a row into the API item and the
 * model's `customerIssues` (the contract, the server's own rule) decides what is valid.
 */
export interface CustomerRowValues extends CustomerFieldsValues {
  /** Stable per row; sent as `request_id`, so the answer and any 400 map back to the row. */
  key: string;
}

export interface CustomersFormValues {
  rows: CustomerRowValues[];
}

/** What the conversion needs to know about the account. */
export interface FormContext {
  fields: readonly FieldDefinition[];
  tags: ReadonlyArray<{ id: number; name: string }>;
}

/** The mode the create rules follow; `dynamic` is amoCRM's old name for segments. */
export function rulesMode(mode: AccountCustomersMode): CustomersMode | null {
  if (mode === 'periodicity') return 'periodicity';
  if (mode === 'segments' || mode === 'dynamic') return 'segments';
  return null;
}

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

/** One row → one item of `POST /api/v4/customers`; blanks are left out, as the API expects. */
export function toCustomerPayload(row: CustomerRowValues, context: FormContext): CustomerCreate {
  const item: Record<string, unknown> = { request_id: row.key };
  if (row.name.trim() !== '') item.name = row.name;
  const nextPrice = wholeNumberFromText(row.next_price);
  if (nextPrice !== undefined) item.next_price = nextPrice;
  const nextDate = dateToUnix(row.next_date);
  if (nextDate !== undefined) item.next_date = nextDate;
  const periodicity = wholeNumberFromText(row.periodicity);
  if (periodicity !== undefined) item.periodicity = periodicity;
  if (row.responsible_user_id) item.responsible_user_id = Number(row.responsible_user_id);

  const fieldValues: CustomFieldValues[] = [];
  for (const field of context.fields) {
    const values = customFieldValues(field, row.custom[customKey(field.id)]);
    if (values.length > 0) fieldValues.push({ field_id: field.id, values });
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

/** An API error path → the row's input, or null when the form has none for it. */
export const fieldForApiPath = inputForApiPath;

export interface RowIssue {
  field: string | null;
  message: string;
}

/** Every complaint about one row (the model's rules on the row's API item). */
export function validateRow(
  row: CustomerRowValues,
  mode: CustomersMode,
  context: FormContext,
): RowIssue[] {
  return customerIssues(toCustomerPayload(row, context), mode, context.fields).map((issue) => ({
    field: issue.input,
    message: issue.message,
  }));
}

const rowShape = z.object({
  key: z.string(),
  name: z.string(),
  next_price: z.string(),
  next_date: z.nullable(z.string()),
  responsible_user_id: z.nullable(z.string()),
  periodicity: z.string(),
  tags: z.array(z.string()),
  segments: z.array(z.string()),
  // A custom input not touched yet registers as undefined.
  custom: z.record(
    z.string(),
    z.union([z.string(), z.array(z.string()), z.boolean(), z.null(), z.undefined()]),
  ),
});

/**
 * The form schema for `zodResolver`: the shape of the inputs, refined by the model, with each
 * issue put on the row's input (`rows.1.next_date`) or, failing that, on the row (`rows.1.key`).
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
