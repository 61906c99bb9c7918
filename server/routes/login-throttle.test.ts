import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../../src/contracts/problem';
import { buildApp } from '../app';
import { sessions } from '../db/schema';
import { SESSION_COOKIE, sha256 } from '../plugins/auth';
import { LOGIN_LIMITS } from '../services/login-throttle';
import { SESSION_IDLE_SECONDS } from '../services/session-policy';
import { ADMIN, createTestApp, SALES, type TestApp } from '../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (email: string, password: string, remoteAddress: string, app = t.app) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress,
  });

/** `n` wrong passwords at `email`, each from its own address (a botnet's spread). */
async function failFromMany(email: string, n: number, net: string) {
  for (let i = 0; i < n; i += 1) {
    const response = await login(email, `wrong-${i}`, `${net}.${Math.floor(i / 250)}.${i % 250}`);
    expect(response.statusCode).toBe(401);
  }
}

function expectThrottled(response: Awaited<ReturnType<typeof login>>) {
  expect(response.statusCode).toBe(429);
  expect(response.headers['content-type']).toBe('application/problem+json');
  const retryAfter = Number(response.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(LOGIN_LIMITS.windowSeconds);
  const body = problemSchema.parse(response.json());
  expect(body.retry_after).toBe(retryAfter);
  expect(response.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  return body;
}

describe('login throttle per account', () => {
  it(`refuses one email after ${LOGIN_LIMITS.failuresPerEmail} failures from different addresses, even with the right password`, async () => {
    await failFromMany(ADMIN, LOGIN_LIMITS.failuresPerEmail, '10.1');
    expectThrottled(await login(ADMIN, 'wrong', '10.9.9.9'));
    expectThrottled(await login(ADMIN, 'demo', '10.9.9.8'));
    // Other spellings of the same email share its bucket.
    expectThrottled(await login('  Admin@Example.COM ', 'demo', '10.9.9.7'));
    // Another account is untouched.
    expect((await login(SALES, 'demo', '10.9.9.9')).statusCode).toBe(200);
  }, 60_000);

  it('treats an unknown email exactly like a known one (no enumeration)', async () => {
    await failFromMany('nobody@example.com', LOGIN_LIMITS.failuresPerEmail, '10.2');
    const unknown = expectThrottled(await login('nobody@example.com', 'demo', '10.9.8.1'));
    const known = expectThrottled(await login(ADMIN, 'demo', '10.9.8.2'));
    expect(unknown.detail).toBe(known.detail);
    expect(unknown.title).toBe(known.title);
  });
});

describe('login throttle per address', () => {
  it(`refuses an address after ${LOGIN_LIMITS.failuresPerAddress} failures at any emails; other addresses sign in`, async () => {
    const address = '10.3.0.1';
    for (let i = 0; i < LOGIN_LIMITS.failuresPerAddress; i += 1) {
      expect((await login(`spray-${i}@example.com`, 'demo', address)).statusCode).toBe(401);
    }
    expectThrottled(await login('spray-next@example.com', 'demo', address));
    expectThrottled(await login(SALES, 'demo', address));
    expect((await login(SALES, 'demo', '10.3.0.2')).statusCode).toBe(200);
  }, 120_000);

  it('never counts successful sign-ins', async () => {
    const address = '10.4.0.1';
    for (let i = 0; i < LOGIN_LIMITS.failuresPerAddress + 20; i += 1) {
      expect((await login(SALES, 'demo', address)).statusCode).toBe(200);
    }
  }, 120_000);
});

describe('two server instances on one database', () => {
  it('count the same failures', async () => {
    const other = await buildApp({ db: t.database.db, config: t.config });
    try {
      const email = 'shared-target@example.com';
      const half = LOGIN_LIMITS.failuresPerEmail / 2;
      for (let i = 0; i < half; i += 1) {
        expect((await login(email, 'x', `10.5.0.${i}`)).statusCode).toBe(401);
        expect((await login(email, 'x', `10.5.1.${i}`, other)).statusCode).toBe(401);
      }
      expectThrottled(await login(email, 'x', '10.5.2.1'));
      expectThrottled(await login(email, 'x', '10.5.2.2', other));
    } finally {
      await other.close();
    }
  });
});

describe('session expiry', () => {
  async function signIn() {
    const response = await login(SALES, 'demo', '10.6.0.1');
    const value = response.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    return { cookie: `${SESSION_COOKIE}=${value}`, idHash: sha256(value) };
  }
  const me = (cookie: string) =>
    t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
  const now = () => Math.floor(Date.now() / 1000);

  it('ends a session left idle, and keeps one in use alive', async () => {
    const idle = await signIn();
    const used = await signIn();
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: now() - SESSION_IDLE_SECONDS - 5 })
      .where(eq(sessions.idHash, idle.idHash));
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: now() - SESSION_IDLE_SECONDS + 120 })
      .where(eq(sessions.idHash, used.idHash));
    expect((await me(idle.cookie)).statusCode).toBe(401);
    expect((await me(used.cookie)).statusCode).toBe(200);
    const [row] = await t.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.idHash, used.idHash));
    // Using it moved its idle clock forward.
    expect(row!.lastSeenAt).toBeGreaterThan(now() - 60);
  });

  it('ends a session at its absolute expiry however active it is', async () => {
    const active = await signIn();
    expect((await me(active.cookie)).statusCode).toBe(200);
    await t.database.db
      .update(sessions)
      .set({ expiresAt: now() - 1 })
      .where(eq(sessions.idHash, active.idHash));
    expect((await me(active.cookie)).statusCode).toBe(401);
  });
});
