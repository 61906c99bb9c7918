import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usersPageSchema, userSchema } from '../../src/contracts/user';
import { ADMIN, createTestApp, SALES, type TestApp } from '../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const VIEW_OWN = { view: 'M', edit: 'M', add: 'A', delete: 'D', export: 'D' } as const;

describe('GET /api/v4/users', () => {
  it('lists every user to any signed-in user, so owners can be named', async () => {
    for (const as of [ADMIN, SALES]) {
      const response = await t.as(as, { method: 'GET', url: '/api/v4/users' });
      expect(response.statusCode).toBe(200);
      const page = usersPageSchema.parse(response.json());
      const emails = page._embedded.users.map((u) => u.email);
      expect(emails).toEqual(expect.arrayContaining([ADMIN, SALES]));
      expect(page._embedded.users.length).toBeGreaterThanOrEqual(6);
    }
  });

  it('pages with limit and links to the next page only while there is one', async () => {
    const first = usersPageSchema.parse(
      (await t.as(SALES, { method: 'GET', url: '/api/v4/users?limit=2' })).json(),
    );
    expect(first._embedded.users).toHaveLength(2);
    expect(first._links.next?.href).toContain('page=2');
    const all = usersPageSchema.parse(
      (await t.as(SALES, { method: 'GET', url: '/api/v4/users?limit=250' })).json(),
    );
    expect(all._links.next).toBeUndefined();
    const past = await t.as(SALES, { method: 'GET', url: '/api/v4/users?page=99' });
    expect(past.statusCode).toBe(204);
    expect(past.body).toBe('');
  });

  it('answers 400 for a limit above 250', async () => {
    const response = await t.as(SALES, { method: 'GET', url: '/api/v4/users?limit=251' });
    expect(response.statusCode).toBe(400);
  });
});

describe('GET /api/v4/users/{id}', () => {
  it('answers one user', async () => {
    const list = usersPageSchema.parse(
      (await t.as(SALES, { method: 'GET', url: '/api/v4/users' })).json(),
    );
    const admin = list._embedded.users.find((u) => u.email === ADMIN)!;
    const response = await t.as(SALES, { method: 'GET', url: `/api/v4/users/${admin.id}` });
    expect(response.statusCode).toBe(200);
    expect(userSchema.parse(response.json())).toEqual(admin);
  });

  it('answers 204 for a missing user and 400 for a malformed id', async () => {
    expect((await t.as(SALES, { method: 'GET', url: '/api/v4/users/999999' })).statusCode).toBe(
      204,
    );
    expect((await t.as(SALES, { method: 'GET', url: '/api/v4/users/abc' })).statusCode).toBe(400);
  });
});

describe('PATCH /api/v4/users/{id} (rights)', () => {
  it("lets an admin change a user's customers rights, effective on the user's next request", async () => {
    const user = await t.createUser({
      customers: { view: 'A', edit: 'A', add: 'A', delete: 'A', export: 'A' },
    });
    const response = await t.as(ADMIN, {
      method: 'PATCH',
      url: `/api/v4/users/${user.id}`,
      payload: { rights: { customers: VIEW_OWN } },
    });
    expect(response.statusCode).toBe(200);
    const updated = userSchema.parse(response.json());
    expect(updated.rights.customers).toEqual(VIEW_OWN);
    expect(updated.rights.is_admin).toBe(false);

    const me = await t.as(user.email, { method: 'GET', url: '/api/auth/me' });
    expect(userSchema.parse(me.json()).rights.customers).toEqual(VIEW_OWN);
  });

  it('lets an admin make another user an admin and set a group', async () => {
    const user = await t.createUser({ customers: VIEW_OWN });
    const response = await t.as(ADMIN, {
      method: 'PATCH',
      url: `/api/v4/users/${user.id}`,
      payload: { rights: { is_admin: true, group_id: 7 } },
    });
    const updated = userSchema.parse(response.json());
    expect(updated.rights.is_admin).toBe(true);
    expect(updated.rights.group_id).toBe(7);
    expect(updated.rights.customers).toEqual(VIEW_OWN);
  });

  it('refuses a sales user (403) and leaves the rights unchanged', async () => {
    const user = await t.createUser({ customers: VIEW_OWN });
    const response = await t.as(SALES, {
      method: 'PATCH',
      url: `/api/v4/users/${user.id}`,
      payload: { rights: { is_admin: true } },
    });
    expect(response.statusCode).toBe(403);
    const malformed = await t.as(SALES, {
      method: 'PATCH',
      url: `/api/v4/users/${user.id}`,
      payload: { rights: { is_admin: 'yes' } },
    });
    expect(malformed.statusCode).toBe(403);
    const after = userSchema.parse(
      (await t.as(ADMIN, { method: 'GET', url: `/api/v4/users/${user.id}` })).json(),
    );
    expect(after.rights.is_admin).toBe(false);
  });

  it('refuses an admin removing their own admin rights (400)', async () => {
    const me = userSchema.parse((await t.as(ADMIN, { method: 'GET', url: '/api/auth/me' })).json());
    const response = await t.as(ADMIN, {
      method: 'PATCH',
      url: `/api/v4/users/${me.id}`,
      payload: { rights: { is_admin: false } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe('application/problem+json');
  });

  it('answers 400 with the path for an unknown right value or an unknown key', async () => {
    const user = await t.createUser({ customers: VIEW_OWN });
    const bad = await t.as(ADMIN, {
      method: 'PATCH',
      url: `/api/v4/users/${user.id}`,
      payload: { rights: { customers: { ...VIEW_OWN, view: 'X' } } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()['validation-errors'][0].errors[0].path).toBe('rights.customers.view');
    const unknown = await t.as(ADMIN, {
      method: 'PATCH',
      url: `/api/v4/users/${user.id}`,
      payload: { rights: { leads: VIEW_OWN } },
    });
    expect(unknown.statusCode).toBe(400);
  });

  it('answers 204 for a missing user', async () => {
    const response = await t.as(ADMIN, {
      method: 'PATCH',
      url: '/api/v4/users/999999',
      payload: { rights: { is_admin: false } },
    });
    expect(response.statusCode).toBe(204);
  });
});
