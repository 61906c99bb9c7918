import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db/client';

// The first start of the embedded server, killed with SIGKILL while it seeds the demo account,
// then started again on the same DATA_DIR: the account must come out whole and consistent.
const root = path.resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'cc-seed-kill-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs `cli serve` until `until` appears in its output (then `delayMs` more), then SIGKILLs it. */
function runUntil(until: RegExp, delayMs = 0): Promise<string> {
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['server/cli.ts', 'serve'], {
    cwd: root,
    detached: true,
    env: {
      ...process.env,
      PORT: String(3390 + (process.pid % 9)),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED: 'demo',
      STATIC_DIR: '/nonexistent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let killing = false;
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!killing && until.test(output)) {
        killing = true;
        setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), delayMs);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', async () => {
      // The whole group must be gone (the lock's owner is tsx's node child) before a restart.
      while (groupAlive(child.pid!)) await new Promise((done) => setTimeout(done, 50));
      if (until.test(output)) resolve(output);
      else reject(new Error(`the server stopped before ${String(until)}:\n${output}`));
    });
  });
}

describe('a SIGKILL during the first demo seed', () => {
  it('leaves an account that the next start completes, with figures matching transactions', async () => {
    // Killed while the seed runs (the account row exists, customers are being written).
    await runUntil(/Seeding the demo account/, 1500);
    // The next start finds the seed unfinished and runs it to the end.
    const second = await runUntil(/Demo account ready|Customers Console on|Customers Console:/);
    expect(second).toMatch(/Seeding the demo account/);

    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const rows = async (text: string): Promise<unknown[]> => {
        const result = (await database.db.execute(sql.raw(text))) as unknown as { rows: unknown[] };
        return result.rows;
      };
      expect(await rows('select count(*)::int as n from customers')).toEqual([{ n: 2000 }]);
      const mismatched = await rows(`
        select c.id from customers c
        left join (select customer_id, sum(price) as ltv, count(*) as n
                   from transactions group by customer_id) t on t.customer_id = c.id
        where c.ltv <> coalesce(t.ltv, 0) or c.purchases_count <> coalesce(t.n, 0)
        limit 5`);
      expect(mismatched).toEqual([]);
    } finally {
      await database.close();
    }
  }, 240_000);
});
