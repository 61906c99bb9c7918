// The CSV import's speed through the real console: the production build on a fresh demo database,
// Chromium importing a 10,000-row file from /customers/import. Budget: under 60 s from "Import"
// to the summary. Run with `npx tsx bench/import.ts`; bench/web.ts can call measureCsvImport().
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium-launch';
import { startServer } from './bench-process';

export const IMPORT_ROWS = 10_000;
export const IMPORT_BUDGET_MS = 60_000;

function csv(rows: number, prefix: string): string {
  const lines = ['Name,Next price,Next purchase date,Periodicity,Tags'];
  for (let n = 1; n <= rows; n += 1) {
    lines.push(
      `"${prefix} ${String(n)}",${String((n % 500) * 10)},2031-0${String((n % 9) + 1)}-15,${String((n % 60) + 1)},bench`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export interface ImportFigures {
  rows: number;
  ms: number;
  rowsPerSecond: number;
  withinBudget: boolean;
}

/** Imports `rows` rows through the console at `base` (a running server with the demo users). */
export async function measureCsvImport(base: string, rows = IMPORT_ROWS): Promise<ImportFigures> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage({ baseURL: base });
    await page.goto('/login');
    await page.getByLabel('Email').fill('sales@example.com');
    await page.getByLabel('Password', { exact: true }).fill('demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));

    await page.goto('/customers/import');
    const prefix = `bench-import-${Date.now().toString(36)}`;
    await page.getByLabel('CSV file').setInputFiles({
      name: 'bench.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv(rows, prefix)),
    });
    await page.getByRole('button', { name: `Check ${String(rows)} rows` }).click();
    const start = page.getByRole('button', { name: `Import ${String(rows)} customers` });
    await start.waitFor();

    const started = Date.now();
    await start.click();
    await page
      .getByText(`${new Intl.NumberFormat('en-US').format(rows)} customers created`)
      .waitFor({ timeout: 5 * IMPORT_BUDGET_MS });
    const ms = Date.now() - started;
    return {
      rows,
      ms,
      rowsPerSecond: Math.round((rows / ms) * 1000),
      withinBudget: ms < IMPORT_BUDGET_MS,
    };
  } finally {
    await browser.close();
  }
}

async function main() {
  const staticDir = path.resolve('dist');
  if (!existsSync(path.join(staticDir, 'index.html'))) {
    throw new Error('No production build: run `npx vite build` first.');
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cc-bench-import-'));
  const server = await startServer({ DATA_DIR: dataDir, STATIC_DIR: staticDir });
  try {
    const figures = await measureCsvImport(server.url);
    console.log(
      `csv import: ${String(figures.rows)} rows in ${(figures.ms / 1000).toFixed(1)} s ` +
        `(${String(figures.rowsPerSecond)} rows/s; budget ${String(IMPORT_BUDGET_MS / 1000)} s: ` +
        `${figures.withinBudget ? 'ok' : 'OVER BUDGET'})`,
    );
    if (!figures.withinBudget) process.exitCode = 1;
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main();
}
