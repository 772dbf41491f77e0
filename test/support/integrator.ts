import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/config/config.ts';
import { migratedPgliteDir, startServerProcess, type ServerProcess } from './process.ts';

/**
 * What the SDK and CLI tests stand on: a real server process (a PGlite data directory, migrated, and the development
 * sign-in on, as after `npm start`), and a tenant set up through HTTP the way a person would in the console: an organization on the TEAM
 * plan, a project, a workflow and keys.
 */
export async function startIntegratorServer(): Promise<ServerProcess> {
  // Generous: a loaded machine (CI next to other work) can take a minute to start and migrate.
  // DEFAULT_PLAN=FREE: new organizations start without API access, as in production (the tests upgrade their tenants).
  return startServerProcess({ PGLITE_DATA_DIR: migratedPgliteDir(), USAGE_FLUSH_INTERVAL_MS: '200', DEFAULT_PLAN: 'FREE' }, 180_000);
}

export async function devToken(url: string, claims: { sub: string; email?: string; operator?: boolean }): Promise<string> {
  const response = await fetch(`${url}/auth/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(claims) });
  const body = (await response.json()) as { token?: string };
  if (!body.token) throw new Error(`dev sign-in failed: ${JSON.stringify(body)}`);
  return body.token;
}

// Answers of the set-up mutations are read by path; their shapes are asserted by the tests that use them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function gql<T = Record<string, any>>(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

export type Tenant = {
  slug: string;
  owner: string;
  organizationId: string;
  projectId: string;
  workflowId: string;
  /** Creates a project key with these permissions and returns its secret and id. */
  key(permissions: string[], name?: string): Promise<{ secret: string; id: string }>;
};

let counter = 0;

/** An organization `<prefix>-<n>` (TEAM plan) with project `checkout` and workflow `sync`, owned by a new person. */
export async function createTenant(url: string, prefix: string, exactSlug?: string): Promise<Tenant> {
  const slug = exactSlug ?? `${prefix}-${process.pid}-${++counter}`;
  const owner = await devToken(url, { sub: `${slug}-owner`, email: `${slug}-owner@example.com` });
  const operator = await devToken(url, { sub: 'operator', operator: true });
  const org = await gql(url, owner, `mutation($slug: String!) { createOrganization(input: { name: $slug, slug: $slug }) { ... on OrganizationPayload { organization { id } } } }`, { slug });
  const organizationId = org.createOrganization.organization.id as string;
  await gql(url, operator, `mutation($id: ID!) { setOrganizationPlan(input: { organizationId: $id, plan: TEAM }) { __typename } }`, { id: organizationId });
  const project = await gql(url, owner, `mutation($id: ID!) { createProject(input: { organizationId: $id, name: "Checkout", slug: "checkout" }) { ... on ProjectPayload { project { id } } } }`, { id: organizationId });
  const projectId = project.createProject.project.id as string;
  const workflow = await gql(url, owner, `mutation($id: ID!) { createWorkflow(input: { projectId: $id, name: "Sync", slug: "sync" }) { ... on WorkflowPayload { workflow { id } } } }`, { id: projectId });
  const workflowId = workflow.createWorkflow.workflow.id as string;
  const key = async (permissions: string[], name = 'integration') => {
    const created = await gql(
      url,
      owner,
      `mutation($input: CreateProjectApiKeyInput!) { createProjectApiKey(input: $input) { __typename ... on CreateApiKeyPayload { secret apiKey { id } } ... on Error { message } } }`,
      { input: { projectId, name, expiry: { policy: 'DAYS_30' }, permissions: permissions.map((permission) => ({ permission })) } },
    );
    if (created.createProjectApiKey.__typename !== 'CreateApiKeyPayload') throw new Error(JSON.stringify(created));
    return { secret: created.createProjectApiKey.secret as string, id: created.createProjectApiKey.apiKey.id as string };
  };
  return { slug, owner, organizationId, projectId, workflowId, key };
}

/** Executions of a project, as its owner sees them. */
export async function executionCount(url: string, tenant: Tenant): Promise<number> {
  const data = await gql(url, tenant.owner, `query($id: ID!) { node(id: $id) { ... on Project { executions(first: 1) { totalCount } } } }`, { id: tenant.projectId });
  return data.node.executions.totalCount as number;
}

export const CLI_MAIN = path.join(projectRoot, 'packages/cli/bin/keysmith.js');

export type CliResult = { code: number | null; stdout: string; stderr: string };

/** Runs the built CLI as a process, with only the environment given (plus PATH). */
export function runCli(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<CliResult> {
  if (!fs.existsSync(path.join(projectRoot, 'packages/cli/dist/main.js'))) throw new Error('the CLI is not built: npm run build:packages');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI_MAIN, ...args], { env: { PATH: process.env.PATH, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end(input ?? '');
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
