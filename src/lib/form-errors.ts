import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { isApiError } from './api-error';

/**
 * Puts a 400's `validation-errors[].errors[]` on the form fields they name (`path` is a dot path
 * such as `custom_fields_values.0.values`), and everything else on `root.server`.
 * `fields` lists the form's own paths so a server path the form does not render is not lost.
 * Returns true when the error was an ApiError and has been shown on the form.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
  options: { pathPrefix?: string } = {},
): boolean {
  if (!isApiError(error)) return false;
  const known = new Set(fields);
  const leftovers: string[] = [];
  for (const item of error.validationErrors) {
    for (const issue of item.errors) {
      const path = stripPrefix(issue.path, options.pathPrefix);
      if (path !== null && known.has(path)) {
        setError(path as FieldPath<T>, { type: 'server', message: issue.detail });
      } else {
        leftovers.push(issue.path ? `${issue.path}: ${issue.detail}` : issue.detail);
      }
    }
  }
  if (error.validationErrors.length === 0 || leftovers.length > 0) {
    const message = leftovers.length > 0 ? leftovers.join('\n') : error.detail || error.title;
    setError('root.server', { type: String(error.status), message });
  }
  return true;
}

/** Batch endpoints report `0.name` for the first item; a single-item form wants `name`. */
function stripPrefix(path: string, prefix: string | undefined): string | null {
  if (prefix === undefined) return path;
  return path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : null;
}
