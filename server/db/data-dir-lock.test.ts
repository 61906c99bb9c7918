import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLocked, startTimeOf } from './data-dir-lock';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cc-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lockFile = () => path.join(dir, 'server.lock');
// A process that certainly runs while the test does, and is not this one: our parent.
const live = process.ppid;

describe('the DATA_DIR lock', () => {
  it('refuses while another live process holds it', () => {
    writeFileSync(lockFile(), `${live} ${startTimeOf(live) ?? ''}`.trim());
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLocked);
  });

  it('takes over a lock whose pid is now another process (pid reuse)', () => {
    writeFileSync(lockFile(), `${live} 1`);
    const release = acquireDataDirLock(dir);
    expect(readFileSync(lockFile(), 'utf8').split(' ')[0]).toBe(String(process.pid));
    release();
    expect(() => readFileSync(lockFile())).toThrow();
  });

  it('takes over a lock left by a dead process, and one naming this very process', () => {
    writeFileSync(lockFile(), '2147483646 12345');
    acquireDataDirLock(dir)();
    writeFileSync(lockFile(), String(process.pid));
    acquireDataDirLock(dir)();
    writeFileSync(lockFile(), 'garbage');
    acquireDataDirLock(dir)();
  });
});
