/**
 * `npm run bench:api`: latency and throughput of the Customers API on a large account, on PGlite
 * and on PostgreSQL, through the real CLI and a real server process, driven by autocannon.
 * BENCH_CUSTOMERS (default 100000) customers are added to the demo account; BENCH_DATABASE_URL
 * names a PostgreSQL database to use instead of a throwaway cluster; BENCH_QUERY the search word.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_CUSTOMERS } from '../server/database';
import { measure, type Budget, type Figures } from './bench-load';
import { customerCount, startThrowawayPostgres } from './bench-postgres';
import { runCli, startServer } from './bench-process';
import { apiTargets, signIn } from './bench-targets';

const COUNT = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
if (!Number.isInteger(COUNT) || COUNT < 1)
  throw new Error('BENCH_CUSTOMERS takes a positive integer');
const QUERY = process.env.BENCH_QUERY ?? 'smith';
const BENCH_DIR = path.resolve('.bench');
/** The same RNG seed every time, so every run and backend measures the same data. */
const SEED_ARGS = ['seed', '--customers', String(COUNT), '--seed', '1'];

type Row = {
  target: string;
  backend: 'PGlite' | 'PostgreSQL';
  connections: number;
  /** The machine's 1-minute load average before the run: other work skews the figures. */
  load: number;
  budget?: Budget;
} & Figures;

/** The target's budget for this backend as text ('' when none) and whether the figures meet it. */
function judge(row: Row): { text: string; verdict: string } {
  const parts: string[] = [];
  let ok = true;
  const { p50, p99, rps } = row.budget ?? {};
  const floor = rps?.[row.backend];
  if (p50 !== undefined) {
    parts.push(`p50 ≤ ${p50}`);
    ok &&= row.p50 <= p50;
  }
  if (p99 !== undefined) {
    parts.push(`p99 ≤ ${p99}`);
    ok &&= row.p99 <= p99;
  }
  if (floor !== undefined) {
    parts.push(`≥ ${floor} req/s`);
    ok &&= row.rps >= floor;
  }
  return { text: parts.join(', '), verdict: parts.length === 0 ? '' : ok ? 'ok' : 'MISS' };
}

const cleanups: Array<() => Promise<void>> = [];
async function cleanUp() {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error('cleanup failed:', error);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the benchmark's server and database`);
    void cleanUp().finally(() => process.exit(130));
  });
}

async function benchServer(backend: Row['backend'], env: Record<string, string>): Promise<Row[]> {
  console.log(`\n${backend}: starting the server…`);
  const server = await startServer(env);
  cleanups.push(server.stop);
  try {
    const token = await signIn(server.url);
    const rows: Row[] = [];
    for (const target of apiTargets(QUERY)) {
      process.stdout.write(`${backend}: ${target.name}, ${target.connections} conn… `);
      const load = loadavg()[0]!;
      const figures = await measure(server.url, token, target);
      console.log(`p50 ${figures.p50} ms, p99 ${figures.p99} ms, ${figures.rps.toFixed(1)} req/s`);
      rows.push({
        target: target.name,
        backend,
        connections: target.connections,
        load,
        budget: target.budget,
        ...figures,
      });
    }
    return rows;
  } finally {
    cleanups.splice(cleanups.indexOf(server.stop), 1);
    await server.stop();
  }
}

