import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { expect, expectNoA11yViolations, signIn, test } from './fixtures';
import { openCustomersGrid } from './navigation';

test('exporting a filtered grid writes its data: ids, raw values, formula cells escaped', async ({
  page,
  baseURL,
}) => {
  await signIn(page, 'admin');

  // A customer whose name a spreadsheet would run as a formula, made through the API.
  const name = `=1+2 Export ${String(Date.now())}`;
  const created = await page.request.post('/api/v4/customers', {
    headers: { origin: baseURL! },
    data: [{ name, next_price: 12345 }],
  });
  expect(created.ok()).toBe(true);
  const { _embedded } = (await created.json()) as {
    _embedded: { customers: Array<{ id: number }> };
  };
  const id = _embedded.customers[0]!.id;

  await openCustomersGrid(page);
  await page.getByRole('searchbox', { name: 'Search' }).fill(name);
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  await expect(
    page.getByRole('table', { name: 'Customers' }).getByRole('link', { name }),
  ).toBeVisible();
  await expectNoA11yViolations(page);

  await expect(page.getByLabel('CSV contents')).toHaveValue('data');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  const rows = Papa.parse<Record<string, string>>(text.trim(), { header: true }).data;

  const row = rows.find((candidate) => candidate.id === String(id));
  expect(row, 'the created customer is in the file').toBeDefined();
  expect(row!.name).toBe(`'${name}`);
  expect(row!.next_price).toBe('12345');
  expect(row!.ltv).toBe('0');
  expect(row!.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  // Only the search's matches, not the whole account.
  expect(rows.every((candidate) => candidate.name?.includes('Export'))).toBe(true);
});
