import type { Browser, Page } from '@playwright/test';
import { expect, expectNoA11yViolations, signIn, test, type DemoRole } from './fixtures';

const grid = (page: Page) => page.getByRole('table', { name: 'Customers' });
const firstName = (page: Page) => grid(page).locator('tbody tr[data-row-index] a[data-row-focus]');
const viewsNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

async function signedIn(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await signIn(page, role);
  await expect(firstName(page).first()).toBeVisible({ timeout: 15_000 });
  return page;
}

async function deleteEveryView(page: Page) {
  const response = await page.request.get('/api/views');
  const { views } = (await response.json()) as { views: Array<{ id: number }> };
  for (const view of views) await page.request.delete(`/api/views/${String(view.id)}`);
}

test('an administrator saves and shares a view; a colleague opens it and makes it their default', async ({
  page,
  browser,
}) => {
  // Two signed-in browsers and three axe scans: more than one ordinary journey's time.
  test.slow();
  await signIn(page, 'admin');
  await expect(firstName(page).first()).toBeVisible({ timeout: 15_000 });

  // The grid's state, set by clicking: sorted by name, descending.
  const nameSort = grid(page).getByRole('button', { name: /^Name/ });
  await nameSort.click();
  await nameSort.click();
  await expect(page).toHaveURL(/sort=name&dir=desc/);
  const savedUrl = new URL(page.url());

  await page.getByRole('button', { name: 'Save view' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save view' });
  await dialog.getByRole('button', { name: 'Save view' }).click();
  await expect(dialog.getByText('Name the view')).toBeVisible();
  await dialog.getByLabel('Name').fill('Z to A');
  await dialog.getByLabel('Share with everyone').check();
  await expectNoA11yViolations(page);
  await dialog.getByRole('button', { name: 'Save view' }).click();
  await expect(dialog).toBeHidden();

  const link = viewsNav(page).getByRole('link', { name: /Z to A/ });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('aria-current', 'page');

  const colleague = await signedIn(browser, 'sales');
  try {
    // The shared view is in the colleague's navbar; one click opens the same address.
    await viewsNav(colleague)
      .getByRole('link', { name: /Z to A/ })
      .click();
    await expect(colleague).toHaveURL(`${savedUrl.pathname}${savedUrl.search}`);
    await expect(grid(colleague).getByRole('columnheader', { name: /^Name/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );

    // Only administrators rename shared views: the colleague's manager has no name field.
    await viewsNav(colleague).getByRole('button', { name: 'Manage' }).click();
    const manager = colleague.getByRole('dialog', { name: 'Saved views' });
    await expect(manager.getByRole('textbox', { name: 'Name' })).toHaveCount(0);
    await manager.getByLabel('Open by default').check();
    await expect(manager.getByLabel('Open by default')).toBeChecked();
    await expectNoA11yViolations(colleague);
    await manager.getByRole('button', { name: 'Close' }).click();

    // From elsewhere, "Customers" now opens the default view.
    await viewsNav(colleague).getByRole('link', { name: 'Transactions' }).click();
    await expect(colleague).toHaveURL(/\/transactions/);
    await viewsNav(colleague).getByRole('link', { name: 'Customers', exact: true }).click();
    await expect(colleague).toHaveURL(`${savedUrl.pathname}${savedUrl.search}`);
  } finally {
    await colleague.context().close();
  }

  // The owner renames it, and then deletes it; the colleague's list follows on its next load.
  await viewsNav(page).getByRole('button', { name: 'Manage' }).click();
  const manager = page.getByRole('dialog', { name: 'Saved views' });
  await manager.getByRole('textbox', { name: 'Name' }).fill('Names, Z to A');
  await manager.getByRole('button', { name: 'Rename' }).click();
  await expect(viewsNav(page).getByRole('link', { name: /Names, Z to A/ })).toBeVisible();
  await manager.getByRole('button', { name: 'Delete' }).click();
  await page
    .getByRole('dialog', { name: /Delete/ })
    .getByRole('button', { name: 'Delete view' })
    .click();
  await expect(viewsNav(page).getByRole('link', { name: /Z to A/ })).toHaveCount(0);
  await deleteEveryView(page);
});
