import { randomBytes } from 'node:crypto';
import { createSessionRepository } from '../db/session-repository';
import { createUserRepository, type UserRow } from '../db/user-repository';
import { Unauthorized } from '../errors';
import { sha256 } from '../plugins/auth';
import type { RouteDeps } from '../routes/deps';
import { createLoginThrottle } from './login-throttle';
import { hashPassword, verifyPassword } from './passwords';
import { SESSION_IDLE_SECONDS, SESSION_TTL_SECONDS } from './session-policy';

const INVALID_LOGIN = 'Invalid email or password';

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A random secret for a cookie or token: 32 bytes, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Console sign-in: password check, sessions. */
export function createAuthService({ db }: Pick<RouteDeps, 'db'>) {
  const users = createUserRepository(db);
  const sessions = createSessionRepository(db);
  const throttle = createLoginThrottle(db);
  // Unknown emails still pay for one scrypt run, so timing does not reveal who has an account.
  let decoyHash: Promise<string> | undefined;

  return {
    /** `address` is the client's IP: failures are throttled per email and per address. */
    async login(
      email: string,
      password: string,
      address: string,
    ): Promise<{ user: UserRow; sessionId: string }> {
      const now = nowSeconds();
      const attempt = await throttle.attempt(email, address, now);
      const user = await users.byEmail(email);
      decoyHash ??= hashPassword(newSecret());
      const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
      if (!user || !ok || !user.rights.is_active) throw new Unauthorized(INVALID_LOGIN);
      await attempt.succeeded();
      const sessionId = newSecret();
      await sessions.create(sha256(sessionId), user.id, now, {
        expiresAt: now + SESSION_TTL_SECONDS,
        idleSince: now - SESSION_IDLE_SECONDS,
      });
      return { user, sessionId };
    },

    async logout(sessionId: string | undefined): Promise<void> {
      if (sessionId) await sessions.delete(sha256(sessionId));
    },

    async me(userId: number): Promise<UserRow> {
      const user = await users.byId(userId);
      if (!user) throw new Unauthorized();
      return user;
    },
  };
}
