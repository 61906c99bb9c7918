import { z } from './zod';

/** One field-level complaint inside `validation-errors[].errors`. */
export const validationErrorSchema = z.object({
  code: z.string(),
  path: z.string(),
  detail: z.string(),
});

export const validationErrorsItemSchema = z.object({
  request_id: z.string(),
  errors: z.array(validationErrorSchema),
});

/** amoCRM's application/problem+json body. */
export const problemSchema = z.looseObject({
  title: z.string(),
  type: z.string(),
  status: z.int(),
  detail: z.string(),
  'validation-errors': z.optional(z.array(validationErrorsItemSchema)),
  retry_after: z.optional(z.number()),
});

export type Problem = z.infer<typeof problemSchema>;
export type ValidationError = z.infer<typeof validationErrorSchema>;
export type ValidationErrorsItem = z.infer<typeof validationErrorsItemSchema>;

/** amoCRM error codes we emit, mapped from zod issue codes. */
export function issueCode(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      // zod 4 leaves `input` out of issues unless asked; its message names what was received.
      return issue.message.endsWith('received undefined') ? 'NotBlank' : 'InvalidType';
    case 'too_small':
    case 'too_big':
      return issue.origin === 'string' ? 'InvalidLength' : 'OutOfRange';
    case 'invalid_value':
    case 'invalid_union':
      return 'NotSupportedChoice';
    case 'invalid_format':
      return 'InvalidFormat';
    case 'custom':
      return (issue.params as { amoCode?: string } | undefined)?.amoCode ?? 'InvalidValue';
    default:
      return 'InvalidValue';
  }
}

/** Turns zod issues into amoCRM's `errors[]` with dot paths (`custom_fields_values.0.field_id`). */
export function issuesToValidationErrors(issues: readonly z.core.$ZodIssue[]): ValidationError[] {
  return issues.map((issue) => ({
    code: issueCode(issue),
    path: issue.path.map(String).join('.'),
    detail: issue.message,
  }));
}
