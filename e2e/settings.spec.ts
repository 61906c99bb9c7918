import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const unique = (what: string) => `${what} ${String(Date.now())}`;

/**
 * axe on the settings view: the main area and any open dialog (portalled outside main). The shell
 * is scanned by auth.spec.ts; scoping here keeps a shell problem (the admin's initials avatar
 * fails color-contrast, reported to its owner) from masking the state of these views.
 */
async function expectNoA11yViolations(page: Page): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).include('#main-content');
  if ((await page.getByRole('dialog').count()) > 0) builder = builder.include('[role="dialog"]');
  const results = await builder.analyze();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} — ${violation.nodes
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  );
  expect(summary, 'axe found accessibility violations').toEqual([]);
}

/** Puts the seeded mode back whatever the test did; cookie-authenticated, so same-origin. */
async function restoreSegmentsMode(request: APIRequestContext, baseURL: string | undefined) {
  const answer = await request.patch('/api/v4/customers/mode', {
    data: { mode: 'segments', is_enabled: true },
    headers: { origin: baseURL ?? '' },
  });
  expect(answer.status()).toBe(200);
}

test('admin switches to periodicity: the grid and the add form follow, then back', async ({
  page,
  baseURL,
}) => {
  await signIn(page, 'admin');
  try {
    await nav(page).getByRole('link', { name: 'Settings' }).click();
    await expect(page).toHaveURL(/\/settings$/);
    await expect(page.getByRole('switch', { name: /Customers enabled/ })).toBeChecked();
    await expect(page.getByRole('radio', { name: /^Segments/ })).toBeChecked();
    await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();
    await expectNoA11yViolations(page);

    await page.getByRole('radio', { name: /^Periodicity/ }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    const dialog = page.getByRole('dialog', { name: /Change the customers mode/ });
    await expect(dialog).toContainText(
      'Periodicity mode makes Next purchase date and Periodicity required when adding customers',
    );
    await expectNoA11yViolations(page);
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/v4/customers/mode') && r.request().method() === 'PATCH',
    );
    await dialog.getByRole('button', { name: 'Change mode' }).click();
    expect((await saved).status()).toBe(200);
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();

    // The server reports the new mode.
    const account = (await (await page.request.get('/api/v4/account')).json()) as {
      customers_mode: string;
    };
    expect(account.customers_mode).toBe('periodicity');

    // No reload: the grid reads the mode from the refreshed account cache.
    await nav(page).getByRole('link', { name: 'Customers' }).click();
    await expect(page.getByRole('columnheader', { name: 'Periodicity' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Status' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Segments' })).toHaveCount(0);

    await page.getByRole('link', { name: 'New customer' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New customers' })).toBeVisible();
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(page.getByRole('textbox', { name: /Next purchase date/ })).toHaveAttribute(
      'aria-invalid',
      'true',
    );

    // Back to segments through the UI, as an admin would.
    await nav(page).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: /^Segments/ }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .getByRole('dialog', { name: /Change the customers mode/ })
      .getByRole('button', { name: 'Change mode' })
      .click();
    await expect(page.getByRole('radio', { name: /^Segments/ })).toBeChecked();
    await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();
  } finally {
    await restoreSegmentsMode(page.request, baseURL);
  }
});

test('sales sees the administrators-only page and the API refuses a forged PATCH', async ({
  page,
  baseURL,
}) => {
  await signIn(page, 'sales');
  await expect(nav(page).getByRole('link', { name: 'Settings' })).toHaveCount(0);

  for (const path of ['/settings', '/settings/segments', '/settings/users']) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(
      page.getByRole('heading', { level: 2, name: 'Administrators only' }),
    ).toBeVisible();
    await expect(page.getByRole('switch')).toHaveCount(0);
  }
  await page.goto('/settings');
  await expectNoA11yViolations(page);

  const forged = await page.request.patch('/api/v4/customers/mode', {
    data: { mode: 'periodicity', is_enabled: true },
    headers: { origin: baseURL ?? '' },
  });
  expect(forged.status()).toBe(403);
  const account = (await (await page.request.get('/api/v4/account')).json()) as {
    customers_mode: string;
  };
  expect(account.customers_mode).toBe('segments');
});

