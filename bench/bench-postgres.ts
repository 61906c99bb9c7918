import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './bench-process';

export type BenchPostgres = { url: string; stop: () => Promise<void> };

/** The newest distribution PostgreSQL's bin directory (Debian: /usr/lib/postgresql/<v>/bin). */
function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

function idOf(flag: '-u' | '-g', user: string): number | undefined {
  const result = spawnSync('id', [flag, user], { encoding: 'utf8' });
  return result.status === 0 ? Number(result.stdout.trim()) : undefined;
}

/**
 * A throwaway PostgreSQL cluster in a temp directory on a free loopback port, or `undefined`
 * (with the reason) when this machine has no server binaries. PostgreSQL refuses to run as
 * root, so as root the cluster belongs to the distribution's `postgres` user.
 */
export async function startThrowawayPostgres(): Promise<BenchPostgres | string> {
  const bin = postgresBin();
  if (!bin) return 'no /usr/lib/postgresql/*/bin/initdb';
  const asRoot = process.getuid?.() === 0;
  const uid = asRoot ? idOf('-u', 'postgres') : undefined;
  const gid = asRoot ? idOf('-g', 'postgres') : undefined;
  if (asRoot && (uid === undefined || gid === undefined))
    return 'running as root and no postgres user';

  const dir = mkdtempSync(path.join(tmpdir(), 'cc-bench-pg-'));
  if (asRoot) chownSync(dir, uid!, gid!);
  const dataDir = path.join(dir, 'data');
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? 'runuser' : path.join(bin, tool);
    const full = asRoot ? ['-u', 'postgres', '--', path.join(bin, tool), ...args] : args;
    const result = spawnSync(command, full, { encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(`${tool} failed: ${result.stderr || result.stdout || String(result.error)}`);
    }
  };

  const port = await freePort();
  run('initdb', [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--no-instructions',
  ]);
  run('pg_ctl', [
    '-D',
    dataDir,
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
    'start',
  ]);
  const stop = async () => {
    try {
      run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    const admin = new pg.Client({
      connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`,
    });
    await admin.connect();
    await admin.query('create database cc_bench');
    await admin.end();
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/cc_bench`, stop };
}

/** How many customers the database at `url` holds (0 before its first migration). */
export async function customerCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const table = await client.query<{ t: string | null }>(
      "select to_regclass('public.customers')::text as t",
    );
    if (!table.rows[0]?.t) return 0;
    const result = await client.query<{ n: number }>('select count(*)::int as n from customers');
    return result.rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}
