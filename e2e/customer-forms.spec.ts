import type { APIRequestContext, Page } from '@playwright/test';
import { expect, expectNoA11yViolations, signIn, test } from './fixtures';
import { openCustomerFromGrid, openNewCustomerForm } from './navigation';

const RUN = `E2E-forms-${Date.now().toString(36)}`;

/** How many live customers match `query` (the API pages by 250; 204 = none). */
async function countCustomers(request: APIRequestContext, query: string): Promise<number> {
  let total = 0;
  for (let page = 1; ; page += 1) {
    const response = await request.get('/api/v4/customers', {
      params: { query, limit: 250, page },
    });
    if (response.status() === 204) return total;
    expect(response.status()).toBe(200);
    const body = (await response.json()) as {
      _embedded: { customers: unknown[] };
      _links: { next?: unknown };
    };
    total += body._embedded.customers.length;
    if (!body._links.next) return total;
  }
}

const row = (page: Page, n: number) => page.getByRole('region', { name: `Customer ${String(n)}` });

test('create one customer and see it on its page', async ({ page }) => {
  await signIn(page, 'sales');
  await openNewCustomerForm(page);
  await expectNoA11yViolations(page);
  const name = `${RUN} single`;
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Next price').fill('700');
  await page.getByRole('button', { name: 'Create', exact: true }).click();

  await expect(page).toHaveURL(/\/customers\/\d+(\?.*)?$/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(
    page
      .getByRole('alert')
      .or(page.getByRole('status'))
      .filter({ hasText: 'Customer created' })
      .first(),
  ).toBeVisible();
});

test('three in one batch: an invalid row stops all of them; fixed, all three are created', async ({
  page,
}) => {
  await signIn(page, 'sales');
  const prefix = `${RUN} batch`;
  expect(await countCustomers(page.request, prefix)).toBe(0);

  await openNewCustomerForm(page);
  await page.getByLabel('Name').fill(`${prefix} 1`);
  await page.getByRole('button', { name: 'Add another' }).click();
  await row(page, 2)
    .getByLabel('Name')
    .fill(`${prefix} ${'x'.repeat(256)}`);
  await page.getByRole('button', { name: 'Add another' }).click();
  await row(page, 3).getByLabel('Name').fill(`${prefix} 3`);
  await page.getByRole('button', { name: 'Create', exact: true }).click();

  // The contract (the server's own rule) refuses a name over 255 characters: row 2 is marked.
  await expect(row(page, 2).getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(row(page, 1).getByLabel('Name')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(row(page, 3).getByLabel('Name')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/customers\/new$/);
  expect(await countCustomers(page.request, prefix)).toBe(0);

  await row(page, 2).getByLabel('Name').fill(`${prefix} 2`);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page).toHaveURL(/\/customers(\?.*)?$/);
  await expect(page.getByText('3 customers created')).toBeVisible();
  expect(await countCustomers(page.request, prefix)).toBe(3);
});

test('leaving a form with input asks first', async ({ page }) => {
  await signIn(page, 'sales');
  await openNewCustomerForm(page);
  await page.getByLabel('Name').fill(`${RUN} draft`);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Customers' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Leave this page?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Stay' }).click();
  await expect(page).toHaveURL(/\/customers\/new$/);
  await expect(page.getByLabel('Name')).toHaveValue(`${RUN} draft`);
});

