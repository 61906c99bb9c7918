import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

export class DataDirLocked extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * When the process started, in clock ticks since boot (`/proc/<pid>/stat`, field 22), or
 * undefined where there is no /proc. A pid and its start time name one process: a pid reused
 * after a reboot or in a fresh container has another start time.
 */
export function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** Whether the lock's writer still runs: its pid is alive and, where known, started then. */
function isHeldBy(content: string): number | undefined {
  const [pidText, started] = content.trim().split(' ');
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !isAlive(pid)) return undefined;
  const now = startTimeOf(pid);
  if (started !== undefined && now !== undefined && now !== started) return undefined;
  return pid;
}

/**
 * Takes `DATA_DIR/server.lock` (O_EXCL) for this process, or throws DataDirLocked naming the
 * holder. A lock left by a process that no longer exists (kill -9), or whose pid now belongs to
 * another process (pid reuse), is taken over.
 * Returns the release function.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, 'server.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      const mine = `${process.pid} ${startTimeOf(process.pid) ?? ''}`.trim();
      writeSync(fd, mine);
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(lockPath, 'utf8') === mine) unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = isHeldBy(readFileSync(lockPath, 'utf8'));
      if (holder !== undefined) {
        throw new DataDirLocked(
          `${dataDir} is in use by process ${holder} (another server or CLI). ` +
            'PGlite cannot share a data directory between processes: stop that process, ' +
            'use another DATA_DIR, or run this command through the running server.',
        );
      }
      unlinkSync(lockPath); // stale lock
    }
  }
  throw new DataDirLocked(`Could not lock ${dataDir}`);
}
