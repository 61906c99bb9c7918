import dayjs from 'dayjs';
import { z } from '../../../contracts/zod';
import type { CustomFieldValues } from '../../../contracts/common';
import {
  EDITABLE_FIELD_TYPES,
  isHttpUrl,
  isNumericValue,
  type CustomField,
} from '../../../contracts/custom-field';
import {
  customerCreateSchemaFor,
  type Customer,
  type CustomersMode,
  type CustomerUpdate,
} from '../../../contracts/customer';

type FieldInput = string | string[] | boolean;

/**
 * What the inputs hold. Values are checked twice: here for the input's own format, then the
 * payload they become goes through the contract's create rules for the account's mode (the
 * same rules the add-customer form and the server apply).
 */
const formShape = z.object({
  name: z.string(),
  next_price: z.number(),
  /** `YYYY-MM-DD` from a date input, or '' for none. */
  next_date: z.union([z.literal(''), z.iso.date('Enter a date')]),
  responsible_user_id: z.string().check(z.minLength(1, 'Choose a responsible user')),
  periodicity: z.number(),
  tags: z.array(z.string()),
  fields: z.record(z.string(), z.union([z.string(), z.array(z.string()), z.boolean()])),
});
export type CustomerEditValues = z.infer<typeof formShape>;

export const editableFieldTypes: ReadonlySet<string> = new Set(EDITABLE_FIELD_TYPES);

export const fieldKey = (id: number) => `f${String(id)}`;

export function editableFields(fields: readonly CustomField[]): CustomField[] {
  return fields
    .filter((field) => editableFieldTypes.has(field.type) && !field.is_api_only)
    .sort((a, b) => a.sort - b.sort || a.id - b.id);
}

function firstValue(values: CustomFieldValues | undefined) {
  return values?.values.find(
    (item) => item.value !== null && item.value !== undefined && item.value !== '',
  );
}

/** A stored value as its input shows it. */
function toInput(field: CustomField, values: CustomFieldValues | undefined): FieldInput {
  const items = values?.values ?? [];
  switch (field.type) {
    case 'checkbox': {
      const value = firstValue(values)?.value;
      return value === true || value === '1' || value === 1;
    }
    case 'multiselect':
      return items
        .map((item) => (item.enum_id != null ? String(item.enum_id) : String(item.value ?? '')))
        .filter(Boolean);
    case 'select': {
      const item = firstValue(values) ?? items.find((entry) => entry.enum_id != null);
      if (!item) return '';
      if (item.enum_id != null) return String(item.enum_id);
      return String(field.enums?.find((e) => e.value === item.value)?.id ?? '');
    }
    case 'date': {
      const value = firstValue(values)?.value;
      if (value === undefined || value === null || typeof value === 'boolean') return '';
      const date =
        typeof value === 'number' || /^\d+$/.test(value) ? dayjs.unix(Number(value)) : dayjs(value);
      return date.isValid() ? date.format('YYYY-MM-DD') : '';
    }
    default: {
      const value = firstValue(values)?.value;
      return value === undefined || value === null ? '' : String(value);
    }
  }
}

/** An input's value as the API takes it (an empty list clears the field). */
function toValues(field: CustomField, input: FieldInput | undefined): CustomFieldValues {
  const values: CustomFieldValues['values'] = [];
  if (field.type === 'checkbox') {
    values.push({ value: input === true });
  } else if (field.type === 'multiselect' && Array.isArray(input)) {
    for (const id of input) values.push({ enum_id: Number(id) });
  } else if (field.type === 'select' && typeof input === 'string' && input !== '') {
    values.push({ enum_id: Number(input) });
  } else if (field.type === 'date' && typeof input === 'string' && input !== '') {
    values.push({ value: dayjs(input).startOf('day').unix() });
  } else if (typeof input === 'string' && input.trim() !== '') {
    values.push({ value: field.type === 'numeric' ? input.trim().replace(',', '.') : input });
  }
  return { field_id: field.id, values };
}

