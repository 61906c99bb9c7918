import type { APIRequestContext } from '@playwright/test';
import { expect, expectNoA11yViolations, signIn, test } from './fixtures';
import { openImport } from './navigation';

const PREFIX = `E2E-csv-${Date.now().toString(36)}`;
const ROWS = 1000;
/** Data row numbers (1-based, header not counted) made invalid on purpose. */
const BAD: Record<number, string[]> = {
  17: ['not a price', '2031-01-01', '30'],
  230: ['12x', '2031-01-01', '30'],
  499: ['-5', '2031-01-01', '30'],
  777: ['100', 'someday', '30'],
  1000: ['100', '2031-02-30', '30'],
};

function buildCsv(): string {
  const lines = ['Name,Next price,Next purchase date,Periodicity'];
  for (let n = 1; n <= ROWS; n += 1) {
    const [price, date, periodicity] = BAD[n] ?? [String(n * 10), '2031-03-15', '14'];
    lines.push(`"${PREFIX} customer ${String(n)}",${price},${date},${periodicity}`);
  }
  return `${lines.join('\n')}\n`;
}

async function countCustomers(request: APIRequestContext, query: string): Promise<number> {
  let total = 0;
  for (let page = 1; ; page += 1) {
    const response = await request.get('/api/v4/customers', {
      params: { query, limit: 250, page },
    });
    if (response.status() === 204) return total;
    const body = (await response.json()) as {
      _embedded: { customers: unknown[] };
      _links: { next?: unknown };
    };
    total += body._embedded.customers.length;
    if (!body._links.next) return total;
  }
}

test('import 1,000 rows with 5 bad ones: 995 created, the 5 reported', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'sales');
  await openImport(page);
  await expect(page).toHaveURL(/\/customers\/import$/);

  await page.getByLabel('CSV file').setInputFiles({
    name: 'customers.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(buildCsv()),
  });
  // Columns are matched by their header names; the preview shows the first rows.
  await expect(page.getByRole('combobox', { name: 'Name', exact: true })).toHaveValue('Name');
  await expect(page.getByRole('combobox', { name: 'Next purchase date', exact: true })).toHaveValue(
    'Next purchase date',
  );
  await expect(page.getByRole('cell', { name: `${PREFIX} customer 1`, exact: true })).toBeVisible();

  await expectNoA11yViolations(page);

  await page.getByRole('button', { name: 'Check 1000 rows' }).click();
  await expect(
    page.getByRole('heading', { name: '995 rows ready, 5 with problems' }),
  ).toBeVisible();
  const problems = page.getByRole('table', { name: 'Rows with problems' });
  for (const n of Object.keys(BAD)) {
    await expect(problems.getByRole('cell', { name: n, exact: true })).toBeVisible();
  }

  await page.getByRole('button', { name: 'Import 995 customers' }).click();
  await expect(page.getByText('995 customers created')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByText('5 rows not created')).toBeVisible();
  const notCreated = page.getByRole('table', { name: 'Rows not created' });
  await expect(notCreated.getByRole('row')).toHaveCount(6);

  expect(await countCustomers(page.request, PREFIX)).toBe(995);
});
