import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/config/config.ts';
import { createTenant, executionCount, startIntegratorServer, type Tenant } from './support/integrator.ts';
import type { ServerProcess } from './support/process.ts';

// README "Integrate", run as a newcomer pastes it: the key of step 1 (created as the console does, with the
// permissions the README names), the exports of step 2, then `npx keysmith trigger …` and the SDK snippet of step 3.

const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
const section = /^## Integrate\n([\s\S]*?)^## /m.exec(readme)![1]!;
const blocks = (lang: string) => [...section.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].filter((m) => m[1] === lang).map((m) => m[2]!);
const run = promisify(execFile);

let server: ServerProcess;
let tenant: Tenant;
let secret: string;
beforeAll(async () => {
  server = await startIntegratorServer();
  tenant = await createTenant(server.url, 'acme', 'acme');
  // Step 1: the console's default permission, Trigger workflows, and nothing else (slugs need no read permission).
  expect(section).toMatch(/default permission\s+\*\*Trigger workflows\*\*/);
  secret = (await tenant.key(['workflow:trigger'], 'from the console')).secret;
}, 240_000);
afterAll(async () => {
  await server?.stop();
});

/** Step 2's exports with the real secret and this test's server, followed by `command`, in bash at the repository root. */
async function shell(command: string): Promise<string> {
  const [exports] = blocks('bash');
  expect(exports).toMatch(/^export KEYSMITH_API_KEY=ksk_\.\.\.\nexport KEYSMITH_URL=http:\/\/localhost:4000\n$/);
  const script = exports!.replace('ksk_...', secret).replace('http://localhost:4000', server.url) + command;
  const { stdout } = await run('bash', ['-c', script], { cwd: projectRoot, env: { PATH: process.env.PATH, HOME: process.env.HOME, npm_config_loglevel: 'error' } });
  return stdout;
}

describe('README "Integrate"', { timeout: 120_000 }, () => {
  it('npx keysmith trigger, as pasted, starts the workflow', async () => {
    const [, trigger] = blocks('bash');
    expect(trigger).toBe(`npx keysmith trigger acme/checkout/sync --data '{"order":1}'\n`);
    const before = await executionCount(server.url, tenant);
    const stdout = await shell(trigger!);
    expect(stdout).toMatch(/status\s+QUEUED/);
    expect(await executionCount(server.url, tenant)).toBe(before + 1);
  });

  it('the four lines of SDK code, as pasted, start the workflow', async () => {
    const [code] = blocks('js');
    expect(code!.trim().split('\n')).toHaveLength(5); // four lines of code and a blank one
    // A file inside the repository, where `@keysmith/sdk` resolves to the workspace, as in an app that installed it.
    const dir = path.join(projectRoot, '.tmp');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `integrate-${process.pid}.mjs`);
    fs.writeFileSync(file, code!);
    try {
      const before = await executionCount(server.url, tenant);
      const stdout = await shell(`node ${JSON.stringify(file)}`);
      expect(stdout).toMatch(/^\S+ QUEUED\n$/);
      expect(await executionCount(server.url, tenant)).toBe(before + 1);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});
