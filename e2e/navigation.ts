import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * How a person gets around the console: through the main navigation and the grid, never by
 * typing an address. Specs about bookmarks type their URL; everything else goes through here.
 */

export async function openCustomersGrid(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Customers' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
}

export async function openNewCustomerForm(page: Page): Promise<void> {
  await openCustomersGrid(page);
  await page.getByRole('link', { name: 'New customer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New customers' })).toBeVisible();
}

export async function openImport(page: Page): Promise<void> {
  await openCustomersGrid(page);
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Import customers from CSV' }),
  ).toBeVisible();
}

/** Searches the grid for `search` (a name) and opens the customer whose link reads `name`. */
export async function openCustomerFromGrid(
  page: Page,
  name: string,
  search: string = name,
): Promise<void> {
  await openCustomersGrid(page);
  await page.getByRole('searchbox', { name: 'Search' }).fill(search);
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  const link = page
    .getByRole('table', { name: 'Customers' })
    .getByRole('link', { name, exact: true })
    .first();
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
}

/** The settings pages are the administrator's: the Settings entry of the main navigation. */
export async function openSettings(page: Page, section?: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Settings' })
    .click();
  if (section) await page.getByRole('link', { name: section, exact: true }).click();
}
