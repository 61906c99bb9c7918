import type { ValidationErrorsItem } from '../contracts/problem';

/**
 * Where the failure came from: the server answered with an error (`http`), the request never got
 * an answer (`network`), or the answer did not match its contract (`contract`: a bug on one side).
 */
export type ApiErrorKind = 'http' | 'network' | 'contract';

export interface ApiErrorInit {
  kind?: ApiErrorKind;
  status: number;
  title: string;
  detail: string;
  type?: string;
  validationErrors?: ValidationErrorsItem[];
  retryAfter?: number | null;
  requestId?: string | null;
  cause?: unknown;
}

/** Every failure of the API client, shaped after amoCRM's problem+json. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  /** HTTP status; 0 when the request never got an answer. */
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly type: string;
  readonly validationErrors: ValidationErrorsItem[];
  /** Seconds the server asked us to wait (429/503), or null. */
  readonly retryAfter: number | null;
  readonly requestId: string | null;

  constructor(init: ApiErrorInit) {
    super(init.detail ? `${init.title}: ${init.detail}` : init.title, { cause: init.cause });
    this.kind = init.kind ?? 'http';
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.type = init.type ?? 'about:blank';
    this.validationErrors = init.validationErrors ?? [];
    this.retryAfter = init.retryAfter ?? null;
    this.requestId = init.requestId ?? null;
  }
}

/** A body that does not match its zod contract. Kept an ApiError so every screen handles it alike. */
export class ContractError extends ApiError {
  constructor(init: Omit<ApiErrorInit, 'kind' | 'title'> & { title?: string }) {
    super({
      ...init,
      kind: 'contract',
      title: init.title ?? 'Unexpected response from the server',
    });
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** 429 and 503 say "try again later"; a network failure may be transient too. */
export function isRetryableError(error: unknown): boolean {
  if (!isApiError(error)) return false;
  return error.kind === 'network' || error.status === 429 || error.status === 503;
}

export function isUnauthorized(error: unknown): boolean {
  return isApiError(error) && error.status === 401;
}
