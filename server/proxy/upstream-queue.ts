import PQueue from 'p-queue';
import { HttpProblem } from '../errors';
import type { ForwardRequest, UpstreamResponse } from './upstream';

export type QueueOptions = {
  /**
   * One request starts per interval (a sliding window). Requests may reach amoCRM later than we
   * start them (a busy event loop, a new connection), but never after they end, so the requests
   * arriving in any one second are at most those started in it (1000 / 200 = 5) plus those
   * already in flight (2): 7, amoCRM's limit. A shorter interval would not keep that bound.
   */
  intervalMs?: number;
  /** At most this many requests in flight at once. */
  concurrency?: number;
  /** How many times one request is retried after an upstream 429. */
  maxRetries?: number;
  /** A Retry-After longer than this is passed back to the caller instead of waited out. */
  maxPauseMs?: number;
  /** More waiting requests than this and answers carry `X-Upstream-Queue`. */
  busyThreshold?: number;
};

/** An upstream answer plus how crowded the queue was when the request joined it. */
export type QueuedResponse = UpstreamResponse & { waiting: number };

export class UpstreamRateLimited extends HttpProblem {
  constructor(retryAfterSeconds: number) {
    super(
      429,
      'Too Many Requests',
      `amoCRM asks us to wait ${retryAfterSeconds} s before the next request. Please try again later.`,
      { retry_after: retryAfterSeconds },
    );
  }
}

/** Retry-After is either seconds or an HTTP date; anything else counts as one second. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number {
  if (value === undefined) return 1000;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - now);
}

/**
 * Every request to the live account goes through here, whoever asks (console users, the rights
 * refresh, the health check): amoCRM counts requests per integration and bans an IP that keeps
 * going over, so a burst from the console is spread out instead of passed on. A 429 that slips
 * through (another client on the same account) pauses the whole queue for its Retry-After.
 */
export function createUpstreamQueue(
  forward: (request: ForwardRequest) => Promise<UpstreamResponse>,
  {
    intervalMs = 200,
    concurrency = 2,
    maxRetries = 3,
    maxPauseMs = 10_000,
    busyThreshold = 10,
  }: QueueOptions = {},
) {
  const queue = new PQueue({ concurrency, interval: intervalMs, intervalCap: 1, strict: true });
  let resumeAt = 0;
  let resumeTimer: NodeJS.Timeout | undefined;

  function pauseFor(ms: number) {
    const until = Date.now() + ms;
    if (until <= resumeAt) return;
    resumeAt = until;
    queue.pause();
    clearTimeout(resumeTimer);
    resumeTimer = setTimeout(() => {
      resumeTimer = undefined;
      queue.start();
    }, ms);
    resumeTimer.unref();
  }

  async function send(request: ForwardRequest): Promise<QueuedResponse> {
    const waiting = queue.size;
    for (let attempt = 0; ; attempt++) {
      // Retries jump the line: they have waited once already.
      const answer = await queue.add(() => forward(request), {
        priority: attempt,
      });
      if (answer.status !== 429) return { ...answer, waiting };
      const pause = retryAfterMs(answer.retryAfter);
      if (pause > maxPauseMs || attempt >= maxRetries) {
        throw new UpstreamRateLimited(Math.max(1, Math.ceil(pause / 1000)));
      }
      pauseFor(pause);
    }
  }

  return {
    send,
    /** Requests waiting for their turn (not counting those in flight). */
    waiting: () => queue.size,
    busyThreshold,
    close: () => {
      clearTimeout(resumeTimer);
      queue.clear();
    },
  };
}

export type UpstreamQueue = ReturnType<typeof createUpstreamQueue>;
