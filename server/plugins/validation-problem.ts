import type { FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { z } from '../../src/contracts/zod';
import { issuesToValidationErrors, type ValidationErrorsItem } from '../../src/contracts/problem';
import { BATCH_EMPTY, isBatchSchema } from '../../src/contracts/request';
import { BadRequest, Unprocessable, ValidationFailed, type HttpProblem } from '../errors';

type Issue = z.core.$ZodIssue;

/**
 * fastify-type-provider-zod hands Fastify each zod issue with its path as a JSON pointer and the
 * rest of the issue in `params`; this puts the issue back together for `issuesToValidationErrors`.
 */
function issuesOf(
  validation: Array<{ instancePath: string; keyword: string; message?: string; params: object }>,
): Issue[] {
  return validation.map(
    (entry) =>
      ({
        ...entry.params,
        code: entry.keyword,
        message: entry.message ?? 'Invalid input',
        path: entry.instancePath === '/' ? [] : entry.instancePath.slice(1).split('/'),
      }) as Issue,
  );
}

/** The `request_id` an item claimed, if it is one a client could mean (a string or a number). */
function claimedRequestId(item: unknown): string | undefined {
  if (item === null || typeof item !== 'object' || !('request_id' in item)) return undefined;
  const claimed = (item as { request_id: unknown }).request_id;
  return typeof claimed === 'string' || typeof claimed === 'number' ? String(claimed) : undefined;
}

/** A batch's issues, grouped under each item's `request_id` (its index when it names none). */
function batchProblem(issues: Issue[], body: unknown): HttpProblem {
  const whole = issues.find((issue) => issue.path.length === 0);
  if (whole?.code === 'too_big') return new Unprocessable(whole.message);
  if (whole) return new BadRequest(BATCH_EMPTY);
  const items: unknown[] = Array.isArray(body) ? body : [body];
  const byItem = new Map<number, Issue[]>();
  for (const issue of issues) {
    const index = Number(issue.path[0]);
    byItem.set(index, [...(byItem.get(index) ?? []), { ...issue, path: issue.path.slice(1) }]);
  }
  const failures: ValidationErrorsItem[] = [...byItem].map(([index, itemIssues]) => ({
    request_id: claimedRequestId(items[index]) ?? String(index),
    errors: issuesToValidationErrors(itemIssues),
  }));
  return new ValidationFailed(failures);
}

/**
 * A schema failure as amoCRM reports it: `validation-errors` with dot paths, batch items under
 * their own `request_id`; undefined when the error is not a schema failure.
 */
export function validationProblem(
  error: unknown,
  request: FastifyRequest,
): HttpProblem | undefined {
  if (!hasZodFastifySchemaValidationErrors(error)) return undefined;
  const issues = issuesOf(error.validation);
  const context = (error as { validationContext?: string }).validationContext;
  if (context === 'body') {
    if (isBatchSchema(request.routeOptions.schema?.body)) return batchProblem(issues, request.body);
    if (request.body === undefined || request.body === null) return new BadRequest(BATCH_EMPTY);
  }
  const errors = issuesToValidationErrors(issues);
  // A query or path has no form to show errors beside: the detail says what was wrong too.
  const detail =
    context === 'body'
      ? undefined
      : `Request validation failed: ${errors
          .slice(0, 3)
          .map((e) => `${e.path || context}: ${e.detail}`)
          .join('; ')}`;
  return new ValidationFailed([{ request_id: '0', errors }], detail);
}
