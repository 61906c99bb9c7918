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
  await page.getByRole('button', { name: 'Create' }).click();

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
  await page.getByRole('button', { name: 'Create' }).click();

  // The contract (the server's own rule) refuses a name over 255 characters: row 2 is marked.
  await expect(row(page, 2).getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(row(page, 1).getByLabel('Name')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(row(page, 3).getByLabel('Name')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/customers\/new$/);
  expect(await countCustomers(page.request, prefix)).toBe(0);

  await row(page, 2).getByLabel('Name').fill(`${prefix} 2`);
  await page.getByRole('button', { name: 'Create' }).click();
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
