import type { Page } from '@playwright/test';
import { DEMO_USERS, expect, expectNoA11yViolations, signIn, test } from './fixtures';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

test('a wrong password shows the server message', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(DEMO_USERS.sales.email);
  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  const response = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
  await page.getByRole('button', { name: 'Sign in' }).click();

  const answer = await response;
  expect(answer.status()).toBe(401);
  const problem = (await answer.json()) as { detail: string };
  await expect(page.getByRole('alert').filter({ hasText: problem.detail })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test('the login page lists the demo users and passes axe', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByText(DEMO_USERS.admin.email)).toBeVisible();
  await expect(page.getByText(DEMO_USERS.sales.email)).toBeVisible();
  await expectNoA11yViolations(page);
});

test('sales signs in and lands on /customers', async ({ page }) => {
  await page.goto('/login');
  await signIn(page, 'sales');
  await expect(page).toHaveURL(/\/customers$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
});

test('an unauthenticated deep link goes through /login and comes back', async ({ page }) => {
  const deepLink = '/customers?page=2&query=acme';
  await page.goto(deepLink);

  await expect(page).toHaveURL(/\/login\?redirect=/);
  const redirect = new URL(page.url()).searchParams.get('redirect');
  expect(redirect).toBe(deepLink);

  await signIn(page, 'sales');
  await expect(page).toHaveURL(deepLink);
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
});

test('a foreign redirect target is ignored', async ({ page, baseURL }) => {
  await page.goto('/login?redirect=//evil.example/steal');
  await signIn(page, 'sales');
  await expect(page).toHaveURL(`${baseURL ?? ''}/customers`);
});

test('sales does not see Settings, and a typed URL shows the administrators-only page', async ({
  page,
}) => {
  await signIn(page, 'sales');
  await expect(nav(page).getByRole('link', { name: 'Customers' })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Transactions' })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Settings' })).toHaveCount(0);

  await page.goto('/settings');
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('heading', { name: 'Administrators only' })).toBeVisible();
});

test('admin sees Settings and can open it', async ({ page }) => {
  await signIn(page, 'admin');
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});

test('the shell shows the account and user, passes axe, and signs out', async ({ page }) => {
  await signIn(page, 'sales');
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByRole('button', { name: /Account menu/ }).click();
  await expect(page.getByText(DEMO_USERS.sales.email)).toBeVisible();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);

  // The session is gone on the server too, not just in the page.
  await page.goto('/customers');
  await expect(page).toHaveURL(/\/login\?redirect=/);
});

test('the colour scheme can be switched and is remembered', async ({ page }) => {
  await signIn(page, 'sales');
  const html = page.locator('html');
  await page.getByRole('button', { name: 'Colour scheme' }).click();
  await page.getByRole('menuitem', { name: /^Dark/ }).click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');

  await page.reload();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expectNoA11yViolations(page);
});
