import type { Config } from './config';
import { openDatabase, type Database } from './db/client';
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
  if (created && demo) {
    log(`Seeding the demo account (${DEMO_CUSTOMERS} customers)…`);
    await seedDemo(database.db, { customers: DEMO_CUSTOMERS });
    log('Demo account ready: admin@example.com / demo, sales@example.com / demo');
  }
  return database;
}
