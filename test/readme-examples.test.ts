import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import codegenConfig from '../codegen.ts';
import { projectRoot } from '../src/config/config.ts';
import { GRAPHIQL_DEFAULT_QUERY } from '../src/graphql/graphiql.ts';
import { sharedApp, TEST_JWT_SECRET, type TestApp } from './support/app.ts';

// Every example in README.md, run as a reader pastes it: the `npm run token` commands, then each ```graphql block in
// order. The README's convention: `<...>` stands for a value from an earlier answer; this map says which.
const PLACEHOLDERS: Record<string, string> = {
  '<organization id>': 'createOrganization.organization.id',
  '<project id>': 'createProject.project.id',
  '<workflow id>': 'createWorkflow.workflow.id',
  '<api key id>': 'createProjectApiKey.apiKey.id',
};
// Whose credentials the README says to paste into Headers for a block (by the field it calls); alice otherwise.
const OPERATOR_FIELDS = new Set(['setOrganizationPlan']);
const API_KEY_FIELDS = new Set(['triggerWorkflow']);
const API_KEY_SECRET = 'createProjectApiKey.secret';
// What each example must answer (never one of the error types).
const EXPECTED: Record<string, string> = {
  createOrganization: 'OrganizationPayload',
  setOrganizationPlan: 'OrganizationPayload',
  createProject: 'ProjectPayload',
  createWorkflow: 'WorkflowPayload',
  createProjectApiKey: 'CreateApiKeyPayload',
  createOrganizationApiKey: 'CreateApiKeyPayload',
  triggerWorkflow: 'TriggerWorkflowPayload',
  createWebhookEndpoint: 'CreateWebhookEndpointPayload',
};

const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
const blocks = (lang: string) => [...readme.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].filter((m) => m[1] === lang).map((m) => m[2]!);

let t: TestApp;
beforeAll(async () => {
  t = await sharedApp();
});
afterAll(async () => {
  await t.close();
});

async function runTokenCommand(line: string): Promise<string> {
  // As typed in a shell at the project root; signed with the secret the test server verifies.
  const { stdout } = await promisify(execFile)('bash', ['-c', line], {
    cwd: projectRoot,
    env: { ...process.env, JWT_SECRET: TEST_JWT_SECRET, npm_config_loglevel: 'error' },
  });
  return stdout.trim().split('\n').at(-1)!;
}

function lookup(answers: Record<string, unknown>, dotted: string): string {
  const value = dotted.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], answers);
  if (typeof value !== 'string') throw new Error(`no earlier answer has ${dotted}`);
  return value;
}

describe('README examples', { timeout: 120_000 }, () => {
  it('run as pasted, in order, each answering its payload type', async () => {
    const commands = blocks('bash').flatMap((b) => b.split('\n')).filter((line) => line.startsWith('npm run token'));
    expect(commands).toHaveLength(2);
    const alice = await runTokenCommand(commands.find((c) => !c.includes('--operator'))!);
    const operator = await runTokenCommand(commands.find((c) => c.includes('--operator'))!);

    const examples = blocks('graphql');
    expect(examples.length).toBeGreaterThanOrEqual(7);
    const answers: Record<string, unknown> = {};
    const called: string[] = [];
    for (const example of examples) {
      const query = example.replace(/<[a-z ]+>/g, (placeholder) => {
        const source = PLACEHOLDERS[placeholder];
        return source ? lookup(answers, source) : placeholder;
      });
      expect(query, 'a placeholder without a source in PLACEHOLDERS').not.toMatch(/"<[^">]+>"/);
      const field = /^\s*(?:mutation|query)?[^{]*\{\s*(\w+)/m.exec(query.replace(/^\s*#.*$/gm, ''))![1]!;
      const token = OPERATOR_FIELDS.has(field) ? operator : API_KEY_FIELDS.has(field) ? lookup(answers, API_KEY_SECRET) : alice;
      const response = await t.app.fetch('http://keysmith.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { data?: Record<string, { __typename?: string }>; errors?: unknown[] };
      expect(body.errors, `${field}: ${JSON.stringify(body.errors)}`).toBeUndefined();
      expect(response.status).toBe(200);
      for (const [name, value] of Object.entries(body.data!)) {
        if (EXPECTED[name]) expect(value, name).toMatchObject({ __typename: EXPECTED[name] });
        answers[name] = value;
      }
      called.push(field);
    }
    // Each documented step ran; the key is shown with its expiry and permissions, the workflow started with it.
    expect(called).toEqual(expect.arrayContaining(['viewer', ...Object.keys(EXPECTED)]));
    expect(answers.viewer).toMatchObject({ subject: 'alice', user: { email: 'alice@example.com' } });
    expect(answers.setOrganizationPlan).toMatchObject({ organization: { plan: 'TEAM' } });
    expect(answers.createProjectApiKey).toMatchObject({
      apiKey: { expiresAt: expect.any(String), permissions: [{ permission: 'workflow:trigger', level: 'ORGANIZATION' }, { permission: 'execution:read', level: 'ORGANIZATION' }] },
    });
    expect(answers.createOrganizationApiKey).toMatchObject({ apiKey: { permissions: [{ permission: 'organization:read' }, { permission: 'project:create' }, { permission: 'workflow:create' }] } });
    expect(answers.triggerWorkflow).toMatchObject({ execution: { status: 'QUEUED' } });
    expect((answers.node as { usage: unknown[] }).usage).toHaveLength(24);
  });

  it("shows GraphiQL's default query", () => {
    expect(blocks('graphql')).toContain(GRAPHIQL_DEFAULT_QUERY);
  });

  it('maps every custom scalar of the schema in its codegen example, as codegen.ts does', () => {
    const [example] = blocks('ts').filter((b) => b.includes('CodegenConfig'));
    const scalars = /scalars: \{([^}]*)\}/.exec(example!)![1]!;
    const documented = Object.fromEntries([...scalars.matchAll(/(\w+): '(\w+)'/g)].map((m) => [m[1], m[2]]));
    const schemaScalars = [...fs.readFileSync(path.join(projectRoot, 'schema.graphql'), 'utf8').matchAll(/^scalar (\w+)/gm)].map((m) => m[1]!);
    const ours = Object.values(codegenConfig.generates)[0] as { config: { scalars: Record<string, string> } };
    expect(Object.keys(documented).sort()).toEqual(schemaScalars.sort());
    expect(documented).toEqual(ours.config.scalars);
  });
});
