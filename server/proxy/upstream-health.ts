import { z } from 'zod';
import type { UpstreamQueue } from './upstream-queue';

/** A health answer is reused this long; the check itself gives up after CHECK_TIMEOUT_MS. */
export const HEALTH_TTL_MS = 5_000;
export const CHECK_TIMEOUT_MS = 8_000;

/** The live account as the console names it: header, /api/auth/me. */
export type LiveAccount = { id: number; name: string; subdomain: string };

export type UpstreamStatus = {
  status: 'up' | 'down';
  /** Why it is down, in words an admin can act on; never a header or a token. */
  detail?: string;
  account?: LiveAccount;
  checked_at: number;
};

const accountSchema = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  subdomain: z.string().catch(''),
});

/**
 * Whether the live account answers, asked with `GET /api/v4/account` through the shared queue.
 * Within HEALTH_TTL_MS + CHECK_TIMEOUT_MS (13 s) of the account going away, health says "down".
 */
export function createUpstreamHealth(queue: UpstreamQueue, ttlMs = HEALTH_TTL_MS) {
  let last: UpstreamStatus | undefined;
  let account: LiveAccount | undefined;
  let pending: Promise<UpstreamStatus> | undefined;

  async function check(): Promise<UpstreamStatus> {
    const checkedAt = Math.floor(Date.now() / 1000);
    let timer: NodeJS.Timeout | undefined;
    // The whole check, waiting in the queue included, is bounded: health must say "down" soon.
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`amoCRM did not answer within ${CHECK_TIMEOUT_MS / 1000} s`)),
        CHECK_TIMEOUT_MS,
      );
    });
    try {
      const sent = queue.send({
        method: 'GET',
        url: '/api/v4/account',
        contentType: undefined,
        accept: 'application/hal+json',
        body: undefined,
        timeoutMs: CHECK_TIMEOUT_MS,
      });
      sent.catch(() => {});
      const answer = await Promise.race([sent, deadline]);
      if (answer.status !== 200) {
        return {
          status: 'down',
          detail: `amoCRM answered ${answer.status}`,
          checked_at: checkedAt,
        };
      }
      const parsed = accountSchema.safeParse(JSON.parse(answer.body.toString('utf8')));
      if (parsed.success) account = parsed.data;
      return { status: 'up', account, checked_at: checkedAt };
    } catch (error) {
      const detail = error instanceof Error ? error.message : 'amoCRM did not answer';
      return { status: 'down', detail, account, checked_at: checkedAt };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    status: async (): Promise<UpstreamStatus> => {
      if (last && Date.now() / 1000 - last.checked_at < ttlMs / 1000) return last;
      pending ??= check().then((result) => {
        last = result;
        pending = undefined;
        return result;
      });
      return pending;
    },
    /** The account's name as last seen, asking once if it was never seen. */
    account: async (): Promise<LiveAccount | undefined> => {
      if (account) return account;
      const result = await (pending ?? check());
      return result.account;
    },
  };
}

export type UpstreamHealth = ReturnType<typeof createUpstreamHealth>;
