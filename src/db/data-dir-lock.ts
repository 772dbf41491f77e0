import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * PGlite is a single-process database: two processes on one data directory each keep their own view in memory and
 * overwrite each other's files, so writes that were acknowledged disappear. A lock file in the data directory, created
 * with O_EXCL and holding the owner's pid, makes the second process refuse to start. A lock whose pid is no longer
 * running (the owner crashed or was killed) is stale and taken over.
 */
export const LOCK_FILE = 'keysmith.lock';

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

export type DataDirLock = { file: string; release(): void };

type Owner = { pid: number; host: string };

export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const me: Owner = { pid: process.pid, host: os.hostname() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      return makeLock(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const seen = readLock(file);
    if (seen === undefined) continue; // vanished meanwhile: try again
    if (seen && isLive(seen, me)) {
      throw new DataDirLockedError(
        `The database directory ${dataDir} is in use by another Keysmith process (pid ${seen.pid}` +
          `${seen.host !== me.host ? ` on ${seen.host}` : ''}); stop it first, or set PGLITE_DATA_DIR to another directory.`,
      );
    }
    // Stale (dead owner, or unreadable after a crash mid-write): remove it only if it is still the one we judged, so
    // that two processes taking over at once cannot remove each other's fresh lock (the O_EXCL retry decides).
    if (sameContent(file, seen)) fs.rmSync(file, { force: true });
  }
  throw new DataDirLockedError(`Could not lock the database directory ${dataDir}; another process keeps taking it.`);
}

function makeLock(file: string): DataDirLock {
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    // Only our own lock: never remove one that a later owner took over.
    if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
  };
  // Also on process.exit() paths that skip the graceful close (configuration errors, fatal start-up failures).
  process.once('exit', release);
  return { file, release };
}

/** undefined: no lock file; null: a lock file we cannot read (half-written by a crashed process). */
function readLock(file: string): Owner | null | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const owner = JSON.parse(text) as Owner;
    return Number.isInteger(owner.pid) && typeof owner.host === 'string' ? owner : null;
  } catch {
    return null;
  }
}

function sameContent(file: string, seen: Owner | null): boolean {
  const now = readLock(file);
  return now !== undefined && JSON.stringify(now) === JSON.stringify(seen);
}

function isLive(owner: Owner, me: Owner): boolean {
  // Another machine sharing the directory: we cannot see its processes, so never take its lock.
  if (owner.host !== me.host) return true;
  // Our own pid in the file can only be left over from an earlier run that had it (pid 1 in a container).
  if (owner.pid === me.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
