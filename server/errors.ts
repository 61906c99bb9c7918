import type { ValidationErrorsItem } from '../src/contracts/problem';

/**
 * Domain errors thrown by services; the error-handler plugin maps each to problem+json.
 * Messages are meant for API clients: say what was wrong and, where it helps, what to do.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

export class ValidationFailed extends HttpProblem {
  constructor(items: ValidationErrorsItem[], detail = 'Request validation failed') {
    super(400, 'Bad Request', detail, { 'validation-errors': items });
  }
}

export class BadRequest extends HttpProblem {
  constructor(detail: string) {
    super(400, 'Bad Request', detail);
  }
}

export class Unauthorized extends HttpProblem {
  constructor(detail = 'Invalid user name or password') {
    super(401, 'Unauthorized', detail);
  }
}

export class PaymentRequired extends HttpProblem {
  constructor(detail = 'Payment required') {
    super(402, 'Payment Required', detail);
  }
}

export class Forbidden extends HttpProblem {
  constructor(detail = 'Access denied') {
    super(403, 'Forbidden', detail);
  }
}

export class NotFound extends HttpProblem {
  constructor(detail = 'Not found') {
    super(404, 'Not Found', detail);
  }
}

export class Unprocessable extends HttpProblem {
  constructor(detail: string) {
    super(422, 'Unprocessable Entity', detail);
  }
}

/** 429 with the wait in seconds (`retry_after` in the body, `Retry-After` header). */
export class TooManyRequests extends HttpProblem {
  constructor(
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'Too Many Requests', detail, { retry_after: retryAfterSeconds });
  }
}

/** A missing entity is not an error in amoCRM: it answers 204 with no body. */
export class NoContent extends Error {
  constructor() {
    super('No Content');
  }
}
