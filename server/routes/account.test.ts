import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountSchema } from '../../src/contracts/account';
import { CUSTOMER_ORDER_FIELDS } from '../../src/contracts/customer';
import { ACCOUNT_ID } from '../db/account-repository';
import { ADMIN, createTestApp, SALES, type TestApp } from '../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const getAccount = async (url = '/api/v4/account', as = ADMIN) => {
  const response = await t.as(as, { method: 'GET', url });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/hal+json');
  return accountSchema.parse(response.json());
};
const setMode = async (mode: 'segments' | 'periodicity', isEnabled: boolean) => {
  const response = await t.as(ADMIN, {
    method: 'PATCH',
    url: '/api/v4/customers/mode',
    payload: { mode, is_enabled: isEnabled },
  });
  expect(response.statusCode).toBe(200);
};

describe('GET /api/v4/account', () => {
  it("answers amoCRM's account with the caller as current user", async () => {
    const account = await getAccount();
    expect(account.id).toBe(ACCOUNT_ID);
    expect(account.currency).toBe('USD');
    expect(account.currency_symbol).toBe('$');
    expect(account.customers_mode).toBe('segments');
    expect(account._links.self.href).toMatch(/\/api\/v4\/account$/);
    const sales = await getAccount('/api/v4/account', SALES);
    expect(sales.current_user_id).not.toBe(account.current_user_id);
  });

  it('leaves our extensions out unless asked', async () => {
    const account = await getAccount();
    expect(account).not.toHaveProperty('capabilities');
    expect(account).not.toHaveProperty('is_api_filter_enabled');
  });

  it('declares the capabilities with with=capabilities', async () => {
    const account = await getAccount('/api/v4/account?with=capabilities');
    expect(account.capabilities).toEqual({
      customers_order_fields: [...CUSTOMER_ORDER_FIELDS],
      customers_filters: ['segment_id', 'tag_id', 'next_price'],
      transactions_filters: ['customer_id', 'completed_at', 'order'],
      rights_customers: true,
      users_list_for_all: true,
      api_tokens: true,
      demo: true,
    });
    expect(account).not.toHaveProperty('is_api_filter_enabled');
  });

  it('answers is_api_filter_enabled when asked, alongside capabilities', async () => {
    const account = await getAccount(
      '/api/v4/account?with=is_api_filter_enabled,capabilities,unknown',
    );
    expect(account.is_api_filter_enabled).toBe(true);
    expect(account.capabilities).toBeDefined();
  });

  it('reports periodicity and disabled modes as the administrator switches them', async () => {
    await setMode('periodicity', true);
    expect((await getAccount()).customers_mode).toBe('periodicity');
    await setMode('periodicity', false);
    expect((await getAccount()).customers_mode).toBe('disabled');
    await setMode('segments', true);
    expect((await getAccount()).customers_mode).toBe('segments');
  });

  it('answers 401 without a caller', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v4/account' });
    expect(response.statusCode).toBe(401);
  });
});

describe('GET /api/v4/account on a tariff without customers', () => {
  let base: TestApp;
  beforeAll(async () => {
    base = await createTestApp({ ACCOUNT_TARIFF: 'base' });
  });
  afterAll(async () => {
    await base.close();
  });

  it("reports customers_mode 'unavailable'", async () => {
    const response = await base.as(ADMIN, { method: 'GET', url: '/api/v4/account' });
    expect(response.statusCode).toBe(200);
    expect(accountSchema.parse(response.json()).customers_mode).toBe('unavailable');
  });
});
