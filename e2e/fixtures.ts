import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test';

export const DEMO_USERS = {
  admin: { email: 'admin@example.com', password: 'demo' },
  sales: { email: 'sales@example.com', password: 'demo' },
} as const;
export type DemoRole = keyof typeof DEMO_USERS;

/**
 * Chromium logs every non-2xx response as a console error. A 401 from the session check or from
 * a wrong password is the expected answer in the sign-in journeys, not a bug; so is a 401 for the
 * account, the saved views, the grid's rows and its custom-field labels, which the console asks for
 * alongside the session check (a signed-in bookmark then loads faster). Anything else is a bug.
 */
function isExpectedAuthFailure(message: ConsoleMessage): boolean {
  const { url } = message.location();
  return (
    message
      .text()
      .startsWith('Failed to load resource: the server responded with a status of 401') &&
    /^\/api\/(auth\/(me|login)|v4\/account|v4\/customers(\/custom_fields)?|views)$/.test(
      new URL(url, 'http://x').pathname,
    )
  );
}

interface Fixtures {
  /** Console errors and uncaught page errors seen during the test; checked after it. */
  consoleErrors: string[];
}

export const test = base.extend<Fixtures>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && !isExpectedAuthFailure(message)) {
          errors.push(`console: ${message.text()} (${message.location().url})`);
        }
      });
      page.on('pageerror', (error) => {
        errors.push(`pageerror: ${error.message}`);
      });
      await use(errors);
      expect(errors, 'the browser reported errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Signs in through the real form, as a person would. Leaves the page wherever sign-in lands. */
export async function signIn(page: Page, role: DemoRole): Promise<void> {
  const user = DEMO_USERS[role];
  if (!page.url().includes('/login')) await page.goto('/login');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export async function expectNoA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} — ${violation.nodes
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  );
  expect(summary, 'axe found accessibility violations').toEqual([]);
}
