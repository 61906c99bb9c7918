import type { Page } from '@playwright/test';
import { expect, expectNoA11yViolations, signIn, test } from './fixtures';

interface ApiCustomer {
  id: number;
  name: string;
  _embedded: { contacts?: Array<{ id: number }> };
}
interface ApiContact {
  custom_fields_values: Array<{
    field_code: string | null;
    values: Array<{ value: unknown }>;
  }> | null;
}

/** A customer with a contact that has a phone, asked of the API rather than hard-coded. */
async function customerWithPhone(page: Page): Promise<{ customer: ApiCustomer; phone: string }> {
  const response = await page.request.get('/api/v4/customers?limit=50&page=3&with=contacts');
  const { _embedded } = (await response.json()) as { _embedded: { customers: ApiCustomer[] } };
  for (const customer of _embedded.customers) {
    for (const { id } of customer._embedded.contacts ?? []) {
      const contact = (await (
        await page.request.get(`/api/v4/contacts/${String(id)}`)
      ).json()) as ApiContact;
      const phone = contact.custom_fields_values?.find((field) => field.field_code === 'PHONE');
      const value = phone?.values[0]?.value;
      if (typeof value === 'string' && value.length >= 8) return { customer, phone: value };
    }
  }
  throw new Error('no customer on that page has a contact with a phone');
}

test.beforeEach(async ({ page }) => {
  await signIn(page, 'sales');
  await expect(page.getByRole('table', { name: 'Customers' })).toBeVisible();
});

test('Ctrl+K finds a customer by a contact’s phone and opens it, by keyboard only', async ({
  page,
}) => {
  const { customer, phone } = await customerWithPhone(page);
  const fragment = phone.slice(-7);

  await page.keyboard.press('Control+K');
  const search = page.getByRole('textbox', { name: 'Search customers, pages, views and actions' });
  await expect(search).toBeFocused();
  await page.keyboard.type(fragment);
  const result = page.getByRole('button', { name: customer.name });
  await expect(result).toBeVisible({ timeout: 10_000 });
  await expectNoA11yViolations(page);

  // Arrow keys choose among the results; Enter opens the chosen one.
  const results = page.locator('[data-combobox-option], .mantine-Spotlight-action');
  const index = await results.evaluateAll(
    (nodes, name) => nodes.findIndex((node) => node.textContent?.includes(name)),
    customer.name,
  );
  expect(index).toBeGreaterThanOrEqual(0);
  for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/customers/${String(customer.id)}(\\?|$)`));
  await expect(page.getByRole('heading', { level: 1, name: customer.name })).toBeVisible();
});

test('the palette lists pages and actions the user may use, and Escape closes it', async ({
  page,
}) => {
  await page.getByRole('button', { name: /^Search/ }).click();
  const search = page.getByRole('textbox', { name: 'Search customers, pages, views and actions' });
  await search.fill('trans');
  await expect(page.getByRole('button', { name: /Transactions/ })).toBeVisible();
  // The demo sales user is no administrator: no Settings, no mode switch.
  await search.fill('mode');
  await expect(page.getByRole('button', { name: /Switch customers mode/ })).toHaveCount(0);
  await search.fill('trans');
  await page.getByRole('button', { name: /^Transactions/ }).click();
  await expect(page).toHaveURL(/\/transactions/);

  await page.keyboard.press('Control+K');
  await expect(search).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(search).toBeHidden();
});
