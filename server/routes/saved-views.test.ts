import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { savedViewSchema, savedViewsListSchema } from '../../src/contracts/saved-view';
import { SAVED_VIEWS_PER_USER } from '../services/saved-view-service';
import { ADMIN, createTestApp, SALES, type TestApp } from '../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const create = (as: string, payload: unknown) =>
  t.as(as, { method: 'POST', url: '/api/views', payload: payload as Record<string, unknown> });
const list = async (as: string) =>
  savedViewsListSchema.parse((await t.as(as, { method: 'GET', url: '/api/views' })).json());
const created = async (as: string, payload: Record<string, unknown>) => {
  const response = await create(as, payload);
  expect(response.statusCode).toBe(201);
  return savedViewSchema.parse(response.json());
};

describe('saved views', () => {
  it('keeps a personal view private to its owner', async () => {
    const mine = await created(SALES, { name: 'My VIPs', url: '/customers?segment=1' });
    expect(mine).toMatchObject({ name: 'My VIPs', url: '/customers?segment=1', shared: false });
    expect((await list(SALES)).views.map((v) => v.id)).toContain(mine.id);
    expect((await list(ADMIN)).views.map((v) => v.id)).not.toContain(mine.id);
  });

  it('lists an administrator’s shared view for everyone, and only admins change it', async () => {
    const shared = await created(ADMIN, {
      name: 'Overdue next purchase',
      url: '/customers?overdue=1',
      shared: true,
    });
    expect((await list(SALES)).views.find((v) => v.id === shared.id)?.shared).toBe(true);

    const rename = await t.as(SALES, {
      method: 'PATCH',
      url: `/api/views/${shared.id}`,
      payload: { name: 'Mine now' },
    });
    expect(rename.statusCode).toBe(403);
    const remove = await t.as(SALES, { method: 'DELETE', url: `/api/views/${shared.id}` });
    expect(remove.statusCode).toBe(403);
    expect((await list(SALES)).views.find((v) => v.id === shared.id)?.name).toBe(
      'Overdue next purchase',
    );
  });

  it('refuses sharing by a non-administrator, on create and on update', async () => {
    expect((await create(SALES, { name: 'x', url: '/customers', shared: true })).statusCode).toBe(
      403,
    );
    const mine = await created(SALES, { name: 'Quiet', url: '/customers' });
    const share = await t.as(SALES, {
      method: 'PATCH',
      url: `/api/views/${mine.id}`,
      payload: { shared: true },
    });
    expect(share.statusCode).toBe(403);
  });

  it('answers 404 for another user’s personal view, not 403', async () => {
    const theirs = await created(ADMIN, { name: 'Admin only', url: '/customers?sort=name' });
    const response = await t.as(SALES, {
      method: 'PATCH',
      url: `/api/views/${theirs.id}`,
      payload: { name: 'Taken' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe('application/problem+json');
  });

  it('renames, reorders and deletes the owner’s views', async () => {
    const a = await created(SALES, { name: 'A', url: '/customers?page=1' });
    const b = await created(SALES, { name: 'B', url: '/customers?page=2' });
    const renamed = await t.as(SALES, {
      method: 'PATCH',
      url: `/api/views/${a.id}`,
      payload: { name: '  A renamed  ' },
    });
    expect(savedViewSchema.parse(renamed.json()).name).toBe('A renamed');

    const order = await t.as(SALES, {
      method: 'PUT',
      url: '/api/views/order',
      payload: { ids: [b.id, a.id] },
    });
    expect(order.statusCode).toBe(204);
    const own = (await list(SALES)).views.filter((v) => v.id === a.id || v.id === b.id);
    expect(own.map((v) => v.name)).toEqual(['B', 'A renamed']);

    expect((await t.as(SALES, { method: 'DELETE', url: `/api/views/${a.id}` })).statusCode).toBe(
      204,
    );
    expect((await list(SALES)).views.map((v) => v.id)).not.toContain(a.id);
  });

  it('refuses to reorder a list containing a view the caller may not change', async () => {
    const shared = await created(ADMIN, { name: 'S', url: '/customers', shared: true });
    const mine = await created(SALES, { name: 'M', url: '/customers' });
    const response = await t.as(SALES, {
      method: 'PUT',
      url: '/api/views/order',
      payload: { ids: [mine.id, shared.id] },
    });
    expect(response.statusCode).toBe(403);
  });

  it('remembers a default view per user, cleared when the view is deleted', async () => {
    const view = await created(SALES, { name: 'Default', url: '/customers?sort=-ltv' });
    const set = await t.as(SALES, {
      method: 'PUT',
      url: '/api/views/default',
      payload: { view_id: view.id },
    });
    expect(set.statusCode).toBe(204);
    expect((await list(SALES)).default_view_id).toBe(view.id);
    expect((await list(ADMIN)).default_view_id).toBeNull();

    await t.as(SALES, { method: 'DELETE', url: `/api/views/${view.id}` });
    expect((await list(SALES)).default_view_id).toBeNull();
  });

  it('refuses addresses outside the customers grid', async () => {
    for (const url of [
      'https://evil.example/customers',
      '//evil.example/customers',
      '/settings',
      '/customersX',
      '',
    ]) {
      const response = await create(SALES, { name: 'Bad', url });
      expect(response.statusCode, url).toBe(400);
      expect(JSON.stringify(response.json()), url).toContain('url');
    }
  });

  it('needs a signed-in caller', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/views' });
    expect(response.statusCode).toBe(401);
  });

  it(`stops at ${SAVED_VIEWS_PER_USER} views per user`, async () => {
    const user = await t.createUser({
      customers: { view: 'A', edit: 'A', add: 'A', delete: 'A', export: 'A' },
    });
    for (let i = 0; i < SAVED_VIEWS_PER_USER; i++) {
      await created(user.email, { name: `View ${i}`, url: `/customers?page=${i + 1}` });
    }
    const over = await create(user.email, { name: 'One too many', url: '/customers' });
    expect(over.statusCode).toBe(422);
  });

  it('never answers 5xx to hostile names and addresses, and keeps what it accepts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.constant('a\u0000b'),
          fc.constant('\ud800'),
        ),
        fc.oneof(
          fc.string().map((s) => `/customers?${s}`),
          fc.string({ unit: 'binary' }),
          fc.constant('/customers?q=\u0000'),
        ),
        async (name, url) => {
          const response = await create(SALES, { name, url });
          expect(response.statusCode).toBeLessThan(500);
          if (response.statusCode === 201) {
            const view = savedViewSchema.parse(response.json());
            expect(view.name).toBe(name.trim());
            expect(view.url).toBe(url);
            await t.as(SALES, { method: 'DELETE', url: `/api/views/${view.id}` });
          } else {
            expect([400, 403, 422]).toContain(response.statusCode);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