export function toFormValues(
  customer: Customer,
  fields: readonly CustomField[],
): CustomerEditValues {
  const inputs: Record<string, FieldInput> = {};
  for (const field of fields) {
    inputs[fieldKey(field.id)] = toInput(
      field,
      customer.custom_fields_values?.find((item) => item.field_id === field.id),
    );
  }
  return {
    name: customer.name,
    next_price: customer.next_price,
    next_date:
      customer.next_date === null ? '' : dayjs.unix(customer.next_date).format('YYYY-MM-DD'),
    responsible_user_id: String(customer.responsible_user_id),
    periodicity: customer.periodicity,
    tags: customer._embedded.tags.map((tag) => tag.name),
    fields: inputs,
  };
}

/** The PATCH body (without the id) the form's values become. */
export function toCustomerPatch(
  values: CustomerEditValues,
  fields: readonly CustomField[],
  mode: CustomersMode,
): Omit<CustomerUpdate, 'id'> {
  return {
    name: values.name,
    next_price: values.next_price,
    next_date: values.next_date === '' ? null : dayjs(values.next_date).startOf('day').unix(),
    responsible_user_id: Number(values.responsible_user_id),
    // Periodicity means nothing in segments mode: leave what is stored.
    ...(mode === 'periodicity' ? { periodicity: values.periodicity } : {}),
    custom_fields_values: fields.map((field) => toValues(field, values.fields[fieldKey(field.id)])),
    _embedded: { tags: values.tags.map((name) => ({ name })) },
  };
}

/**
 * Maps a contract/server path of the PATCH body onto the form's field: `_embedded.tags.2.name` →
 * `tags`, `custom_fields_values.3.values.0.value` → `fields.f<id of the 4th field>`.
 */
export function formPathOf(
  path: readonly PropertyKey[] | string,
  fields: readonly CustomField[],
): string | null {
  const parts = typeof path === 'string' ? path.split('.') : path.map(String);
  const [head, second] = parts;
  if (head === undefined) return null;
  if (['name', 'next_price', 'next_date', 'responsible_user_id', 'periodicity'].includes(head))
    return head;
  if (head === '_embedded' && second === 'tags') return 'tags';
  if (head === 'tags_to_add' || head === 'tags_to_delete') return 'tags';
  if (head === 'custom_fields_values' && second !== undefined) {
    const field = fields[Number(second)];
    return field ? `fields.${fieldKey(field.id)}` : null;
  }
  return null;
}

/** The form schema for the account's mode: input formats, then the contract's create rules. */
export function customerEditSchema(mode: CustomersMode, fields: readonly CustomField[]) {
  const contract = customerCreateSchemaFor(mode);
  return formShape.check(
    z.superRefine((values, ctx) => {
      // The server's per-type checks the contract cannot know (it does not see field types).
      for (const field of fields) {
        const input = values.fields[fieldKey(field.id)];
        if (typeof input !== 'string' || input.trim() === '') continue;
        const path = ['fields', fieldKey(field.id)];
        // A decimal comma is accepted here and sent as a point (toCustomerPatch).
        if (field.type === 'numeric' && !isNumericValue(input.replace(',', '.'))) {
          ctx.addIssue({ code: 'custom', message: 'Enter a number', path });
        }
        if (field.type === 'url' && !isHttpUrl(input)) {
          ctx.addIssue({
            code: 'custom',
            message: 'Enter a web address starting with http:// or https://',
            path,
          });
        }
      }
      const result = contract.safeParse(toCustomerPatch(values, fields, mode));
      if (result.success) return;
      for (const issue of result.error.issues) {
        const path = formPathOf(issue.path, fields);
        ctx.addIssue({ code: 'custom', message: issue.message, path: path ? path.split('.') : [] });
      }
    }),
  );
}
