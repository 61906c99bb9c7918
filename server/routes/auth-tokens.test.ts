import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountSchema } from '../../src/contracts/account';
import { apiTokensListSchema, tokenCreatedSchema } from '../../src/contracts/auth';
import { apiTokens, users } from '../db/schema';
import { sha256 } from '../plugins/auth';
import { mintApiToken } from '../services/api-token-format';
import { ADMIN, createTestApp, SALES, type TestApp } from '../test/test-app';

let t: TestApp;
let adminId: number;
let salesId: number;
beforeAll(async () => {
  t = await createTestApp();
  const rows = await t.database.db.select({ id: users.id, email: users.email }).from(users);
  adminId = rows.find((r) => r.email === ADMIN)!.id;
  salesId = rows.find((r) => r.email === SALES)!.id;
});
afterAll(async () => {
  await t.close();
});

const createToken = async (as: string, payload: Record<string, unknown>) => {
  const response = await t.as(as, { method: 'POST', url: '/api/auth/tokens', payload });
  expect(response.statusCode).toBe(200);
  return tokenCreatedSchema.parse(response.json());
};
const bearer = (token: string, url = '/api/v4/account') =>
  t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

describe('API tokens', () => {
  it('creates a token that works as a Bearer until it is revoked, then fails at once', async () => {
    const token = await createToken(SALES, { name: 'Integration' });
    expect(token.user_id).toBe(salesId);
    expect(token.name).toBe('Integration');

    const account = await bearer(token.access_token);
    expect(account.statusCode).toBe(200);
    expect(accountSchema.parse(account.json()).current_user_id).toBe(salesId);

    const revoke = await t.as(SALES, { method: 'DELETE', url: `/api/auth/tokens/${token.id}` });
    expect(revoke.statusCode).toBe(204);
    const after = await bearer(token.access_token);
    expect(after.statusCode).toBe(401);
    expect(after.headers['content-type']).toBe('application/problem+json');
  });

  it('stores only the hash of the token', async () => {
    const token = await createToken(SALES, { name: 'Hashed' });
    const rows = await t.database.db.select().from(apiTokens).where(eq(apiTokens.id, token.id));
    expect(rows[0]!.tokenHash).toBe(sha256(token.access_token));
    expect(JSON.stringify(rows)).not.toContain(token.access_token);
  });

  it('records when a token was last used', async () => {
    const token = await createToken(SALES, { name: 'Used' });
    expect(token.last_used_at).toBeNull();
    await bearer(token.access_token);
    const list = apiTokensListSchema.parse(
      (await t.as(SALES, { method: 'GET', url: '/api/auth/tokens' })).json(),
    );
    expect(list.tokens.find((x) => x.id === token.id)!.last_used_at).toEqual(expect.any(Number));
  });

  it('lets an admin create a token for another user', async () => {
    const token = await createToken(ADMIN, { name: 'For sales', user_id: salesId });
    expect(token.user_id).toBe(salesId);
    const me = await bearer(token.access_token, '/api/auth/me');
    expect(me.json().email).toBe(SALES);
  });

  it('refuses a sales user creating a token for the admin (403)', async () => {
    const response = await t.as(SALES, {
      method: 'POST',
      url: '/api/auth/tokens',
      payload: { name: 'Escalate', user_id: adminId },
    });
    expect(response.statusCode).toBe(403);
  });

  it('answers 400 for a token for an unknown user or without a name', async () => {
    const unknown = await t.as(ADMIN, {
      method: 'POST',
      url: '/api/auth/tokens',
      payload: { name: 'Ghost', user_id: 999_999 },
    });
    expect(unknown.statusCode).toBe(400);
    const nameless = await t.as(ADMIN, {
      method: 'POST',
      url: '/api/auth/tokens',
      payload: { name: ' ' },
    });
    expect(nameless.statusCode).toBe(400);
    expect(nameless.json()['validation-errors'][0].errors[0].path).toBe('name');
  });

  it("refuses a sales user revoking the admin's token, and the token keeps working", async () => {
    const token = await createToken(ADMIN, { name: 'Admin own' });
    const response = await t.as(SALES, { method: 'DELETE', url: `/api/auth/tokens/${token.id}` });
    expect(response.statusCode).toBe(403);
    expect((await bearer(token.access_token)).statusCode).toBe(200);
  });

  it("lists only the caller's own tokens for a sales user", async () => {
    await createToken(ADMIN, { name: 'Admin listed' });
    const response = await t.as(SALES, { method: 'GET', url: '/api/auth/tokens' });
    const { tokens } = apiTokensListSchema.parse(response.json());
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.every((x) => x.user_id === salesId)).toBe(true);
    const others = await t.as(SALES, { method: 'GET', url: `/api/auth/tokens?user_id=${adminId}` });
    expect(others.statusCode).toBe(403);
  });

  it("lets an admin list and revoke anyone's tokens", async () => {
    const token = await createToken(SALES, { name: 'Sales revoked by admin' });
    const all = apiTokensListSchema.parse(
      (await t.as(ADMIN, { method: 'GET', url: '/api/auth/tokens' })).json(),
    );
    expect(new Set(all.tokens.map((x) => x.user_id))).toEqual(new Set([adminId, salesId]));
    const onlySales = apiTokensListSchema.parse(
      (await t.as(ADMIN, { method: 'GET', url: `/api/auth/tokens?user_id=${salesId}` })).json(),
    );
    expect(onlySales.tokens.every((x) => x.user_id === salesId)).toBe(true);

    const revoke = await t.as(ADMIN, { method: 'DELETE', url: `/api/auth/tokens/${token.id}` });
    expect(revoke.statusCode).toBe(204);
    expect((await bearer(token.access_token)).statusCode).toBe(401);
    const after = apiTokensListSchema.parse(
      (await t.as(ADMIN, { method: 'GET', url: '/api/auth/tokens' })).json(),
    );
    expect(after.tokens.map((x) => x.id)).not.toContain(token.id);
  });

  it('answers 204 when revoking a token that does not exist or is already revoked', async () => {
    const response = await t.as(ADMIN, { method: 'DELETE', url: '/api/auth/tokens/999999' });
    expect(response.statusCode).toBe(204);
  });

  it('lets a Bearer token manage tokens too', async () => {
    const token = await createToken(SALES, { name: 'Bootstrap' });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: { authorization: `Bearer ${token.access_token}` },
      payload: { name: 'Made by token' },
    });
    expect(response.statusCode).toBe(200);
    expect(tokenCreatedSchema.parse(response.json()).user_id).toBe(salesId);
  });

  it('answers 401 without a caller', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/tokens' });
    expect(response.statusCode).toBe(401);
  });
});

