import { HttpProblem } from '../errors';

/** What the caller sent that matters upstream; nothing else of theirs is forwarded. */
export type ForwardRequest = {
  method: string;
  /** Path and raw query string as the caller sent them, e.g. `/api/v4/customers?limit=250`. */
  url: string;
  contentType: string | undefined;
  accept: string | undefined;
  body: Buffer | undefined;
  /** Shorter than the default for checks that must fail fast (health). */
  timeoutMs?: number;
};

export type UpstreamResponse = {
  status: number;
  contentType: string | undefined;
  retryAfter: string | undefined;
  requestId: string | undefined;
  body: Buffer;
};

export type UpstreamOptions = {
  baseUrl: string;
  /** A long-lived token, or where to get the current one (an OAuth integration). */
  accessToken: string | (() => Promise<string>);
  /** Told when amoCRM answers 401 to a token, so that it gets refreshed. */
  onRejected?: (token: string) => void;
  timeoutMs?: number;
};

export const DEFAULT_TIMEOUT_MS = 30_000;

export class BadGateway extends HttpProblem {
  constructor(detail: string) {
    super(502, 'Bad Gateway', detail);
  }
}

export class GatewayTimeout extends HttpProblem {
  constructor(detail: string) {
    super(504, 'Gateway Timeout', detail);
  }
}

const BODYLESS_METHODS = new Set(['GET', 'HEAD']);

/** The network-level reason behind undici's generic "fetch failed", without any header. */
function reasonOf(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: unknown }).code;
    return typeof code === 'string' && !cause.message.includes(code)
      ? `${code} ${cause.message}`
      : cause.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * The live amoCRM account behind the gateway. The token lives only here: it goes into the
 * upstream Authorization header and nowhere else (not in errors, not in logs).
 */
export function createUpstream({
  baseUrl,
  accessToken,
  onRejected,
  timeoutMs = DEFAULT_TIMEOUT_MS,
}: UpstreamOptions) {
  const tokenOf = typeof accessToken === 'string' ? async () => accessToken : accessToken;
  const base = new URL(baseUrl);
  const apiRoot = `${base.pathname.replace(/\/$/, '')}/api/v4/`;

  /** Resolves the caller's URL on the upstream host, refusing dot segments that leave /api/v4/. */
  function targetOf(url: string): URL | undefined {
    const target = new URL(`${base.origin}${base.pathname.replace(/\/$/, '')}${url}`);
    if (target.origin !== base.origin || !target.pathname.startsWith(apiRoot)) return undefined;
    return target;
  }

  async function forward(request: ForwardRequest): Promise<UpstreamResponse> {
    const limitMs = request.timeoutMs ?? timeoutMs;
    const target = targetOf(request.url);
    if (!target) throw new HttpProblem(400, 'Bad Request', 'Only /api/v4/ paths are forwarded');
    const payload =
      !BODYLESS_METHODS.has(request.method) && request.body && request.body.length > 0
        ? Uint8Array.from(request.body)
        : undefined;

    async function send(token: string): Promise<Response> {
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (request.contentType) headers['content-type'] = request.contentType;
      if (request.accept) headers.accept = request.accept;
      try {
        return await fetch(target!, {
          method: request.method,
          headers,
          body: payload,
          // A redirect would be followed with our token; amoCRM's API never redirects.
          redirect: 'manual',
          signal: AbortSignal.timeout(limitMs),
        });
      } catch (error) {
        if (error instanceof Error && error.name === 'TimeoutError') {
          throw new GatewayTimeout(`amoCRM did not answer within ${limitMs / 1000} s`);
        }
        throw new BadGateway(`amoCRM is unreachable: ${reasonOf(error)}`);
      }
    }

    const token = await tokenOf();
    let response = await send(token);
    if (response.status === 401 && onRejected) {
      // An integration's token may be revoked or expire early: refresh once and ask again.
      onRejected(token);
      await response.body?.cancel();
      response = await send(await tokenOf());
    }
    let body: Buffer;
    try {
      body = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError') {
        throw new GatewayTimeout(`amoCRM did not finish its answer within ${limitMs / 1000} s`);
      }
      throw new BadGateway(`amoCRM broke off its answer: ${reasonOf(error)}`);
    }
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? undefined,
      retryAfter: response.headers.get('retry-after') ?? undefined,
      requestId: response.headers.get('x-request-id') ?? undefined,
      body,
    };
  }

  return { baseUrl: `${base.origin}${base.pathname.replace(/\/$/, '')}`, forward };
}

export type Upstream = ReturnType<typeof createUpstream>;