test('add a transaction on the customer page and see the LTV change', async ({ page, baseURL }) => {
  await signIn(page, 'sales');
  const created = await page.request.post('/api/v4/customers', {
    data: [{ name: `${RUN} buyer`, request_id: 'buyer' }],
    headers: { Origin: baseURL ?? '' },
  });
  expect(created.status()).toBe(200);
  const { _embedded } = (await created.json()) as {
    _embedded: { customers: Array<{ id: number }> };
  };
  const id = _embedded.customers[0]?.id;
  expect(id).toBeDefined();

  await openCustomerFromGrid(page, `${RUN} buyer`);
  const ltv = page.locator('dl', { has: page.getByText('LTV', { exact: true }) }).locator('dd');
  await expect(ltv).toHaveText(/\$0\b/);

  await page.getByRole('button', { name: 'Add transaction' }).click();
  const drawer = page.getByRole('dialog', { name: 'Add transaction' });
  await drawer.getByRole('button', { name: 'Save transaction' }).click();
  await expect(drawer.getByText('Enter the price')).toBeVisible();
  await drawer.getByLabel('Price').fill('1500');
  await drawer.getByLabel('Comment').fill('Bought in the e2e test');
  await drawer.getByRole('button', { name: 'Save transaction' }).click();

  await expect(drawer).toBeHidden();
  await expect(ltv).toHaveText(/1,500/);
  await page.getByRole('tab', { name: 'Transactions' }).click();
  await expect(page.getByText('Bought in the e2e test')).toBeVisible();
});

interface StoredCustomer {
  id: number;
  name: string;
  next_price: number;
  periodicity: number;
}

async function findByName(request: APIRequestContext, name: string): Promise<StoredCustomer[]> {
  const response = await request.get('/api/v4/customers', { params: { query: name, limit: 250 } });
  if (response.status() === 204) return [];
  const body = (await response.json()) as { _embedded: { customers: StoredCustomer[] } };
  return body._embedded.customers.filter((customer) => customer.name === name);
}

test('numbers are saved as typed or refused on their field, never changed', async ({
  page,
  baseURL,
}) => {
  await signIn(page, 'sales');
  const name = `${RUN} numbers`;
  const created = await page.request.post('/api/v4/customers', {
    data: [{ name, next_price: 500 }],
    headers: { Origin: baseURL ?? '' },
  });
  expect(created.status()).toBe(200);
  await openCustomerFromGrid(page, name);

  await page.getByRole('button', { name: 'Edit' }).click();
  const drawer = page.getByRole('dialog', { name: 'Edit customer' });
  const price = drawer.getByRole('textbox', { name: /^Next price/ });

  // An overflowing paste is refused with a message on the field, and nothing is saved.
  await price.fill('99999999999999999999');
  await drawer.getByRole('button', { name: 'Save' }).click();
  await expect(drawer.getByText('At most 2,000,000,000')).toBeVisible();
  await expect(price).toHaveAttribute('aria-invalid', 'true');
  await expect(price).toHaveValue('99999999999999999999');

  // A minus sign is kept and refused, not silently dropped.
  await price.fill('-5');
  await drawer.getByRole('button', { name: 'Save' }).click();
  await expect(drawer.getByText('At least 0')).toBeVisible();
  await expect(price).toHaveValue('-5');
  expect((await findByName(page.request, name))[0]?.next_price).toBe(500);

  // Cleared and retyped: exactly what was typed, no "0" left in front.
  await price.clear();
  await expect(price).toHaveValue('');
  await price.pressSequentially('11950');
  await expect(price).toHaveValue('11950');
  await drawer.getByRole('button', { name: 'Save' }).click();
  await expect(drawer).toBeHidden();
  await expect.poll(async () => (await findByName(page.request, name))[0]?.next_price).toBe(11950);
});

async function newestCustomerId(request: APIRequestContext): Promise<number> {
  const response = await request.get('/api/v4/customers', {
    params: { limit: 1, 'order[id]': 'desc' },
  });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { _embedded: { customers: StoredCustomer[] } };
  return body._embedded.customers[0]?.id ?? 0;
}

test('the create form refuses an empty name on the field and creates nothing', async ({ page }) => {
  await signIn(page, 'sales');
  const before = await newestCustomerId(page.request);
  await openNewCustomerForm(page);
  await page.getByRole('textbox', { name: /^Next price/ }).fill('700');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Enter a name')).toBeVisible();
  await expect(page).toHaveURL(/\/customers\/new$/);
  expect(await newestCustomerId(page.request)).toBe(before);
});
