import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
// Declares the `dbTemplate` the global setup provides.
import './template';
import { buildApp, type BuildOptions } from '../app';
import { loadConfig, type Config } from '../config';
import { openDatabase, type Database } from '../db/client';
import { SESSION_COOKIE } from '../plugins/auth';
import { users } from '../db/schema';
import { SALES_RIGHTS } from '../db/seed-base';
import { hashPassword } from '../services/passwords';
import type { EntityRights } from '../../src/contracts/user';

export const ORIGIN = 'http://localhost:80';

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** Session cookie header for a demo user, signed in through the real login route. */
  cookieFor: (email: string, password?: string) => Promise<string>;
  /** A request as the given user's browser would send it (cookie + same Origin). */
  as: (email: string, options: InjectOptions) => Promise<LightMyRequestResponse>;
  /** Adds a user with password 'demo' and the given customers rights; returns its email. */
  createUser: (options: {
    customers: EntityRights;
    isAdmin?: boolean;
    groupId?: number | null;
    /** A given email (e.g. the same user on a second instance); random otherwise. */
    email?: string;
  }) => Promise<{ id: number; email: string }>;
  close: () => Promise<void>;
};

async function cloneDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const template = inject('dbTemplate');
  if (template.kind === 'pglite') {
    const blob = new Blob([readFileSync(template.file)]);
    return {
      database: await openDatabase({ kind: 'pglite', loadDataDir: blob }),
      drop: async () => {},
    };
  }
  const name = `cc_test_${randomBytes(6).toString('hex')}`;
  const templateName = new URL(template.url).pathname.slice(1);
  const serverUrl = new URL(template.url);
  serverUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`create database "${name}" template "${templateName}"`);
  await admin.end();
  const url = new URL(template.url);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
  return {
    database,
    drop: async () => {
      const dropper = new pg.Client({ connectionString: serverUrl.toString() });
      await dropper.connect();
      await dropper.query(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}

/** A fresh app over a fresh copy of the seeded test database. One per test file. */
export async function createTestApp(
  env: Record<string, string> = {},
  options: Pick<BuildOptions, 'gateway'> = {},
): Promise<TestApp> {
  const config = loadConfig({
    RATE_LIMIT_PER_SECOND: '0',
    STATIC_DIR: '/nonexistent',
    // inject()'s default Host: links and the CSRF check expect this origin.
    PUBLIC_URL: ORIGIN,
    ...env,
  });
  const { database, drop } = await cloneDatabase();
  const app = await buildApp({ db: database.db, config, ...options });
  const cookies = new Map<string, string>();

  const cookieFor = async (email: string, password = 'demo') => {
    const cached = cookies.get(email);
    if (cached) return cached;
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: ORIGIN },
      payload: { email, password },
    });
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
    if (!cookie)
      throw new Error(`login failed for ${email}: ${response.statusCode} ${response.body}`);
    const header = `${SESSION_COOKIE}=${cookie.value}`;
    cookies.set(email, header);
    return header;
  };

  return {
    app,
    database,
    config,
    cookieFor,
    as: async (email, options) => {
      const cookie = await cookieFor(email);
      return app.inject({
        ...options,
        headers: { origin: ORIGIN, ...(options.headers ?? {}), cookie },
      });
    },
    createUser: async ({
      customers,
      isAdmin = false,
      groupId = null,
      email = `user-${randomBytes(4).toString('hex')}@example.com`,
    }) => {
      const [row] = await database.db
        .insert(users)
        .values({
          name: `Test ${email}`,
          email,
          passwordHash: await hashPassword('demo'),
          groupId,
          rights: { ...SALES_RIGHTS, customers, is_admin: isAdmin, group_id: groupId },
          createdAt: Math.floor(Date.now() / 1000),
        })
        .returning({ id: users.id });
      return { id: row!.id, email };
    },
    close: async () => {
      await app.close();
      await database.close();
      await drop();
    },
  };
}

export const ADMIN = 'admin@example.com';
export const SALES = 'sales@example.com';
