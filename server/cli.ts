import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { buildApp } from './app';
import { loadConfig } from './config';
import { openConfiguredDatabase } from './database';
import { DataDirLocked } from './db/data-dir-lock';
import { seedDemo } from './db/seed-demo';
import { ADMIN_RIGHTS, SALES_RIGHTS } from './db/seed-base';
import { users } from './db/schema';
import { hashPassword } from './services/passwords';

const USAGE = `Usage: npm run cli -- <command>
  serve                      start the server (default; what npm start runs)
  seed --customers N         add N demo customers (with contacts and transactions) for benchmarks
  user add --email E --name N --password P [--admin]
                             add a user (e.g. the first administrator of a SEED=none account)
Environment: PORT HOST DATA_DIR DATABASE_URL SEED ACCOUNT_TARIFF AMOCRM_BASE_URL AMOCRM_ACCESS_TOKEN`;

/** What `npm start` prints once: where the console is and how to sign in. */
function greeting(config: ReturnType<typeof loadConfig>): string {
  const signIn =
    config.seed === 'demo' && !config.proxy
      ? 'Sign in as admin@example.com (administrator) or sales@example.com, password demo.'
      : 'Sign in with an account of yours (add one: npm run cli -- user add --email E --password P --admin).';
  return `Customers Console: ${config.publicUrl}\n${signIn}\nLogs below are warnings and errors (LOG_LEVEL=info or debug shows every request).`;
}

async function serve() {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config, (m) => console.log(m));
  const app = await buildApp({ db: database.db, config, logger: { level: config.logLevel } });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: finishing the requests in flight, then stopping`);
    try {
      // Stops accepting, answers what is in flight (a body still arriving is bounded by
      // REQUEST_TIMEOUT_SECONDS), then closes the database so PGlite's files are consistent.
      await app.close();
      await database.close();
      // A pipe's stdout is asynchronous: exit once the last line is out.
      process.stdout.write('Stopped\n', () => process.exit(0));
    } catch (error) {
      console.error(error);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  console.log(greeting(config));
}

async function seed(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { customers: { type: 'string', default: '1000' }, seed: { type: 'string' } },
  });
  const count = Number(values.customers);
  if (!Number.isInteger(count) || count < 1)
    throw new Error('--customers takes a positive integer');
  const config = { ...loadConfig(), seed: 'demo' as const };
  const database = await openConfiguredDatabase(config, (m) => console.log(m));
  try {
    const started = Date.now();
    await seedDemo(database.db, {
      customers: count,
      seed: values.seed ? Number(values.seed) : Date.now() % 1_000_000,
      onProgress: (done, total) => process.stdout.write(`\r${done}/${total} customers`),
    });
    console.log(`\nSeeded ${count} customers in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    // Index-only scans (deep list pages) need the visibility map a vacuum writes, and PGlite has
    // no autovacuum; fresh statistics let the planner pick the per-order indexes at once.
    await database.db.execute(sql`vacuum analyze`);
  } finally {
    await database.close();
  }
}

async function addUser(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      admin: { type: 'boolean', default: false },
    },
  });
  if (positionals[0] !== 'add' || !values.email || !values.password) {
    throw new Error('Usage: user add --email E --name N --password P [--admin]');
  }
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    const rights = values.admin ? ADMIN_RIGHTS : SALES_RIGHTS;
    await database.db.insert(users).values({
      email: values.email.toLowerCase(),
      name: values.name ?? values.email,
      passwordHash: await hashPassword(values.password),
      rights,
      createdAt: Math.floor(Date.now() / 1000),
    });
    console.log(`Added ${values.admin ? 'administrator' : 'user'} ${values.email}`);
  } finally {
    await database.close();
  }
}

async function main() {
  const [command = 'serve', ...rest] = process.argv.slice(2);
  switch (command) {
    case 'serve':
      return serve();
    case 'seed':
      return seed(rest);
    case 'user':
      return addUser(rest);
    default:
      console.error(USAGE);
      process.exit(2);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof DataDirLocked ? error.message : error);
  process.exit(1);
});
