import type { CustomFieldValues } from '../../../contracts/common';

/** The first value of the field with `code` (amoCRM's PHONE, EMAIL), as text. */
export function fieldValueByCode(values: CustomFieldValues[] | null, code: string): string[] {
  const field = values?.find((item) => item.field_code === code);
  return (field?.values ?? [])
    .map((item) => item.value)
    .filter(
      (value): value is string | number => typeof value === 'string' || typeof value === 'number',
    )
    .map(String)
    .filter((value) => value !== '');
}