/** The seeded PGlite directory, cached by customer count: seeding 100,000 takes minutes. */
async function seededPglite(): Promise<string> {
  const cached = path.join(BENCH_DIR, `pglite-${COUNT}`);
  if (existsSync(path.join(cached, 'pglite'))) {
    console.log(`PGlite: reusing the seeded database in ${path.relative(process.cwd(), cached)}`);
    return cached;
  }
  const partial = `${cached}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  console.log(`PGlite: seeding ${COUNT} customers (cached for later runs)…`);
  await runCli(SEED_ARGS, { DATA_DIR: partial });
  renameSync(partial, cached);
  return cached;
}

async function benchPglite(): Promise<Row[]> {
  const cached = await seededPglite();
  // The batch POST adds customers: measure on a copy so the cache stays as seeded.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cc-bench-data-'));
  const removeCopy = async () => rmSync(dataDir, { recursive: true, force: true });
  cleanups.push(removeCopy);
  cpSync(cached, dataDir, {
    recursive: true,
    filter: (source) => path.basename(source) !== 'server.lock',
  });
  return benchServer('PGlite', { DATA_DIR: dataDir });
}

async function benchPostgres(): Promise<{ rows: Row[]; skipped?: string }> {
  const given = process.env.BENCH_DATABASE_URL;
  if (given) {
    if ((await customerCount(given)) < COUNT) {
      console.log(`\nPostgreSQL: seeding ${COUNT} customers into BENCH_DATABASE_URL…`);
      await runCli(SEED_ARGS, { DATABASE_URL: given });
    }
    return { rows: await benchServer('PostgreSQL', { DATABASE_URL: given }) };
  }
  const cluster = await startThrowawayPostgres();
  if (typeof cluster === 'string') {
    console.log(`\nPostgreSQL: skipped (no server: ${cluster})`);
    return { rows: [], skipped: `no server: ${cluster}` };
  }
  cleanups.push(cluster.stop);
  console.log(`\nPostgreSQL: seeding ${COUNT} customers into a throwaway cluster…`);
  await runCli(SEED_ARGS, { DATABASE_URL: cluster.url });
  return { rows: await benchServer('PostgreSQL', { DATABASE_URL: cluster.url }) };
}

function printTable(rows: Row[]) {
  const header = ['target', 'backend', 'conn', 'p50 ms', 'p99 ms', 'req/s', 'budget', '', 'load'];
  const cells = rows.map((r) => {
    const { text, verdict } = judge(r);
    return [
      r.target,
      r.backend,
      String(r.connections),
      String(r.p50),
      String(r.p99),
      r.rps.toFixed(1),
      text,
      verdict,
      r.load.toFixed(1),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const left = new Set([0, 1, 6, 7]);
  const line = (values: string[]) =>
    values.map((v, i) => (left.has(i) ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of cells) console.log(line(row));
  const busiest = Math.max(...rows.map((r) => r.load));
  if (busiest > cpus().length) {
    console.log(
      `\nNote: the load average reached ${busiest.toFixed(1)} on ${cpus().length} CPUs during the runs; ` +
        'other work on this machine inflates these figures.',
    );
  }
}

async function main() {
  mkdirSync(BENCH_DIR, { recursive: true });
  const total = COUNT + DEMO_CUSTOMERS;
  console.log(
    `API benchmark: ${COUNT} customers added to the demo account's ${DEMO_CUSTOMERS} (${total}).`,
  );
  const pglite = await benchPglite();
  const postgres = await benchPostgres();
  const rows = [...pglite, ...postgres.rows];
  printTable(rows);
  if (postgres.skipped) console.log(`PostgreSQL: skipped (${postgres.skipped})`);
  const report = {
    date: new Date().toISOString(),
    customers: total,
    machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model },
    results: rows.map((r) => ({
      target: r.target,
      backend: r.backend,
      connections: r.connections,
      p50_ms: r.p50,
      p99_ms: r.p99,
      requests_per_second: Number(r.rps.toFixed(1)),
      requests: r.requests,
      load_average: Number(r.load.toFixed(2)),
      ...(r.budget ? { budget: judge(r).text, verdict: judge(r).verdict } : {}),
    })),
    ...(postgres.skipped ? { postgres_skipped: postgres.skipped } : {}),
  };
  writeFileSync(path.join(BENCH_DIR, 'api.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWritten to ${path.relative(process.cwd(), path.join(BENCH_DIR, 'api.json'))}`);
}

main()
  .catch((error: unknown) => {
    console.error(`\nbench:api failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(cleanUp);
