import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect, expectNoA11yViolations, signIn, test } from './fixtures';
import { openCustomerFromGrid } from './navigation';

interface CustomerJson {
  id: number;
  name: string;
  responsible_user_id: number;
  purchases_count: number;
  _embedded: { segments: Array<{ id: number }>; contacts?: Array<{ id: number }> };
}

async function customers(request: APIRequestContext, query = 'with=contacts&limit=50') {
  const response = await request.get(`/api/v4/customers?${query}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { _embedded: { customers: CustomerJson[] } })._embedded
    .customers;
}

/** The value shown under a key figure's label (each figure is a dl with one dt and one dd). */
function figure(page: Page, label: string): Locator {
  return page
    .getByRole('region', { name: 'Key figures' })
    .locator('dl')
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator('dd');
}

async function unsafeRequest(page: Page, baseURL: string | undefined, path: string, data: unknown) {
  const response = await page.request.post(path, { data, headers: { origin: baseURL ?? '' } });
  expect(response.ok(), await response.text()).toBe(true);
  return response.json() as Promise<unknown>;
}

test('admin sees a seeded customer: segments, contacts, transactions, no axe violations', async ({
  page,
}) => {
  await signIn(page, 'admin');
  const list = await customers(page.request);
  const customer = list.find(
    (item) =>
      item._embedded.segments.length > 0 &&
      (item._embedded.contacts?.length ?? 0) > 0 &&
      item.purchases_count > 0,
  );
  expect(customer, 'a seeded customer with segments, contacts and purchases').toBeDefined();
  if (!customer) return;

  await openCustomerFromGrid(page, customer.name);
  await expect(page).toHaveTitle(customer.name);

  const segments = page.getByRole('list', { name: 'Segments' }).getByRole('link');
  await expect(segments).toHaveCount(customer._embedded.segments.length);
  await expect(
    page.getByRole('list', { name: 'Linked contacts' }).getByRole('listitem'),
  ).toHaveCount(customer._embedded.contacts?.length ?? 0);
  await expect(figure(page, 'Purchases')).toHaveText(String(customer.purchases_count));
  await expectNoA11yViolations(page);

  await page.getByRole('tab', { name: 'Transactions' }).click();
  await expect(page).toHaveURL(/tab=transactions/);
  const rows = page.getByRole('table', { name: 'Transactions' }).locator('tbody tr');
  await expect(rows).toHaveCount(Math.min(customer.purchases_count, 25));
  await expectNoA11yViolations(page);

  // A segment badge opens the grid filtered by that segment.
  await page.getByRole('tab', { name: 'Overview' }).click();
  await segments.first().click();
  await expect(page).toHaveURL(/\/customers\?segment=/);
});

test('adding a transaction changes the figures; deleting it in the UI changes them back', async ({
  page,
  baseURL,
}) => {
  await signIn(page, 'admin');
  // Our own customer: the shared seed stays as the other specs expect it.
  const name = `E2E customer page ${String(Date.now())}`;
  const created = (await unsafeRequest(page, baseURL, '/api/v4/customers', [{ name }])) as {
    _embedded: { customers: Array<{ id: number }> };
  };
  const id = created._embedded.customers[0]?.id;
  expect(id).toBeDefined();
  const path = `/api/v4/customers/${String(id)}/transactions`;
  await unsafeRequest(page, baseURL, path, [
    { price: 100, comment: 'first' },
    { price: 300, comment: 'second' },
  ]);

  await openCustomerFromGrid(page, name);
  await page.getByRole('tab', { name: 'Transactions' }).click();
  await expect(figure(page, 'Purchases')).toHaveText('2');
  const ltvBefore = await figure(page, 'LTV').innerText();
  const averageBefore = await figure(page, 'Average check').innerText();
  expect(ltvBefore).toContain('400');
  expect(averageBefore).toContain('200');

  // Through the Add transaction form of the forms issue; the figures follow without a reload.
  await page.getByRole('button', { name: 'Add transaction' }).click();
  const form = page.getByRole('dialog', { name: 'Add transaction' });
  await form.getByRole('textbox', { name: 'Price', exact: true }).fill('1234');
  await form.getByLabel('Comment').fill('added by e2e');
  await form.getByRole('button', { name: 'Save transaction' }).click();
  await expect(form).toBeHidden();
  await expect(figure(page, 'Purchases')).toHaveText('3');
  await page.reload();
  await expect(figure(page, 'Purchases')).toHaveText('3');
  await expect(figure(page, 'LTV')).toContainText('1,634');
  await expect(figure(page, 'Average check')).toContainText('544');
  await expect(page.getByRole('figure', { name: 'LTV over time' })).toBeVisible();

  const row = page.getByRole('row').filter({ hasText: 'added by e2e' });
  await row.getByRole('button', { name: /Delete transaction/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete transaction' });
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(figure(page, 'Purchases')).toHaveText('2');
  await expect(figure(page, 'LTV')).toHaveText(ltvBefore);
  await expect(figure(page, 'Average check')).toHaveText(averageBefore);
  await expect(page.getByRole('row').filter({ hasText: 'added by e2e' })).toHaveCount(0);

  await page.reload();
  await expect(figure(page, 'Purchases')).toHaveText('2');
  await expect(figure(page, 'LTV')).toHaveText(ltvBefore);
});

// A bookmark journey: an old link to a customer that is gone, or a mangled address.
test('a missing customer shows "Customer not found" with a way back', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/customers/999999999');
  await expect(page.getByRole('heading', { level: 1, name: 'Customer not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to customers' })).toBeVisible();

  await page.goto('/customers/not-a-number');
  await expect(page.getByRole('heading', { level: 1, name: /not found/i })).toBeVisible();
});

test("sales sees a colleague's customer read-only", async ({ page }) => {
  await signIn(page, 'sales');
  const me = (await (await page.request.get('/api/auth/me')).json()) as { id: number };
  const list = await customers(page.request, 'limit=50');
  const foreign = list.find(
    (item) => item.responsible_user_id !== me.id && item.purchases_count > 0,
  );
  expect(foreign, 'a customer another user is responsible for').toBeDefined();
  if (!foreign) return;

  await openCustomerFromGrid(page, foreign.name);
  await expect(page.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Unlink' })).toHaveCount(0);
  await expect(page.getByLabel('Link a contact')).toHaveCount(0);

  await page.getByRole('tab', { name: 'Transactions' }).click();
  await expect(page.getByRole('table', { name: 'Transactions' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Delete transaction/ })).toHaveCount(0);
});
