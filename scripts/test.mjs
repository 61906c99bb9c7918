// `npm test`: lint, typecheck, unit/component/API tests (PGlite; again on PostgreSQL when
// TEST_DATABASE_URL is set), the production build with its bundle budget, and the e2e suite.
// Every step runs even when an earlier one failed, so one run shows everything; the last line
// is the plain summary CI reads: "N passed, N failed, N skipped".
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { bin, root, run } from './lib.mjs';

const reports = path.join(root, 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const steps = [];
async function step(name, command, args, options) {
  console.log(`\n=== ${name}`);
  const started = Date.now();
  const code = await run(command, args, options);
  steps.push({ name, ok: code === 0, seconds: (Date.now() - started) / 1000 });
}

const vitest = (outputFile, extra = []) => [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${outputFile}`,
  ...extra,
];

await step('lint', bin('eslint'), ['.', '--max-warnings=0']);
await step('formatting (prettier)', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
await step('typecheck', bin('tsc'), ['-b']);
await step('unit, component and API tests (PGlite)', bin('vitest'), vitest('reports/vitest.json'));
if (process.env.TEST_DATABASE_URL) {
  await step(
    'API tests on PostgreSQL',
    bin('vitest'),
    vitest('reports/vitest-postgres.json', ['--project', 'server']),
  );
} else {
  console.log(
    '\n(TEST_DATABASE_URL not set: the API suite ran on PGlite only; .ci/run adds PostgreSQL)',
  );
}
await step('production build', bin('vite'), ['build', '--logLevel', 'warn']);
await step('bundle budget', process.execPath, ['scripts/check-bundle.mjs']);
await step('e2e (Playwright, production build, Chromium)', bin('playwright'), ['test']);

// Totals from the runners' JSON reports, plus the bundle check as one test.
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of ['vitest.json', 'vitest-postgres.json']) {
  const full = path.join(reports, file);
  if (!existsSync(full)) continue;
  const report = JSON.parse(readFileSync(full, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
const playwrightReport = path.join(reports, 'playwright.json');
if (existsSync(playwrightReport)) {
  const stats = JSON.parse(readFileSync(playwrightReport, 'utf8')).stats ?? {};
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  failed += stats.unexpected ?? 0;
  skipped += stats.skipped ?? 0;
}
const bundle = steps.find((s) => s.name === 'bundle budget');
if (bundle) {
  if (bundle.ok) passed++;
  else failed++;
}

console.log('\n=== summary');
for (const s of steps)
  console.log(`${s.ok ? 'ok  ' : 'FAIL'}  ${s.name} (${s.seconds.toFixed(0)} s)`);
const allOk = steps.every((s) => s.ok);
// A step that failed without failing a test (lint, typecheck, build, a crashed runner) still fails.
if (!allOk && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(allOk ? 0 : 1);
