import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, devToken, gql, runCli, startIntegratorServer, type CliResult, type Tenant } from './support/integrator.ts';
import type { ServerProcess } from './support/process.ts';

// The built `keysmith` CLI run as a process against a real server process, as an integrator's terminal or CI runs it.

let server: ServerProcess;
let tenant: Tenant;
let home: string;
let reader: { secret: string; id: string }; // triggers, reads executions, and reads what slugs need
let triggerOnly: { secret: string; id: string };

beforeAll(async () => {
  server = await startIntegratorServer();
  tenant = await createTenant(server.url, 'cli');
  reader = await tenant.key(['workflow:trigger', 'execution:read', 'organization:read', 'project:read', 'workflow:read'], 'reader');
  triggerOnly = await tenant.key(['workflow:trigger'], 'trigger-only');
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'keysmith-cli-'));
}, 240_000);
afterAll(async () => {
  await server?.stop();
  if (home) fs.rmSync(home, { recursive: true, force: true });
});

/** The CLI with a private home and config directory, the server's URL, and nothing else unless given. */
const cli = (args: string[], env: NodeJS.ProcessEnv = {}, input?: string) =>
  runCli(args, { HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), KEYSMITH_URL: server.url, ...env }, input);
const json = (result: CliResult) => {
  expect(result.stderr, result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
};
/** A failure: the exit code, nothing on stdout, one line on stderr. */
function failed(result: CliResult, code: number, pattern: RegExp): void {
  expect({ code: result.code, stdout: result.stdout }, result.stderr).toEqual({ code, stdout: '' });
  expect(result.stderr.trimEnd().split('\n'), result.stderr).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
}
const profileFile = () => path.join(home, 'config', 'keysmith', 'profiles.json');

// Each test runs the CLI as a process a dozen times or more: on a loaded machine that is minutes, not seconds.
describe('keysmith CLI', { timeout: 180_000 }, () => {
  it('whoami shows the key, as a table and as JSON', async () => {
    const table = await cli(['whoami'], { KEYSMITH_API_KEY: reader.secret });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/API key\s+reader \(ksk_/);
    expect(table.stdout).not.toContain(reader.secret);
    expect(table.stdout).not.toContain('\x1b['); // no colours off a terminal
    const parsed = json(await cli(['whoami', '--output', 'json'], { KEYSMITH_API_KEY: reader.secret }));
    expect(parsed).toMatchObject({ kind: 'apiKey', apiKey: { id: reader.id, name: 'reader', organizationId: tenant.organizationId } });
  });

  it('trigger by organization/project/workflow slugs starts the workflow; a replay with the same idempotency key does not', async () => {
    const ref = `${tenant.slug}/checkout/sync`;
    const first = json(await cli(['trigger', ref, '--data', '{"order":1}', '--idempotency-key', 'order-1', '-o', 'json'], { KEYSMITH_API_KEY: reader.secret }));
    expect(first).toMatchObject({ replayed: false, idempotencyKey: 'order-1', execution: { status: 'QUEUED', workflowId: tenant.workflowId, payload: { order: 1 } } });
    const again = json(await cli(['trigger', ref, '--data', '{"order":1}', '--idempotency-key', 'order-1', '-o', 'json'], { KEYSMITH_API_KEY: reader.secret }));
    expect(again).toMatchObject({ replayed: true, execution: { id: first.execution.id } });

    const file = path.join(home, 'order.json');
    fs.writeFileSync(file, '{"order":2}');
    const fromFile = json(await cli(['trigger', ref, '--data', `@${file}`, '-o', 'json'], { KEYSMITH_API_KEY: reader.secret }));
    expect(fromFile.execution.payload).toEqual({ order: 2 });

    const table = await cli(['trigger', tenant.workflowId, '--data', '{"order":3}'], { KEYSMITH_API_KEY: triggerOnly.secret });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/status\s+QUEUED/);

    const got = json(await cli(['executions', 'get', first.execution.id, '-o', 'json'], { KEYSMITH_API_KEY: reader.secret }));
    expect(got).toMatchObject({ id: first.execution.id, idempotencyKey: 'order-1', payload: { order: 1 } });
    const listed = json(await cli(['executions', 'list', '--project', `${tenant.slug}/checkout`, '-o', 'json'], { KEYSMITH_API_KEY: reader.secret }));
    expect(listed.totalCount).toBe(3);
    expect(listed.nodes.map((e: { id: string }) => e.id)).toContain(first.execution.id);
    const listTable = await cli(['executions', 'list', '--project', `${tenant.slug}/checkout`], { KEYSMITH_API_KEY: reader.secret });
    expect(listTable.stdout.split('\n')[0]).toMatch(/^ID\s+STATUS\s+WORKFLOW/);
  });

  it('a trigger-only key triggers by slugs (the server resolves them; no read permission needed)', async () => {
    const result = await cli(['trigger', `${tenant.slug}/checkout/sync`, '--data', '{"order":2}', '-o', 'json'], { KEYSMITH_API_KEY: triggerOnly.secret });
    expect(json(result).execution.status).toBe('QUEUED');
    failed(await cli(['trigger', `${tenant.slug}/checkout/nope`], { KEYSMITH_API_KEY: triggerOnly.secret }), 4, /cannot trigger this workflow/);
  });

  it('keys create / list / rotate / revoke / delete: the secret once, on stdout only', async () => {
    const env = { KEYSMITH_TOKEN: tenant.owner };
    const created = await cli(['keys', 'create', '--project', `${tenant.slug}/checkout`, '--name', 'made-by-cli', '--permission', 'workflow:trigger', 'execution:read', '-o', 'json'], env);
    const key = json(created);
    expect(key.secret).toMatch(/^ksk_/);
    expect(key.apiKey).toMatchObject({ name: 'made-by-cli', status: 'ACTIVE', permissions: [{ permission: 'workflow:trigger' }, { permission: 'execution:read' }] });
    // The new key works.
    expect(json(await cli(['whoami', '-o', 'json'], { KEYSMITH_API_KEY: key.secret })).apiKey.name).toBe('made-by-cli');

    const tableCreate = await cli(['keys', 'create', '--org', tenant.slug, '--name', 'org-key', '--permission', 'organization:read', '--expires', '7d'], env);
    expect(tableCreate.code).toBe(0);
    const shown = /Secret \(shown once, store it now\): (ksk_\S+)/.exec(tableCreate.stdout)?.[1];
    expect(shown).toBeDefined();
    expect(tableCreate.stderr).not.toContain(shown!);

    const listed = json(await cli(['keys', 'list', '--org', tenant.slug, '-o', 'json'], env));
    expect(listed.nodes.map((k: { name: string }) => k.name)).toEqual(expect.arrayContaining(['made-by-cli', 'org-key', 'reader']));
    expect(JSON.stringify(listed)).not.toContain(key.secret);
    const listTable = await cli(['keys', 'list', '--org', tenant.slug], env);
    expect(listTable.stdout).toMatch(/made-by-cli/);
    expect(listTable.stdout).not.toContain(key.secret);

    const rotated = json(await cli(['keys', 'rotate', key.apiKey.id, '--grace', '60', '-o', 'json'], env));
    expect(rotated.secret).toMatch(/^ksk_/);
    expect(rotated.secret).not.toBe(key.secret);
    expect(rotated.previousApiKey.id).toBe(key.apiKey.id);

    expect(json(await cli(['keys', 'revoke', rotated.apiKey.id, '-o', 'json'], env))).toMatchObject({ id: rotated.apiKey.id, status: 'REVOKED' });
    failed(await cli(['whoami'], { KEYSMITH_API_KEY: rotated.secret }), 3, /refused/);

    failed(await cli(['keys', 'delete', key.apiKey.id], env), 2, /needs --yes/);
    expect(json(await cli(['keys', 'delete', key.apiKey.id, '--yes', '-o', 'json'], env))).toEqual({ deletedApiKeyId: key.apiKey.id });
    failed(await cli(['whoami'], { KEYSMITH_API_KEY: key.secret }), 3, /Unauthenticated/);
  });

  it('projects and workflows list / create, webhooks list', async () => {
    const env = { KEYSMITH_TOKEN: tenant.owner };
    const project = json(await cli(['projects', 'create', '--org', tenant.slug, '--name', 'Billing', '--slug', 'billing', '-o', 'json'], env));
    expect(project).toMatchObject({ slug: 'billing', name: 'Billing' });
    const projects = json(await cli(['projects', 'list', '--org', tenant.slug, '-o', 'json'], env));
    expect(projects.nodes.map((p: { slug: string }) => p.slug).sort()).toEqual(['billing', 'checkout']);
    // A page at a time: the table, then on stderr the cursor that continues it.
    const first = await cli(['projects', 'list', '--org', tenant.slug, '--first', '1'], env);
    expect(first.stdout.trimEnd().split('\n')).toHaveLength(2);
    const cursor = /^More: add --after (\S+)$/m.exec(first.stderr)?.[1];
    expect(cursor, first.stderr).toBeDefined();
    const rest = json(await cli(['projects', 'list', '--org', tenant.slug, '--first', '1', '--after', cursor!, '-o', 'json'], env));
    expect([...first.stdout.matchAll(/^\S+\s+(billing|checkout)\s/gm)].map((m) => m[1]).concat(rest.nodes.map((p: { slug: string }) => p.slug)).sort()).toEqual(['billing', 'checkout']);
    expect(rest.hasNextPage).toBe(false);
    failed(await cli(['projects', 'list', '--org', tenant.slug, '--first', '0'], env), 2, /--first must be a whole number from 1 to 100/);
    // A key lists its own organization without --org.
    const byKey = json(await cli(['projects', 'list', '-o', 'json'], { KEYSMITH_API_KEY: reader.secret }));
    expect(byKey.nodes.map((p: { slug: string }) => p.slug)).toEqual(['checkout']);

    const workflow = json(await cli(['workflows', 'create', '--project', `${tenant.slug}/billing`, '--name', 'Invoice', '--slug', 'invoice', '-o', 'json'], env));
    expect(workflow).toMatchObject({ slug: 'invoice' });
    const workflows = await cli(['workflows', 'list', '--project', `${tenant.slug}/billing`], env);
    expect(workflows.stdout).toMatch(/invoice\s+Invoice/);

    await gql(server.url, tenant.owner, `mutation($id: ID!) { createWebhookEndpoint(input: { organizationId: $id, url: "https://hooks.example.com/k", events: [API_KEY_CREATED] }) { __typename } }`, {
      id: tenant.organizationId,
    });
    const hooks = json(await cli(['webhooks', 'list', '--org', tenant.slug, '-o', 'json'], env));
    expect(hooks.nodes).toEqual([expect.objectContaining({ url: 'https://hooks.example.com/k', enabled: true })]);
    failed(await cli(['webhooks', 'list'], { KEYSMITH_API_KEY: reader.secret }), 4, /webhook:read/);
  });

  it('exit codes: usage 2, credentials 3, forbidden 4, not found 5, invalid or conflict 6, upgrade 7, unreachable 1', async () => {
    const key = { KEYSMITH_API_KEY: reader.secret };
    failed(await cli(['nonsense'], key), 2, /unknown command 'nonsense'/);
    failed(await cli(['trigger', 'x', '--data', '{oops'], key), 2, /--data is not JSON/);
    failed(await cli(['whoami', '--output', 'yaml'], key), 2, /Allowed choices are table, json/);
    failed(await cli(['whoami']), 3, /No credentials: set KEYSMITH_API_KEY/);
    const mistyped = reader.secret.slice(0, 30) + (reader.secret[30] === 'a' ? 'b' : 'a') + reader.secret.slice(31);
    failed(await cli(['whoami'], { KEYSMITH_API_KEY: mistyped }), 3, /The API key in KEYSMITH_API_KEY is not valid: its checksum/);
    failed(await cli(['projects', 'create', '--name', 'X', '--slug', 'x'], key), 4, /project:create/);
    failed(await cli(['executions', 'get', 'V29ya2Zsb3dFeGVjdXRpb246MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw'], key), 5, /No execution/);
    failed(await cli(['projects', 'create', '--org', tenant.slug, '--name', 'Bad', '--slug', 'Bad Slug'], { KEYSMITH_TOKEN: tenant.owner }), 6, /slug/);
    failed(await cli(['projects', 'create', '--org', tenant.slug, '--name', 'Again', '--slug', 'checkout'], { KEYSMITH_TOKEN: tenant.owner }), 6, /nothing was changed/);

    // An organization on the FREE plan has no API access: creating a key there needs an upgrade.
    const freeOwner = await devToken(server.url, { sub: 'free-owner', email: 'free@example.com' });
    await gql(server.url, freeOwner, `mutation { createOrganization(input: { name: "Free", slug: "free-${process.pid}" }) { __typename } }`);
    const freeEnv = { KEYSMITH_TOKEN: freeOwner };
    json(await cli(['projects', 'create', '--name', 'P', '--slug', 'p', '-o', 'json'], freeEnv));
    failed(await cli(['keys', 'create', '--project', `free-${process.pid}/p`, '--name', 'k'], freeEnv), 7, /upgrade/);

    failed(await cli(['whoami'], { ...key, KEYSMITH_URL: 'http://127.0.0.1:9' }), 1, /Could not reach Keysmith at http:\/\/127\.0\.0\.1:9.*check --url or KEYSMITH_URL/);
  });

  it('exit 7 when rate limited, with when to try again', async () => {
    const limiter = http.createServer((_req, res) => {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '600' });
      res.end(JSON.stringify({ errors: [{ message: 'Too many requests', extensions: { code: 'RATE_LIMITED' } }] }));
    });
    await new Promise<void>((resolve) => limiter.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(limiter.address() as AddressInfo).port}`;
      failed(await cli(['whoami', '--url', url], { KEYSMITH_API_KEY: reader.secret }), 7, /Too many requests: try again in 600 s/);
    } finally {
      await new Promise<void>((resolve) => limiter.close(() => resolve()));
    }
  });

  it('credentials: the flag beats the environment, the environment beats the profile', async () => {
    const other = await tenant.key(['execution:read'], 'other');
    json(await cli(['login', '--subject', 'precedence-person', '--email', 'p@example.com', '-o', 'json']));
    const name = async (args: string[], env: NodeJS.ProcessEnv) => {
      const out = json(await cli(['whoami', '-o', 'json', ...args], env));
      return out.kind === 'apiKey' ? out.apiKey.name : out.viewer.subject;
    };
    expect(await name(['--api-key', other.secret], { KEYSMITH_API_KEY: reader.secret })).toBe('other');
    expect(await name(['--token', tenant.owner], { KEYSMITH_API_KEY: reader.secret })).toBe(`${tenant.slug}-owner`);
    expect(await name([], { KEYSMITH_API_KEY: reader.secret })).toBe('reader');
    expect(await name([], { KEYSMITH_TOKEN: tenant.owner })).toBe(`${tenant.slug}-owner`);
    expect(await name([], {})).toBe('precedence-person');
    json(await cli(['logout', '-o', 'json']));
  });

  it('login saves a 0600 profile with the person\'s token only; named profiles; logout removes it', async () => {
    const login = await cli(['login', '--profile', 'work', '--subject', 'dana', '--email', 'dana@example.com']);
    expect(login.code).toBe(0);
    expect(login.stderr).toMatch(/Signed in as dana .*profile "work", development sign-in/);
    const stat = fs.statSync(profileFile());
    expect(stat.mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(profileFile())).mode & 0o777).toBe(0o700);
    const saved = JSON.parse(fs.readFileSync(profileFile(), 'utf8'));
    expect(Object.keys(saved.profiles)).toEqual(['work']);
    expect(saved.profiles.work).toMatchObject({ url: server.url, subject: 'dana', token: expect.stringMatching(/^ey/) });

    // Keys used and created while signed in never reach the file.
    const created = json(await cli(['keys', 'create', '--project', `${tenant.slug}/checkout`, '--name', 'while-signed-in', '-o', 'json'], { KEYSMITH_TOKEN: tenant.owner }));
    await cli(['whoami', '--profile', 'work', '--api-key', reader.secret]);
    const file = fs.readFileSync(profileFile(), 'utf8');
    expect(file).not.toContain(created.secret);
    expect(file).not.toContain(reader.secret);
    expect(file).not.toMatch(/ksk_/);

    expect(json(await cli(['whoami', '--profile', 'work', '-o', 'json'])).viewer.subject).toBe('dana');
    failed(await cli(['whoami']), 3, /No credentials/); // the default profile is not "work"

    const pasted = await cli(['login', '--profile', 'pasted', '--url', server.url], {}, 'not-a-token\n');
    // The server offers the development sign-in, so login used it and asked for a subject.
    failed(pasted, 2, /needs --subject/);
    // …and publishes no provider sign-in for the CLI.
    expect(await (await fetch(`${server.url}/cli-config.json`)).json()).toEqual({ oidc: null });
    // --with-token takes the token from stdin whatever the server offers; a token the server refuses is not saved.
    const piped = json(await cli(['login', '--profile', 'piped', '--with-token', '-o', 'json'], {}, `${tenant.owner}\n`));
    expect(piped).toMatchObject({ profile: 'piped', subject: `${tenant.slug}-owner`, method: 'pasted' });
    failed(await cli(['login', '--profile', 'refused', '--with-token'], {}, 'not-a-token\n'), 3, /refused/);
    expect(Object.keys(JSON.parse(fs.readFileSync(profileFile(), 'utf8')).profiles).sort()).toEqual(['piped', 'work']);
    json(await cli(['logout', '--profile', 'piped', '-o', 'json']));

    expect((await cli(['logout', '--profile', 'work'])).stderr).toMatch(/Signed out/);
    expect(JSON.parse(fs.readFileSync(profileFile(), 'utf8')).profiles).toEqual({});
    failed(await cli(['whoami', '--profile', 'work']), 3, /No credentials/);
  });

  it('every command has --help with examples; the top level lists the exit codes', async () => {
    const top = await cli(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/Exit codes:\n\s+0\s+ok[\s\S]*7\s+rate limited or upgrade required/);
    const commands = [
      ['whoami'],
      ['trigger'],
      ['executions', 'get'],
      ['executions', 'list'],
      ['keys', 'list'],
      ['keys', 'create'],
      ['keys', 'rotate'],
      ['keys', 'revoke'],
      ['keys', 'delete'],
      ['projects', 'list'],
      ['projects', 'create'],
      ['workflows', 'list'],
      ['workflows', 'create'],
      ['webhooks', 'list'],
      ['login'],
      ['logout'],
    ];
    for (const command of commands) {
      const help = await cli([...command, '--help']);
      expect(help.code, command.join(' ')).toBe(0);
      expect(help.stdout, command.join(' ')).toMatch(/Examples:\n\s+\$ .*keysmith /);
    }
  });
});
