import fs from 'node:fs';
import { createInterface } from 'node:readline/promises';
import type { ApiKey, Execution, ExpiryPolicy, Keysmith, Page, Project, WebhookEndpoint, Workflow } from '@keysmith/sdk';
import { Command } from 'commander';
import { clientFor, type GlobalOptions } from './credentials.js';
import { UsageError } from './exit-codes.js';
import { obtainToken, verifyToken } from './login.js';
import { note, printFields, printJson, printTable, withSpinner } from './output.js';
import { DEFAULT_PROFILE, profilesPath, readProfile, removeProfile, saveProfile } from './profiles.js';
import { DEFAULT_URL } from '@keysmith/sdk';

const globals = (command: Command) => command.optsWithGlobals<GlobalOptions>();
const examples = (lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

/** The organization a command acts on: `--org` (slug or id), else the key's own, else the person's only one. */
async function organizationId(client: Keysmith, org: string | undefined): Promise<string> {
  if (org) return (await client.organization(org)).id;
  if (client.credentialKind === 'apiKey') return (await client.currentKey()).organizationId;
  const memberships = (await client.viewer()).organizations.edges;
  if (memberships.length === 1) return memberships[0]!.node.organization.id;
  const slugs = memberships.map((m) => m.node.organization.slug).join(', ');
  throw new UsageError(memberships.length ? `pass --org <slug>: you are in ${memberships.length} organizations (${slugs})` : 'you are in no organization yet');
}

function parseData(data: string | undefined): unknown {
  if (data === undefined) return null;
  let text = data;
  if (data.startsWith('@')) {
    const file = data.slice(1);
    try {
      text = fs.readFileSync(file === '-' ? 0 : file, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read --data file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--data is not JSON (${(error as Error).message}); pass '{"key":"value"}' or @file.json`);
  }
}

function positiveInt(name: string) {
  return (value: string) => {
    if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 100) throw new UsageError(`${name} must be a whole number from 1 to 100`);
    return Number(value);
  };
}

function expiry(value: string): { policy: ExpiryPolicy; expiresAt?: string } {
  const policies: Record<string, ExpiryPolicy> = { '7d': 'DAYS_7', '30d': 'DAYS_30', '60d': 'DAYS_60', '90d': 'DAYS_90', never: 'NEVER' };
  if (policies[value]) return { policy: policies[value] };
  if (/^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value))) return { policy: 'CUSTOM', expiresAt: new Date(value).toISOString() };
  throw new UsageError(`--expires must be 7d, 30d, 60d, 90d, never or a date (2027-01-31), not "${value}"`);
}

const executionRow = (e: Execution) => [e.id, e.status, e.workflowId, e.triggeredByKeyPrefix, e.idempotencyKey, e.createdAt];
const EXECUTION_HEAD = ['ID', 'STATUS', 'WORKFLOW', 'KEY', 'IDEMPOTENCY KEY', 'CREATED'];
const keyRow = (k: ApiKey) => [k.id, k.name, k.prefix, k.level, k.status, k.project?.slug, k.expiresAt, k.permissions.map((p) => p.permission).join(' ')];
const KEY_HEAD = ['ID', 'NAME', 'PREFIX', 'LEVEL', 'STATUS', 'PROJECT', 'EXPIRES', 'PERMISSIONS'];
/** Projects and workflows. */
const sluggedRow = (p: Project | Workflow) => [p.id, p.slug, p.name, p.createdAt];
const SLUGGED_HEAD = ['ID', 'SLUG', 'NAME', 'CREATED'];
const ORG_OPTION = "the organization's slug or id (default: the key's own, or your only one)";

type Cell = string | number | boolean | null | undefined;
type PageOptions = { first: number; after?: string };

/**
 * Makes `command` a list command: `--first` (1-100) and `--after` options, the page read behind the spinner, then
 * JSON or a table followed by the cursor of the next page. `read` gets the command's own options with the paging ones.
 */
function paged<O extends object, T>(
  command: Command,
  list: { first: number; head: string[]; row: (node: T) => Cell[]; read: (client: Keysmith, options: O & PageOptions) => Promise<Page<T>> },
): Command {
  return command
    .option('--first <n>', 'how many (1-100)', positiveInt('--first'), list.first)
    .option('--after <cursor>', 'continue after this cursor (printed when there are more)')
    .action(async (options: O & PageOptions, self: Command) => {
      const o = globals(self);
      const client = await clientFor(o);
      const found = await withSpinner('Reading', o.output, () => list.read(client, options));
      if (o.output === 'json') return printJson(found);
      printTable(list.head, found.nodes.map(list.row));
      if (found.hasNextPage) note(`More: add --after ${found.endCursor}`);
    });
}

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

function printSecret(secret: string, format: GlobalOptions['output']): void {
  if (format === 'json') return;
  process.stdout.write(`\nSecret (shown once, store it now): ${secret}\n`);
}

export function addCommands(program: Command): void {
  program
    .command('whoami')
    .description('Show who the credential is: the API key (name, prefix, permissions) or the signed-in person')
    .addHelpText('after', examples(['KEYSMITH_API_KEY=ksk_… keysmith whoami', 'keysmith whoami --output json']))
    .action(async (_options, command: Command) => {
      const o = globals(command);
      const client = await clientFor(o);
      if (client.credentialKind === 'apiKey') {
        const key = await withSpinner('Asking Keysmith', o.output, () => client.currentKey());
        if (o.output === 'json') return printJson({ kind: 'apiKey', apiKey: key });
        return printFields([
          ['API key', `${key.name} (${key.prefix}…)`],
          ['id', key.id],
          ['level', key.level],
          ['organization', key.organizationId],
          ['projects', key.allProjects ? 'all' : key.projectIds.join(', ')],
          ['expires', key.expiresAt ?? 'never'],
          ['permissions', key.permissions.map((p) => p.permission + (p.effective ? '' : ' (no effect)')).join(', ')],
          ['server', client.url],
        ]);
      }
      const viewer = await withSpinner('Asking Keysmith', o.output, () => client.viewer());
      if (o.output === 'json') return printJson({ kind: 'user', viewer });
      printFields([
        ['signed in as', viewer.subject],
        ['email', viewer.user.email],
        ['operator', viewer.isOperator ? 'yes' : 'no'],
        ['organizations', viewer.organizations.edges.map((e) => `${e.node.organization.slug} (${e.node.role})`).join(', ')],
        ['server', client.url],
      ]);
    });

  program
    .command('trigger')
    .description('Start a workflow execution (API keys only)')
    .argument('<workflow>', 'the workflow: its id, or organization/project/workflow slugs')
    .option('-d, --data <json>', "the payload: JSON, or @file.json (@- for stdin)")
    .option('--idempotency-key <key>', 'retries with the same key and payload return the first execution (default: one made up for this call)')
    .addHelpText(
      'after',
      examples([
        `keysmith trigger acme/checkout/sync --data '{"order":1}'`,
        'keysmith trigger acme/checkout/sync --data @order.json --idempotency-key order-42',
        'keysmith trigger V29ya2Zsb3c6MQ --output json',
      ]),
    )
    .action(async (workflow: string, options: { data?: string; idempotencyKey?: string }, command: Command) => {
      const o = globals(command);
      const payload = parseData(options.data);
      const client = await clientFor(o);
      const result = await withSpinner('Triggering', o.output, async () => {
        // Slugs go to the server as they are: triggering by path needs no read permission, only workflow:trigger.
        const target = workflow.includes('/') ? { workflowPath: workflow } : { workflowId: workflow };
        return client.triggerWorkflow({ ...target, payload, idempotencyKey: options.idempotencyKey });
      });
      if (o.output === 'json') return printJson(result);
      printFields([
        ['execution', result.execution.id],
        ['status', result.execution.status],
        ['workflow', result.execution.workflowId],
        ['idempotency key', result.idempotencyKey],
        ['replayed', result.replayed ? 'yes (an earlier execution with this idempotency key)' : 'no'],
      ]);
    });

  const executions = program.command('executions').description('Read workflow executions');
  executions
    .command('get')
    .description('Show one execution (needs execution:read, or workflow:trigger for the ones the key started)')
    .argument('<id>', 'the execution id')
    .addHelpText('after', examples(['keysmith executions get RXhlY3V0aW9uOjE', 'keysmith executions get RXhlY3V0aW9uOjE --output json']))
    .action(async (id: string, _options, command: Command) => {
      const o = globals(command);
      const client = await clientFor(o);
      const execution = await withSpinner('Reading', o.output, () => client.execution(id));
      if (o.output === 'json') return printJson(execution);
      printFields([
        ['execution', execution.id],
        ['status', execution.status],
        ['workflow', execution.workflowId],
        ['project', execution.projectId],
        ['triggered by', execution.triggeredByKeyPrefix],
        ['idempotency key', execution.idempotencyKey],
        ['created', execution.createdAt],
        ['payload', JSON.stringify(execution.payload)],
      ]);
    });
  paged<{ project: string }, Execution>(
    executions
      .command('list')
      .description("List a project's executions, newest first")
      .requiredOption('-p, --project <project>', 'organization/project slugs or the project id')
      .addHelpText('after', examples(['keysmith executions list --project acme/checkout', 'keysmith executions list --project acme/checkout --first 5 --output json'])),
    {
      first: 20,
      head: EXECUTION_HEAD,
      row: executionRow,
      read: async (client, { project, first, after }) => client.executions({ projectId: (await client.project(project)).id, first, after }),
    },
  );

  const keys = program.command('keys').description('Manage API keys (the credential needs the api_key:* permissions)');
  paged<{ org?: string }, ApiKey>(
    keys
      .command('list')
      .description("List an organization's keys, organization- and project-level")
      .option('--org <organization>', ORG_OPTION)
      .addHelpText('after', examples(['keysmith keys list', 'keysmith keys list --org acme --output json'])),
    { first: 50, head: KEY_HEAD, row: keyRow, read: async (client, { org, first, after }) => client.apiKeys({ organizationId: await organizationId(client, org), first, after }) },
  );
  keys
    .command('create')
    .description('Create a key for one project (--project) or for an organization (--org); prints the secret once')
    .requiredOption('--name <name>', 'a name people recognise (CI, CRM…)')
    .option('--project <project>', 'a project key: organization/project slugs or the project id')
    .option('--org <organization>', "an organization key: the organization's slug or id")
    .option('--projects <ids>', 'an organization key for these project ids only (comma-separated; default all projects)')
    .option('--permission <permission...>', 'a permission to grant (repeat; see the README table)', ['workflow:trigger'])
    .option('--expires <when>', '7d, 30d, 60d, 90d, never, or a date', '30d')
    .option('--note <text>', 'a note for the people who manage the key')
    .addHelpText(
      'after',
      examples([
        'keysmith keys create --project acme/checkout --name CI --permission workflow:trigger execution:read',
        'keysmith keys create --org acme --name "CI automation" --permission organization:read project:create --expires 90d --output json',
      ]),
    )
    .action(
      async (options: { name: string; project?: string; org?: string; projects?: string; permission: string[]; expires: string; note?: string }, command: Command) => {
        const o = globals(command);
        if (Boolean(options.project) === Boolean(options.org)) throw new UsageError('pass either --project (a project key) or --org (an organization key)');
        if (options.projects && !options.org) throw new UsageError('--projects goes with --org');
        const permissions = options.permission.map((permission) => ({ permission }));
        const common = { name: options.name, note: options.note, expiry: expiry(options.expires), permissions };
        const client = await clientFor(o);
        const created = await withSpinner('Creating', o.output, async () =>
          options.project
            ? client.createProjectApiKey({ ...common, projectId: (await client.project(options.project)).id })
            : client.createOrganizationApiKey({
                ...common,
                organizationId: await organizationId(client, options.org),
                projectAccess: options.projects ? { projectIds: options.projects.split(',').map((s) => s.trim()).filter(Boolean) } : { all: true },
              }),
        );
        if (o.output === 'json') return printJson(created);
        printTable(KEY_HEAD, [keyRow(created.apiKey)]);
        printSecret(created.secret, o.output);
      },
    );
  keys
    .command('rotate')
    .description('Issue a successor with a new secret (printed once); the old key ends after the grace period')
    .argument('<id>', 'the key id')
    .option('--grace <seconds>', 'how long the old key keeps working (0-86400)', '0')
    .addHelpText('after', examples(['keysmith keys rotate QXBpS2V5OjE --grace 3600', 'keysmith keys rotate QXBpS2V5OjE --output json']))
    .action(async (id: string, options: { grace: string }, command: Command) => {
      const o = globals(command);
      if (!/^\d+$/.test(options.grace)) throw new UsageError('--grace must be a whole number of seconds');
      const client = await clientFor(o);
      const rotated = await withSpinner('Rotating', o.output, () => client.rotateApiKey({ id, gracePeriodSeconds: Number(options.grace) }));
      if (o.output === 'json') return printJson(rotated);
      printTable(KEY_HEAD, [keyRow(rotated.apiKey)]);
      note(`The old key ${rotated.previousApiKey.id} works until ${rotated.previousApiKey.graceEndsAt ?? 'now'}.`);
      printSecret(rotated.secret, o.output);
    });
  keys
    .command('revoke')
    .description('Permanently disable a key (it stays listed as REVOKED)')
    .argument('<id>', 'the key id')
    .addHelpText('after', examples(['keysmith keys revoke QXBpS2V5OjE']))
    .action(async (id: string, _options, command: Command) => {
      const o = globals(command);
      const client = await clientFor(o);
      const key = await withSpinner('Revoking', o.output, () => client.revokeApiKey(id));
      if (o.output === 'json') return printJson(key);
      printTable(KEY_HEAD, [keyRow(key)]);
    });
  keys
    .command('delete')
    .description('Delete a key immediately: the next call with it gets 401')
    .argument('<id>', 'the key id')
    .option('-y, --yes', 'do not ask for confirmation (required when not on a terminal)')
    .addHelpText('after', examples(['keysmith keys delete QXBpS2V5OjE --yes']))
    .action(async (id: string, options: { yes?: boolean }, command: Command) => {
      const o = globals(command);
      if (!options.yes) {
        if (!process.stdin.isTTY) throw new UsageError('deleting a key needs --yes when not on a terminal');
        if (!(await confirm(`Delete key ${id}? Calls with it fail at once.`))) throw new UsageError('not deleted');
      }
      const client = await clientFor(o);
      const deleted = await withSpinner('Deleting', o.output, () => client.deleteApiKey(id));
      if (o.output === 'json') return printJson(deleted);
      note(`Deleted key ${deleted.deletedApiKeyId}.`);
    });

  const projects = program.command('projects').description('List and create projects');
  paged<{ org?: string }, Project>(
    projects
      .command('list')
      .description("List an organization's projects")
      .option('--org <organization>', ORG_OPTION)
      .addHelpText('after', examples(['keysmith projects list --org acme', 'keysmith projects list --output json'])),
    { first: 50, head: SLUGGED_HEAD, row: sluggedRow, read: async (client, { org, first, after }) => client.projects({ organizationId: await organizationId(client, org), first, after }) },
  );
  projects
    .command('create')
    .description('Create a project (needs project:create)')
    .requiredOption('--name <name>', 'the display name')
    .requiredOption('--slug <slug>', 'the URL name (lowercase letters, digits, dashes)')
    .option('--org <organization>', ORG_OPTION)
    .addHelpText('after', examples(['keysmith projects create --org acme --name Checkout --slug checkout']))
    .action(async (options: { name: string; slug: string; org?: string }, command: Command) => {
      const o = globals(command);
      const client = await clientFor(o);
      const project = await withSpinner('Creating', o.output, async () => client.createProject({ organizationId: await organizationId(client, options.org), name: options.name, slug: options.slug }));
      if (o.output === 'json') return printJson(project);
      printTable(SLUGGED_HEAD, [sluggedRow(project)]);
    });

  const workflows = program.command('workflows').description('List and create workflows');
  paged<{ project: string }, Workflow>(
    workflows
      .command('list')
      .description("List a project's workflows")
      .requiredOption('-p, --project <project>', 'organization/project slugs or the project id')
      .addHelpText('after', examples(['keysmith workflows list --project acme/checkout'])),
    { first: 50, head: SLUGGED_HEAD, row: sluggedRow, read: async (client, { project, first, after }) => client.workflows({ projectId: (await client.project(project)).id, first, after }) },
  );
  workflows
    .command('create')
    .description('Create a workflow in a project (needs workflow:create)')
    .requiredOption('-p, --project <project>', 'organization/project slugs or the project id')
    .requiredOption('--name <name>', 'the display name')
    .requiredOption('--slug <slug>', 'the URL name (lowercase letters, digits, dashes)')
    .addHelpText('after', examples(['keysmith workflows create --project acme/checkout --name Sync --slug sync']))
    .action(async (options: { project: string; name: string; slug: string }, command: Command) => {
      const o = globals(command);
      const client = await clientFor(o);
      const workflow = await withSpinner('Creating', o.output, async () => client.createWorkflow({ projectId: (await client.project(options.project)).id, name: options.name, slug: options.slug }));
      if (o.output === 'json') return printJson(workflow);
      printTable(SLUGGED_HEAD, [sluggedRow(workflow)]);
    });

  paged<{ org?: string }, WebhookEndpoint>(
    program
      .command('webhooks')
      .description('Webhook endpoints (needs webhook:read)')
      .command('list')
      .description("List an organization's webhook endpoints")
      .option('--org <organization>', ORG_OPTION)
      .addHelpText('after', examples(['keysmith webhooks list --org acme'])),
    {
      first: 50,
      head: ['ID', 'URL', 'ENABLED', 'EVENTS', 'FAILING SINCE'],
      row: (w) => [w.id, w.url, w.enabled ? 'yes' : 'no', w.events.join(' '), w.failingSince],
      read: async (client, { org, first, after }) => client.webhookEndpoints({ organizationId: await organizationId(client, org), first, after }),
    },
  );

  program
    .command('login')
    .description(
      'Sign in as a person and save the token in a profile (a 0600 file in your config directory): the development sign-in when the server offers it, else a device code approved in your browser when the server and its identity provider support it, otherwise a pasted access token',
    )
    .option('--subject <subject>', 'development sign-in: your user id')
    .option('--email <email>', 'development sign-in: your email')
    .option('--name <name>', 'development sign-in: your name')
    .option('--with-token', 'read an access token from stdin (pasted or piped) instead of signing in')
    .addHelpText(
      'after',
      `
Device sign-in: when the server publishes the CLI's client at its identity provider (CLI_OIDC_CLIENT_ID) and the
provider supports the device authorization grant, login prints an address and a code on stderr; open the address in a
browser (on any device), check the code, sign in and approve. The profile then also keeps the provider's refresh
token (when it gives one), and commands renew the access token with it when it has expired.
Fails with exit 3 when the sign-in is denied or the code expires before it is approved.
${examples([
  'keysmith login --url https://keysmith.example.com',
  'keysmith login --subject alice --email alice@example.com',
  'keysmith login --profile prod --url https://keysmith.example.com --with-token < token.txt',
])}`,
    )
    .action(async (options: { subject?: string; email?: string; name?: string; withToken?: boolean }, command: Command) => {
      const o = globals(command);
      const profileName = o.profile ?? DEFAULT_PROFILE;
      const url = (o.url ?? process.env.KEYSMITH_URL ?? readProfile(profileName)?.url ?? DEFAULT_URL).replace(/\/+$/, '');
      const obtained = await obtainToken({ url, subject: options.subject, email: options.email, name: options.name, withToken: options.withToken, output: o.output });
      const subject = await verifyToken(url, obtained.token);
      const { token, method, refreshToken, expiresAt, provider } = obtained;
      saveProfile(profileName, { url, token, subject, savedAt: new Date().toISOString(), ...(provider ? { refreshToken, expiresAt, provider } : {}) });
      if (o.output === 'json') return printJson({ profile: profileName, url, subject, method, file: profilesPath() });
      const how = { development: 'development sign-in', device: 'device sign-in', pasted: 'pasted token' }[method];
      note(`Signed in as ${subject} at ${url} (profile "${profileName}", ${how}).`);
    });

  program
    .command('logout')
    .description('Remove a saved profile and its token')
    .addHelpText('after', examples(['keysmith logout', 'keysmith logout --profile prod']))
    .action(async (_options, command: Command) => {
      const o = globals(command);
      const profileName = o.profile ?? DEFAULT_PROFILE;
      const removed = removeProfile(profileName);
      if (o.output === 'json') return printJson({ profile: profileName, removed });
      note(removed ? `Signed out (profile "${profileName}" removed).` : `No profile "${profileName}": nothing to do.`);
    });
}
