import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client';
import { ensureAccount } from '../db/seed-base';
import { seedDemo } from '../db/seed-demo';
import { TEST_CUSTOMERS, TEST_SEED, templateDatabaseUrl } from './template';

/**
 * Seeds one demo database per run; every test file starts from a copy of it
 * (PGlite: loadDataDir from a dump; PostgreSQL: CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const url = templateDatabaseUrl(serverUrl);
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    const name = new URL(url).pathname.slice(1);
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
    await admin.end();
    const database = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
    await ensureAccount(database.db, { demo: true });
    await seedDemo(database.db, { customers: TEST_CUSTOMERS, seed: TEST_SEED });
    await database.close();
    project.provide('dbTemplate', { kind: 'postgres', url });
    return;
  }

  const database = await openDatabase({ kind: 'pglite' });
  await ensureAccount(database.db, { demo: true });
  await seedDemo(database.db, { customers: TEST_CUSTOMERS, seed: TEST_SEED });
  const blob = await database.dump!();
  await database.close();
  const dir = mkdtempSync(path.join(tmpdir(), 'cc-test-'));
  const file = path.join(dir, 'template.tar.gz');
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  project.provide('dbTemplate', { kind: 'pglite', file });
  return () => rmSync(dir, { recursive: true, force: true });
}
