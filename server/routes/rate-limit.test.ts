import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../../src/contracts/problem';
import { createTestApp, SALES, ADMIN, type TestApp } from '../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_SECOND: '3' });
});
afterAll(async () => {
  await t.close();
});

describe('rate limits', () => {
  it('answers 429 problem+json with retry_after and Retry-After past the per-second limit', async () => {
    const cookie = await t.cookieFor(ADMIN);
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.app.inject({ method: 'GET', url: '/api/v4/account', headers: { cookie } }),
      ),
    );
    const limited = responses.filter((r) => r.statusCode === 429);
    expect(limited.length).toBeGreaterThanOrEqual(3);
    const response = limited[0]!;
    expect(response.headers['content-type']).toBe('application/problem+json');
    const problem = problemSchema.parse(response.json());
    expect(problem.status).toBe(429);
    expect(problem.retry_after).toBeGreaterThanOrEqual(1);
    expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('counts each credential separately', async () => {
    const cookie = await t.cookieFor(SALES);
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v4/account',
      headers: { cookie },
    });
    expect(response.statusCode).toBe(200);
  });

  it('limits login attempts per address and email to 10 a minute', async () => {
    const attempt = (email: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: 'wrong' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await attempt('victim@example.com')).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);

    const limited = await attempt('VICTIM@example.com');
    expect(limited.statusCode).toBe(429);
    expect(problemSchema.parse(limited.json()).retry_after).toBeGreaterThan(1);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(1);

    // Another email from the same address is counted on its own.
    expect((await attempt('someone-else@example.com')).statusCode).toBe(401);
  });
});
