import { z } from '../../../contracts/zod';
import type { CustomField } from '../../../contracts/custom-field';
import type { Customer, CustomersMode, CustomerUpdate } from '../../../contracts/customer';
import {
  customerIssues,
  customFieldInput,
  customFieldValues,
  customKey,
  dateToUnix,
  inputForApiPath,
  textFromWholeNumber,
  unixToDate,
  wholeNumberFromText,
  type CustomerFieldsValues,
} from './customer-fields';

/**
 * The edit drawer: the shared customer inputs (`customer-fields.ts`) filled from a stored
 * customer. Unlike create, a blank means "clear it", so every field is sent.
 */
export type CustomerEditValues = CustomerFieldsValues;

export { editableFields } from './customer-fields';

export function toFormValues(
  customer: Customer,
  fields: readonly CustomField[],
): CustomerEditValues {
  const custom: CustomerEditValues['custom'] = {};
  for (const field of fields) {
    custom[customKey(field.id)] = customFieldInput(
      field,
      customer.custom_fields_values?.find((item) => item.field_id === field.id),
    );
  }
  return {
    name: customer.name,
    next_price: textFromWholeNumber(customer.next_price),
    next_date: unixToDate(customer.next_date),
    responsible_user_id: String(customer.responsible_user_id),
    periodicity: textFromWholeNumber(customer.periodicity),
    tags: customer._embedded.tags.map((tag) => tag.name),
    segments: customer._embedded.segments.map((segment) => String(segment.id)),
    custom,
  };
}

/** The PATCH body (without the id) the form's values become; junk is left for the contract. */
export function toCustomerPatch(
  values: CustomerEditValues,
  fields: readonly CustomField[],
  mode: CustomersMode,
): Omit<CustomerUpdate, 'id'> {
  const patch: Record<string, unknown> = {
    name: values.name,
    // A cleared price is "no expected purchase": amoCRM stores 0.
    next_price: wholeNumberFromText(values.next_price) ?? 0,
    next_date: dateToUnix(values.next_date) ?? null,
    custom_fields_values: fields.map((field) => ({
      field_id: field.id,
      values: customFieldValues(field, values.custom[customKey(field.id)]),
    })),
    _embedded: {
      tags: values.tags.map((name) => ({ name })),
      // Each mode edits its own: segments here, periodicity there; the other stays as stored.
      ...(mode === 'segments'
        ? { segments: values.segments.map((id) => ({ id: Number(id) })) }
        : {}),
    },
  };
  if (values.responsible_user_id) patch.responsible_user_id = Number(values.responsible_user_id);
  if (mode === 'periodicity') patch.periodicity = wholeNumberFromText(values.periodicity) ?? 0;
  return patch;
}

/** A contract or server path of the PATCH body → the form's input (`custom.f12`, `tags`). */
export function formPathOf(
  path: readonly PropertyKey[] | string,
  fields: readonly CustomField[],
): string | null {
  const dotted = typeof path === 'string' ? path : path.map(String).join('.');
  return inputForApiPath(dotted, {
    custom_fields_values: fields.map((field) => ({ field_id: field.id, values: [] })),
  });
}

const formShape = z.object({
  name: z.string(),
  next_price: z.string(),
  next_date: z.nullable(z.string()),
  responsible_user_id: z.nullable(z.string()),
  periodicity: z.string(),
  tags: z.array(z.string()),
  segments: z.array(z.string()),
  custom: z.record(
    z.string(),
    z.union([z.string(), z.array(z.string()), z.boolean(), z.null(), z.undefined()]),
  ),
});

/** The form schema for the account's mode: the model's rules on the PATCH the values become. */
export function customerEditSchema(mode: CustomersMode, fields: readonly CustomField[]) {
  return formShape.check(
    z.superRefine((values, ctx) => {
      if (!values.responsible_user_id) {
        ctx.addIssue({
          code: 'custom',
          message: 'Choose a responsible user',
          path: ['responsible_user_id'],
        });
      }
      const patch = toCustomerPatch(values, fields, mode);
      for (const issue of customerIssues(patch, mode, fields)) {
        ctx.addIssue({
          code: 'custom',
          message: issue.message,
          path: issue.input ? issue.input.split('.') : [],
        });
      }
    }),
  );
}
