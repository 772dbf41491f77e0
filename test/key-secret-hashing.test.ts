// Issue 22, "argon2 before authorization": a new key's secret is hashed with argon2id (≈ 28 ms of CPU) only for a
// caller who may create or rotate that key, and one request can mint at most MAX_KEY_SECRETS_PER_REQUEST secrets
// however many aliases it sends.
import argon2 from 'argon2';
import { afterEach, beforeEach, describe, expect, vi } from 'vitest';
import { MAX_KEY_SECRETS_PER_REQUEST } from '../src/graphql/limit-rules.ts';
import type { App } from '../src/server.ts';
import { newOrg, newProject, test } from './support/fixtures.ts';
import { projectKey } from './support/keys.ts';

type Body = { data?: Record<string, { __typename: string; message?: string }> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };

async function post(app: Pick<App, 'fetch'>, query: string, variables: Record<string, unknown>, token: string) {
  const response = await app.fetch('http://keysmith.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as Body };
}

const result = `{ __typename ... on Error { message } }`;
const keyInput = `name: "probe", expiry: { policy: DAYS_30 }, scopes: [{ scope: TRIGGER_WORKFLOWS }]`;

/** `n` aliases of createProjectApiKey for one project. */
const createProjectKeys = (n: number) =>
  `mutation($project: ID!) { ${Array.from({ length: n }, (_, i) => `k${i}: createProjectApiKey(input: { projectId: $project, ${keyInput} }) ${result}`).join(' ')} }`;
const createOrganizationKeys = (n: number) =>
  `mutation($org: ID!) { ${Array.from({ length: n }, (_, i) => `k${i}: createOrganizationApiKey(input: { organizationId: $org, projectAccess: { all: true }, ${keyInput} }) ${result}`).join(' ')} }`;
const rotateKey = `mutation($id: ID!) { rotateApiKey(input: { id: $id }) ${result} }`;

const typenames = (body: Body) => Object.values(body.data ?? {}).map((r) => r.__typename);

let hashes: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  // argon2 is a CommonJS module: hashing.ts calls argon2.hash on this same object, so every new secret is counted.
  hashes = vi.spyOn(argon2, 'hash');
});
afterEach(() => hashes.mockRestore());

describe('new key secrets are hashed only after authorization', () => {
  test('a signed-in user outside the organization gets NotFound for every alias and costs no hash', async ({ t, org, project, stranger }) => {
    hashes.mockClear();
    const projectKeys = await post(t.app, createProjectKeys(MAX_KEY_SECRETS_PER_REQUEST), { project: project.id }, stranger.token);
    expect(typenames(projectKeys.body), projectKeys.text).toEqual(Array(MAX_KEY_SECRETS_PER_REQUEST).fill('NotFoundError'));
    const orgKeys = await post(t.app, createOrganizationKeys(MAX_KEY_SECRETS_PER_REQUEST), { org: org.id }, stranger.token);
    expect(typenames(orgKeys.body), orgKeys.text).toEqual(Array(MAX_KEY_SECRETS_PER_REQUEST).fill('NotFoundError'));
    expect(hashes).not.toHaveBeenCalled();
  });

  test('a MEMBER gets ForbiddenError for creating and rotating, and costs no hash', async ({ t, org, project, member }) => {
    const { apiKey } = await projectKey(t.app, org.owner, project.id);
    hashes.mockClear();
    const projectKeys = await post(t.app, createProjectKeys(1), { project: project.id }, member.token);
    const orgKeys = await post(t.app, createOrganizationKeys(1), { org: org.id }, member.token);
    const rotation = await post(t.app, rotateKey, { id: apiKey.id }, member.token);
    expect([projectKeys, orgKeys, rotation].flatMap((r) => typenames(r.body))).toEqual(['ForbiddenError', 'ForbiddenError', 'ForbiddenError']);
    expect(hashes).not.toHaveBeenCalled();
  });

  test('an OWNER on a plan without API access gets UpgradeRequiredError and costs no hash', async ({ t }) => {
    const free = await newOrg(t.app);
    const project = await newProject(t.app, free);
    hashes.mockClear();
    const projectKeys = await post(t.app, createProjectKeys(1), { project: project.id }, free.owner.token);
    const orgKeys = await post(t.app, createOrganizationKeys(1), { org: free.id }, free.owner.token);
    expect([...typenames(projectKeys.body), ...typenames(orgKeys.body)]).toEqual(['UpgradeRequiredError', 'UpgradeRequiredError']);
    expect(hashes).not.toHaveBeenCalled();
  });

  test('rotating a key that was already rotated is a ConflictError without a hash; the first rotation hashes once', async ({ t, org, project }) => {
    const { apiKey } = await projectKey(t.app, org.owner, project.id);
    hashes.mockClear();
    const first = await post(t.app, rotateKey, { id: apiKey.id }, org.owner.token);
    expect(typenames(first.body), first.text).toEqual(['RotateApiKeyPayload']);
    expect(hashes).toHaveBeenCalledTimes(1);
    const again = await post(t.app, rotateKey, { id: apiKey.id }, org.owner.token);
    expect(again.body.data?.rotateApiKey).toMatchObject({ __typename: 'ConflictError', message: 'This key has already been rotated' });
    expect(hashes).toHaveBeenCalledTimes(1);
  });
});

describe('a request mints at most MAX_KEY_SECRETS_PER_REQUEST secrets', () => {
  test(`${MAX_KEY_SECRETS_PER_REQUEST} aliases create ${MAX_KEY_SECRETS_PER_REQUEST} keys; one more alias is refused before anything runs`, async ({ t, org, project }) => {
    const count = async () => {
      const listed = await post(t.app, `query($slug: String!) { organization(slug: $slug) { apiKeys(first: 1) { totalCount } } }`, { slug: org.slug }, org.owner.token);
      return (listed.body.data?.organization as unknown as { apiKeys: { totalCount: number } }).apiKeys.totalCount;
    };
    hashes.mockClear();
    const allowed = await post(t.app, createProjectKeys(MAX_KEY_SECRETS_PER_REQUEST), { project: project.id }, org.owner.token);
    expect(typenames(allowed.body), allowed.text).toEqual(Array(MAX_KEY_SECRETS_PER_REQUEST).fill('CreateApiKeyPayload'));
    expect(hashes).toHaveBeenCalledTimes(MAX_KEY_SECRETS_PER_REQUEST);
    expect(await count()).toBe(MAX_KEY_SECRETS_PER_REQUEST);

    hashes.mockClear();
    // Mixed mutations count together, also through a fragment.
    const mixed =
      `mutation($project: ID!, $org: ID!) { ...Create o: createOrganizationApiKey(input: { organizationId: $org, projectAccess: { all: true }, ${keyInput} }) ${result} }` +
      ` fragment Create on Mutation { ${Array.from({ length: MAX_KEY_SECRETS_PER_REQUEST }, (_, i) => `p${i}: createProjectApiKey(input: { projectId: $project, ${keyInput} }) ${result}`).join(' ')} }`;
    const refused = await post(t.app, mixed, { project: project.id, org: org.id }, org.owner.token);
    expect(refused.status, refused.text).toBe(400);
    expect(refused.body.data ?? null).toBeNull();
    expect(refused.body.errors).toEqual([
      {
        message: `Too many new API-key secrets in one request: create or rotate at most ${MAX_KEY_SECRETS_PER_REQUEST} keys per request, and send the rest in further requests.`,
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'keySecrets' },
      },
    ]);
    expect(hashes).not.toHaveBeenCalled();
    expect(await count()).toBe(MAX_KEY_SECRETS_PER_REQUEST);
  });
});
