import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { projectRoot } from '../../src/config/config.ts';

export type ServerProcess = {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
};

// One process (no tsx wrapper relaying signals): SIGTERM reaches the server's own handler, as in production.
const serverCommand = [process.execPath, ['--import', 'tsx', 'src/main.ts']] as const;

/**
 * A new PGlite data directory holding the migrated database (a copy of the run's template, global-setup.ts), for a
 * server process on an embedded database whose test is not about creating or migrating one: the process opens it in
 * ≈1 s of CPU instead of ≈7 s for PGLITE_DATA_DIR=memory. It lives in the run's directory, removed when the run ends.
 */
export function migratedPgliteDir(): string {
  const runDir = inject('runDir');
  const dir = fs.mkdtempSync(path.join(runDir, 'pglite-'));
  fs.cpSync(path.join(runDir, 'pglite-template'), dir, { recursive: true });
  return dir;
}

/** Starts `src/main.ts` as a real process on a free port and waits until it listens. */
export async function startServerProcess(env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<ServerProcess> {
  const child = spawn(serverCommand[0], [...serverCommand[1]], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', WEBHOOKS_DELIVER: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const check = () => {
      const match = /listening on (http:\/\/localhost:(\d+))\/ /.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[2]}`);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${out}`));
    });
  });
  return {
    url,
    child,
    output: () => out,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Runs `src/main.ts` expecting it to exit (e.g. on a configuration error). */
export function runServerExpectingExit(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(serverCommand[0], [...serverCommand[1]], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

/** A client-side stand-in for an app that sends every request to a running server process. */
export function remote(url: string): { fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response> } {
  return {
    fetch: (input, init) => fetch(String(input).replace('http://keysmith.test', url), init),
  };
}
