import { createLoginFailureRepository } from '../db/login-failure-repository';
import type { Db } from '../db/client';
import { TooManyRequests } from '../errors';
import { sha256 } from '../plugins/auth';

/**
 * Failed sign-ins allowed per window: at one email from any number of addresses (guessing one
 * account's password), and from one address at any emails (spraying). Successes do not count,
 * so colleagues behind one NAT, and test suites, sign in as often as they like.
 */
export const LOGIN_LIMITS = {
  windowSeconds: 15 * 60,
  failuresPerEmail: 30,
  failuresPerAddress: 100,
} as const;

const emailBucket = (email: string) => `email:${sha256(email.trim().toLowerCase())}`;
const addressBucket = (address: string) => `ip:${address}`;

export type LoginAttempt = {
  /** Call once the password was right: the attempt is taken back. */
  succeeded: () => Promise<void>;
};

/**
 * Counts an attempt before the password is checked, so a burst of parallel guesses cannot all
 * slip in under the limit; a success then takes its count back. The email is stored hashed:
 * the table never lists who was tried. Unknown and known emails are treated alike.
 */
export function createLoginThrottle(db: Db) {
  const repo = createLoginFailureRepository(db);
  const { windowSeconds, failuresPerEmail, failuresPerAddress } = LOGIN_LIMITS;
  return {
    async attempt(email: string, address: string, now: number): Promise<LoginAttempt> {
      const buckets = [emailBucket(email), addressBucket(address)];
      const [byEmail, byAddress] = await repo.count(buckets, now, windowSeconds);
      const over = [
        byEmail!.failures > failuresPerEmail ? byEmail! : undefined,
        byAddress!.failures > failuresPerAddress ? byAddress! : undefined,
      ].filter((bucket) => bucket !== undefined);
      if (over.length > 0) {
        const ends = Math.max(...over.map((b) => b.windowStartedAt + windowSeconds));
        throw new TooManyRequests(
          'Too many failed sign-in attempts. Try again later.',
          Math.max(1, ends - now),
        );
      }
      return {
        succeeded: async () => {
          await repo.clear([buckets[0]!]);
          await repo.uncount(buckets[1]!);
          await repo.sweep(now, windowSeconds);
        },
      };
    },
  };
}
