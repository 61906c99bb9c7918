import type { Config } from './config';
import { count } from 'drizzle-orm';
import { openDatabase, type Database, type Db } from './db/client';
import { accounts, customers } from './db/schema';
import { ensureAccount } from './db/seed-base';
import { seedDemo } from './db/seed-demo';

export const DEMO_CUSTOMERS = 2000;

/** The database the config names, migrated; an empty one gets the account (and the demo seed). */
export async function openConfiguredDatabase(
  config: Config,
  log: (message: string) => void = () => {},
): Promise<Database> {
  const database = config.databaseUrl
    ? await openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
  const demo = config.seed === 'demo';
  const created = await ensureAccount(database.db, { demo });
  if (demo && (created || (await demoSeedUnfinished(database.db)))) {
    log(`Seeding the demo account (${DEMO_CUSTOMERS} customers)…`);
    // One transaction: a server killed while seeding leaves no half-seeded account (with LTVs
    // that disagree with its transactions), and the next start, finding no customers, seeds again.
    await database.db.transaction((tx) => seedDemo(tx, { customers: DEMO_CUSTOMERS }));
    log('Demo account ready: admin@example.com / demo, sales@example.com / demo');
  }
  return database;
}

/**
 * A demo account without a single customer row: its seed never committed. Deleted customers
 * stay as rows, and an account created without the demo is never seeded into.
 */
async function demoSeedUnfinished(db: Db): Promise<boolean> {
  const [account] = await db.select({ isDemo: accounts.isDemo }).from(accounts).limit(1);
  if (!account?.isDemo) return false;
  const [row] = await db.select({ n: count() }).from(customers);
  return (row?.n ?? 0) === 0;
}
