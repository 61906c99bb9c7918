import { z } from '../contracts/zod';
import { problemSchema } from '../contracts/problem';
import { ApiError, ContractError } from './api-error';
import { noteUpstreamResponse } from './upstream-status';

export type QueryParams = Record<string, unknown>;

export interface RequestOptions {
  /** Query parameters, encoded amoCRM-style: `filter[id][]=1&with=contacts`. */
  params?: QueryParams;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const ACCEPT = 'application/hal+json, application/problem+json, application/json';

/** RFC 3986 escaping, as qs does it (encodeURIComponent leaves `!'()*` alone). */
function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function appendPairs(pairs: string[], key: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (value instanceof Date) {
    pairs.push(`${key}=${encodeValue(value.toISOString())}`);
  } else if (Array.isArray(value)) {
    for (const item of value) appendPairs(pairs, `${key}[]`, item);
  } else if (typeof value === 'object') {
    for (const [child, childValue] of Object.entries(value)) {
      appendPairs(pairs, `${key}[${child}]`, childValue);
    }
  } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    pairs.push(`${key}=${encodeValue(String(value))}`);
  }
}

/**
 * `filter[id][]=1&filter[next_date][from]=…`: brackets left readable, as amoCRM's own clients send
 * them. This is exactly `qs.stringify(params, { arrayFormat: 'brackets', encodeValuesOnly: true,
 * skipNulls: true })` (api-client.test.ts checks it against qs); qs itself would put ~19 KB gzip
 * (qs + side-channel + object-inspect) into the initial bundle for these twenty lines.
 */
export function encodeParams(params: QueryParams | undefined): string {
  if (!params) return '';
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(params)) appendPairs(pairs, key, value);
  return pairs.join('&');
}

export function buildUrl(path: string, params?: QueryParams): string {
  const query = encodeParams(params);
  if (!query) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${query}`;
}

/** `Retry-After` is either seconds or an HTTP date; the problem body's `retry_after` is seconds. */
export function parseRetryAfter(header: string | null, bodySeconds?: number): number | null {
  if (header !== null && header.trim() !== '') {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds;
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - Date.now()) / 1000));
  }
  return bodySeconds !== undefined && bodySeconds >= 0 ? bodySeconds : null;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const requestId = response.headers.get('x-request-id');
  const text = await response.text().catch(() => '');
  const json = parseJson(text);
  const problem = json.ok ? problemSchema.safeParse(json.value) : null;
  if (problem?.success) {
    const body = problem.data;
    return new ApiError({
      status: response.status,
      title: body.title,
      detail: body.detail,
      type: body.type,
      validationErrors: body['validation-errors'] ?? [],
      retryAfter: parseRetryAfter(response.headers.get('retry-after'), body.retry_after),
      requestId,
    });
  }
  // A proxy or a crash may answer with HTML or plain text: still an ApiError, never a raw throw.
  return new ApiError({
    status: response.status,
    title: response.statusText || `HTTP ${String(response.status)}`,
    detail: json.ok ? '' : text.slice(0, 200),
    retryAfter: parseRetryAfter(response.headers.get('retry-after')),
    requestId,
  });
}

async function request<S extends z.ZodMiniType>(
  method: Method,
  path: string,
  schema: S,
  body: unknown,
  options: RequestOptions = {},
): Promise<z.output<S> | null> {
  const headers: Record<string, string> = { Accept: ACCEPT, ...options.headers };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (options.signal) init.signal = options.signal;
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.params), init);
  } catch (error) {
    // Cancellation is React Query's business (it aborts superseded requests): let it through.
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({
      kind: 'network',
      status: 0,
      title: 'Network error',
      detail: 'The server could not be reached. Check your connection and try again.',
      cause: error,
    });
  }

  noteUpstreamResponse(response.status, response.headers.get('x-upstream-queue'));
  if (!response.ok) throw await toApiError(response);
  // amoCRM answers 204 for a missing entity, an empty list and a page past the end.
  if (response.status === 204) return null;

  const requestId = response.headers.get('x-request-id');
  const text = await response.text();
  const json = parseJson(text);
  if (!json.ok) {
    throw new ContractError({
      status: response.status,
      detail: `${method} ${path} answered a body that is not JSON.`,
      requestId,
    });
  }
  const parsed = schema.safeParse(json.value);
  if (!parsed.success) {
    throw new ContractError({
      status: response.status,
      detail: `${method} ${path} answered a body that does not match its contract:\n${z.prettifyError(parsed.error)}`,
      requestId,
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/** For endpoints that always answer with a body: a 204 there breaks the contract. */
export function requireBody<T>(value: T | null, what: string): T {
  if (value === null) {
    throw new ContractError({ status: 204, detail: `${what} answered no content.` });
  }
  return value;
}

/**
 * The one HTTP client of the console. Every body goes through the contract schema passed in,
 * 204 becomes `null`, and any failure is an `ApiError`. Retries and the 401 redirect are the
 * QueryClient's job (see query-client.ts), so a call here is exactly one request.
 */
export const apiClient = {
  get: <S extends z.ZodMiniType>(path: string, schema: S, options?: RequestOptions) =>
    request('GET', path, schema, undefined, options),
  post: <S extends z.ZodMiniType>(
    path: string,
    body: unknown,
    schema: S,
    options?: RequestOptions,
  ) => request('POST', path, schema, body, options),
  patch: <S extends z.ZodMiniType>(
    path: string,
    body: unknown,
    schema: S,
    options?: RequestOptions,
  ) => request('PATCH', path, schema, body, options),
  put: <S extends z.ZodMiniType>(
    path: string,
    body: unknown,
    schema: S,
    options?: RequestOptions,
  ) => request('PUT', path, schema, body, options),
  delete: <S extends z.ZodMiniType>(
    path: string,
    schema: S,
    options?: RequestOptions & { body?: unknown },
  ) => request('DELETE', path, schema, options?.body, options),
};
