import type { CustomFieldValues } from '../../src/contracts/common';

/**
 * What `query` searches: the name and every custom-field value, lower-cased, in one
 * trigram-indexed column (amoCRM's `query` covers names and custom-field values).
 */
export function buildSearchText(
  name: string,
  fields: CustomFieldValues[] | null | undefined,
): string {
  const parts = [name];
  for (const field of fields ?? []) {
    for (const item of field.values) {
      if (item.value !== undefined && item.value !== null && typeof item.value !== 'boolean') {
        parts.push(String(item.value));
      }
    }
  }
  return parts.join(' ').toLowerCase();
}