describe('API tokens are JWT-shaped, as amoCRM’s long-lived tokens are', () => {
  const claimsOf = (token: string) =>
    JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;

  it('carries iat, exp and a unique jti that a client can decode', async () => {
    const before = Math.floor(Date.now() / 1000);
    const first = await createToken(SALES, { name: 'JWT one' });
    const second = await createToken(SALES, { name: 'JWT two' });
    expect(first.access_token.split('.')).toHaveLength(3);
    const header = JSON.parse(
      Buffer.from(first.access_token.split('.')[0]!, 'base64url').toString('utf8'),
    ) as Record<string, unknown>;
    expect(header).toMatchObject({ typ: 'JWT' });
    const claims = claimsOf(first.access_token);
    expect(claims.iat).toBeGreaterThanOrEqual(before);
    expect(claims.exp).toBeGreaterThan(before + 300 * 24 * 3600);
    expect(claims.sub).toBe(String(salesId));
    expect(typeof claims.jti).toBe('string');
    expect(claims.jti).not.toBe(claimsOf(second.access_token).jti);
  });

  it('stops working at its exp, with a message saying so', async () => {
    const now = Math.floor(Date.now() / 1000);
    const { token } = mintApiToken({
      userId: salesId,
      accountId: 1,
      now: now - 100,
      lifetimeSeconds: 50,
    });
    await t.database.db
      .insert(apiTokens)
      .values({ userId: salesId, name: 'Expired', tokenHash: sha256(token), createdAt: now - 100 });
    const response = await bearer(token);
    expect(response.statusCode).toBe(401);
    expect(JSON.stringify(response.json())).toContain('expired');

    // The same token minted with time left works: it is the expiry that refused it.
    const live = mintApiToken({ userId: salesId, accountId: 1, now, lifetimeSeconds: 3600 });
    await t.database.db
      .insert(apiTokens)
      .values({ userId: salesId, name: 'Live', tokenHash: sha256(live.token), createdAt: now });
    expect((await bearer(live.token)).statusCode).toBe(200);
  });

  it('refuses a token whose payload was edited to extend it', async () => {
    const token = await createToken(SALES, { name: 'Tampered' });
    const [header, , signature] = token.access_token.split('.');
    const claims = { ...claimsOf(token.access_token), exp: 4_102_444_800 };
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expect((await bearer(forged)).statusCode).toBe(401);
  });
});