test('a token created in the UI works until it is revoked in the UI', async ({ page, request }) => {
  await signIn(page, 'sales');
  await page.getByRole('button', { name: /Account menu/ }).click();
  await page.getByRole('menuitem', { name: 'API tokens' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'API tokens' })).toBeVisible();
  await expectNoA11yViolations(page);

  const name = unique('e2e token');
  await page.getByRole('textbox', { name: /Token name/ }).fill(name);
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByText('Copy it now: it will not be shown again.')).toBeVisible();
  const secret = await page.getByRole('textbox', { name: 'New API token' }).inputValue();
  expect(secret.length).toBeGreaterThan(16);
  await expectNoA11yViolations(page);

  const auth = { Authorization: `Bearer ${secret}` };
  expect((await request.get('/api/v4/account', { headers: auth })).status()).toBe(200);

  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('textbox', { name: 'New API token' })).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);

  await page.getByRole('button', { name: `Revoke ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Revoke token ${name}?` });
  await dialog.getByRole('button', { name: 'Revoke token' }).click();
  await expect(page.getByRole('cell', { name })).toHaveCount(0);

  expect((await request.get('/api/v4/account', { headers: auth })).status()).toBe(401);
});

test("admin sees everyone's tokens with their owners and can revoke them", async ({
  page,
  baseURL,
}) => {
  // A token of the sales user, made through the API as an admin may.
  await signIn(page, 'admin');
  const users = (await (await page.request.get('/api/v4/users?limit=250')).json()) as {
    _embedded: { users: Array<{ id: number; name: string; email: string }> };
  };
  const sales = users._embedded.users.find((user) => user.email === 'sales@example.com');
  expect(sales).toBeDefined();
  const name = unique('sales integration');
  const created = await page.request.post('/api/auth/tokens', {
    data: { name, user_id: sales?.id },
    headers: { origin: baseURL ?? '' },
  });
  expect(created.status()).toBe(200);

  await nav(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'API tokens', exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText(sales?.name ?? '');
  await expectNoA11yViolations(page);
  await row.getByRole('button', { name: `Revoke ${name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke token' }).click();
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);
});

test('admin manages segments with the keyboard-accessible palette', async ({ page }) => {
  await signIn(page, 'admin');
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  await page
    .getByRole('navigation', { name: 'Settings sections' })
    .getByRole('link', { name: 'Segments' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Segments' })).toBeVisible();
  await expectNoA11yViolations(page);

  const name = unique('E2E segment');
  await page.getByRole('button', { name: 'Add segment' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add segment' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('radio', { name: 'Colour 10599d' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByRole('radio', { name: 'Colour 006064' })).toBeChecked();
  await expectNoA11yViolations(page);
  await dialog.getByRole('button', { name: 'Add segment' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('0 customers');
  await expect(row.getByRole('link', { name: `0 customers in ${name}` })).toHaveAttribute(
    'href',
    /\/customers\?segment=/,
  );

  const renamed = `${name} renamed`;
  await row.getByRole('button', { name: `Edit ${name}` }).click();
  const edit = page.getByRole('dialog', { name: `Edit segment ${name}` });
  await edit.getByRole('textbox', { name: 'Name' }).fill(renamed);
  await edit.getByRole('radio', { name: 'Colour d32f2f' }).check();
  await edit.getByRole('button', { name: 'Save segment' }).click();
  await expect(edit).toBeHidden();
  const renamedRow = page.getByRole('row').filter({ hasText: renamed });
  await expect(renamedRow).toBeVisible();

  await renamedRow.getByRole('button', { name: `Delete ${renamed}` }).click();
  const confirm = page.getByRole('dialog', { name: `Delete segment ${renamed}?` });
  await expect(confirm).toContainText('No customers are in it.');
  await confirm.getByRole('button', { name: 'Delete segment' }).click();
  await expect(page.getByRole('row').filter({ hasText: renamed })).toHaveCount(0);
});

test('admin sees users with their customers rights in words', async ({ page }) => {
  await signIn(page, 'admin');
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  await page
    .getByRole('navigation', { name: 'Settings sections' })
    .getByRole('link', { name: 'Users' })
    .click();
  const sales = page.getByRole('row').filter({ hasText: 'sales@example.com' });
  await expect(sales).toContainText('sees all');
  await expect(sales).toContainText('edits own');
  await expect(sales).toContainText('deletes none');
  const admin = page.getByRole('row').filter({ hasText: 'admin@example.com' });
  await expect(admin).toContainText('Admin');
  await expectNoA11yViolations(page);

  await sales.getByRole('button', { name: /^Edit rights of/ }).click();
  const dialog = page.getByRole('dialog', { name: /^Rights of/ });
  await expect(dialog.getByRole('combobox', { name: 'View customers' })).toHaveValue('sees all');
  await expect(dialog.getByRole('switch', { name: /Administrator/ })).not.toBeChecked();
  await expectNoA11yViolations(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});
