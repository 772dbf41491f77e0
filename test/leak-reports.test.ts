import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/gql.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import type { Database } from '../src/db/client.ts';
import { as, execute, ok } from './support/client.ts';
import { addMember, dbId, newOrg, newProject, newWorkflow, type TestOrg } from './support/fixtures.ts';
import { projectKey, wrongSecret } from './support/keys.ts';
import { AuditEvents, CreateWebhookEndpoint, CurrentApiKey, DeleteApiKey, RotateApiKey, TriggerWorkflow } from './support/operations.ts';
import { checksumOf, generateKey, parseKey } from '../src/lib/key-format.ts';
import { loadConfig, projectRoot } from '../src/config/config.ts';

// Leak reports as GitHub's secret scanning partner program sends them: a JSON array signed with ECDSA P-256 over
// the raw body, the signature (base64 DER) and the signing key's identifier in headers. The scanner's key pair is
// made here; the app is configured with its public key in GitHub's own format.

const scanner = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const forger = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const SCANNER_KEY_ID = createHash('sha256').update('scanner key').digest('hex');
const PUBLIC_KEYS = JSON.stringify({
  public_keys: [{ key_identifier: SCANNER_KEY_ID, key: scanner.publicKey.export({ type: 'spki', format: 'pem' }), is_current: true }],
});

const LeakView = graphql(`
  query LeakView($slug: String!, $leaked: Boolean) {
    organization(slug: $slug) {
      leakedKeyAction
      apiKeys(filter: { leaked: $leaked }) {
        edges {
          node {
            id
            status
            leak {
              reportedAt
              url
              source
              action
            }
          }
        }
      }
    }
  }
`);

const SetLeakedKeyAction = graphql(`
  mutation SetLeakedKeyAction($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) {
      __typename
      ... on OrganizationPayload {
        organization {
          id
          leakedKeyAction
        }
      }
      ...ErrorFields
    }
  }
`);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { SECRET_SCANNING_PUBLIC_KEYS: PUBLIC_KEYS } });
});
afterAll(async () => {
  await t?.close();
});

type Finding = { token: string; type?: string; url?: string | null; source?: string | null };

function signBody(body: string, key: KeyObject = scanner.privateKey): string {
  return sign('sha256', Buffer.from(body), { key, dsaEncoding: 'der' }).toString('base64');
}

/** POSTs a report like GitHub: by default the findings, signed with the scanner's key and named by its identifier. */
async function report(
  findings: Finding[],
  options: { body?: string; signature?: string | null; identifier?: string | null; app?: TestApp } = {},
) {
  const body =
    options.body ??
    JSON.stringify(findings.map((f) => ({ token: f.token, type: f.type ?? 'keysmith_api_key', url: f.url ?? 'https://github.com/octo/repo/blob/abc/config.yml', source: f.source ?? 'content' })));
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const identifier = options.identifier === undefined ? SCANNER_KEY_ID : options.identifier;
  const signature = options.signature === undefined ? signBody(body) : options.signature;
  if (identifier !== null) headers['github-public-key-identifier'] = identifier;
  if (signature !== null) headers['github-public-key-signature'] = signature;
  const response = await (options.app ?? t).app.fetch('http://keysmith.test/secret-scanning/github', { method: 'POST', headers, body });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // checked through status
  }
  return { status: response.status, json, text };
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
const truePositive = (token: string, type = 'keysmith_api_key') => ({ token_hash: sha256(token), token_type: type, label: 'true_positive' });

/** A TEAM organization with a project, a workflow, a key and a webhook endpoint subscribed to leaks and revocations. */
async function tenant(action?: 'REVOKE' | 'FLAG') {
  const org = await newOrg(t.app, { plan: 'TEAM' });
  const project = await newProject(t.app, org);
  const workflow = await newWorkflow(t.app, org, project.id);
  const key = await projectKey(t.app, org.owner, project.id, { name: 'Deploy' });
  as(
    ok(
      await execute(
        t.app,
        CreateWebhookEndpoint,
        { input: { organizationId: org.id, url: 'https://hooks.example.com/keysmith', events: ['API_KEY_LEAKED', 'API_KEY_REVOKED'] } },
        { token: org.owner.token },
      ),
    ).createWebhookEndpoint,
    'CreateWebhookEndpointPayload',
  );
  if (action) {
    as(ok(await execute(t.app, SetLeakedKeyAction, { input: { id: org.id, leakedKeyAction: action } }, { token: org.owner.token })).updateOrganization, 'OrganizationPayload');
  }
  return { org, project, workflow, key };
}

const trigger = (workflowId: string, secret: string) => execute(t.app, TriggerWorkflow, { input: { workflowId, payload: { n: 1 } } }, { authorization: `Bearer ${secret}` });

/** Everything a report could change in an organization: its keys, audit events and webhook deliveries. */
async function stateOf(org: TestOrg) {
  const organizationId = dbId(org.id);
  const [keys, audit, deliveries] = await Promise.all([
    t.db.prisma.apiKey.findMany({ where: { organizationId }, orderBy: { id: 'asc' } }),
    t.db.prisma.auditEvent.findMany({ where: { organizationId }, orderBy: { id: 'asc' } }),
    t.db.prisma.webhookDelivery.findMany({ where: { organizationId }, orderBy: { id: 'asc' } }),
  ]);
  // Usage counters move with the authentication checks the tests make; they are not what a report changes.
  return { keys: keys.map(({ usageCount: _u, lastUsedAt: _l, lastUsedIp: _i, secretTag: _s, ...k }) => k), audit, deliveries };
}

async function leakAudit(org: TestOrg) {
  const data = ok(await execute(t.app, AuditEvents, { slug: org.slug, filter: { action: 'API_KEY_LEAK_REPORT' } }, { token: org.owner.token }));
  return data.organization!.auditEvents!.edges.map((e) => e.node);
}

async function leakDeliveries(org: TestOrg) {
  return t.db.prisma.webhookDelivery.findMany({ where: { organizationId: dbId(org.id), eventType: 'api_key.leaked' }, orderBy: { createdAt: 'asc' } });
}

describe('a verified report of a key', () => {
  it('revokes it by default: 401 on the next trigger, api_key.revoked and api_key.leaked written, audited with the URL, actor secret-scanning:github', async () => {
    const { org, workflow, key } = await tenant();
    expect(as(ok(await trigger(workflow.id, key.secret)).triggerWorkflow, 'TriggerWorkflowPayload').execution.status).toBe('QUEUED');

    const url = 'https://github.com/octo/public-repo/blob/0123abc/.env';
    const answer = await report([{ token: key.secret, url, source: 'commit' }]);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual([truePositive(key.secret)]);

    expect((await trigger(workflow.id, key.secret)).status).toBe(401);
    const view = ok(await execute(t.app, LeakView, { slug: org.slug }, { token: org.owner.token })).organization!;
    expect(view.leakedKeyAction).toBe('REVOKE');
    const node = view.apiKeys!.edges.map((e) => e.node).find((n) => n.id === key.apiKey.id)!;
    expect(node.status).toBe('REVOKED');
    expect(node.leak).toMatchObject({ url, source: 'commit', action: 'REVOKED' });
    expect(Date.parse(node.leak!.reportedAt)).toBeGreaterThan(Date.now() - 60_000);

    const [audited] = await leakAudit(org);
    expect(audited).toMatchObject({ actorLabel: 'secret-scanning:github', actor: null, targetId: key.apiKey.id });
    expect(audited.changes).toMatchObject({ url, source: 'commit', action: 'REVOKED', prefix: key.apiKey.prefix, firstReport: true });
    const revokeAudit = ok(await execute(t.app, AuditEvents, { slug: org.slug, filter: { action: 'API_KEY_REVOKE' } }, { token: org.owner.token }));
    expect(revokeAudit.organization!.auditEvents!.edges.map((e) => e.node.actorLabel)).toEqual(['secret-scanning:github']);

    const deliveries = await t.db.prisma.webhookDelivery.findMany({ where: { organizationId: dbId(org.id) }, orderBy: { eventType: 'asc' } });
    expect(deliveries.map((d) => d.eventType)).toEqual(['api_key.leaked', 'api_key.revoked']);
    const leaked = deliveries[0].payload as { type: string; data: Record<string, unknown> };
    expect(leaked.type).toBe('api_key.leaked');
    expect(leaked.data).toMatchObject({
      id: key.apiKey.id,
      prefix: key.apiKey.prefix,
      actor: { id: null, label: 'secret-scanning:github' },
      leak: { url, source: 'commit', action: 'REVOKED' },
    });
    // The report never leaves the token behind: not in the database, not in the logs.
    expect(JSON.stringify(deliveries)).not.toContain(key.secret);
    expect(t.logs.join('\n')).not.toContain(key.secret);
    expect(t.logs.some((line) => line.includes('"secret scanning report"') && line.includes('"matched":1'))).toBe(true);
  });

  it('only flags it when the organization says FLAG: the key keeps working and shows its leak', async () => {
    const { org, project, workflow, key } = await tenant('FLAG');
    const clean = await projectKey(t.app, org.owner, project.id, { name: 'Clean' });
    const answer = await report([{ token: key.secret, source: 'content' }]);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual([truePositive(key.secret)]);

    expect(as(ok(await trigger(workflow.id, key.secret)).triggerWorkflow, 'TriggerWorkflowPayload').execution.status).toBe('QUEUED');
    const leakedOnly = ok(await execute(t.app, LeakView, { slug: org.slug, leaked: true }, { token: org.owner.token })).organization!;
    expect(leakedOnly.leakedKeyAction).toBe('FLAG');
    expect(leakedOnly.apiKeys!.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ id: key.apiKey.id, status: 'ACTIVE', leak: expect.objectContaining({ action: 'FLAGGED', source: 'content' }) }),
    ]);
    const notLeaked = ok(await execute(t.app, LeakView, { slug: org.slug, leaked: false }, { token: org.owner.token })).organization!;
    expect(notLeaked.apiKeys!.edges.map((e) => [e.node.id, e.node.leak])).toEqual([[clean.apiKey.id, null]]);
    expect((await leakAudit(org)).map((e) => (e.changes as { action: string }).action)).toEqual(['FLAGGED']);
    const deliveries = await t.db.prisma.webhookDelivery.findMany({ where: { organizationId: dbId(org.id) } });
    expect(deliveries.map((d) => [d.eventType, (d.payload as { data: { leak?: { action: string } } }).data.leak?.action])).toEqual([['api_key.leaked', 'FLAGGED']]);
  });

  it('leak info is readable by a MEMBER of the organization, as the key is', async () => {
    const { org, key } = await tenant('FLAG');
    const member = await addMember(t.app, org, 'MEMBER');
    await report([{ token: key.secret }]);
    const view = ok(await execute(t.app, LeakView, { slug: org.slug, leaked: true }, { token: member.token })).organization!;
    expect(view.apiKeys!.edges.map((e) => e.node.leak?.action)).toEqual(['FLAGGED']);
  });

  it('a second report: a new place is audited and announced, no second revocation; the same place again changes nothing', async () => {
    const { org, key } = await tenant();
    const first = 'https://github.com/octo/one/blob/a/x.env';
    const second = 'https://github.com/octo/two/blob/b/y.env';
    await report([{ token: key.secret, url: first }]);
    const afterFirst = await stateOf(org);

    expect((await report([{ token: key.secret, url: first }])).json).toEqual([truePositive(key.secret)]);
    expect(await stateOf(org)).toEqual(afterFirst);

    expect((await report([{ token: key.secret, url: second }])).json).toEqual([truePositive(key.secret)]);
    const audits = await leakAudit(org);
    expect(audits.map((e) => [(e.changes as { url: string }).url, (e.changes as { firstReport: boolean }).firstReport]).sort()).toEqual([
      [first, true],
      [second, false],
    ]);
    const revokes = ok(await execute(t.app, AuditEvents, { slug: org.slug, filter: { action: 'API_KEY_REVOKE' } }, { token: org.owner.token }));
    expect(revokes.organization!.auditEvents!.edges).toHaveLength(1);
    expect((await leakDeliveries(org)).map((d) => (d.payload as { data: { leak: { url: string } } }).data.leak.url)).toEqual([first, second]);
    // The key keeps its first report.
    const row = await t.db.prisma.apiKey.findUniqueOrThrow({ where: { id: dbId(key.apiKey.id) } });
    expect(row).toMatchObject({ leakUrl: first, leakAction: 'REVOKED', status: 'REVOKED' });
  });

  it('the same URL from another source is a new place: audited and announced again; the same URL and source is not', async () => {
    const { org, key } = await tenant('FLAG');
    const url = 'https://github.com/octo/one/blob/a/x.env';
    await report([{ token: key.secret, url, source: 'content' }]);
    await report([{ token: key.secret, url, source: 'commit' }]);
    await report([{ token: key.secret, url, source: 'commit' }]);
    const audits = await leakAudit(org);
    expect(audits.map((e) => (e.changes as { source: string }).source).sort()).toEqual(['commit', 'content']);
    expect((await leakDeliveries(org)).map((d) => (d.payload as { data: { leak: { source: string } } }).data.leak.source)).toEqual(['content', 'commit']);
  });
});

describe('the key-state barrier after a report', () => {
  it('the instance that took the report refuses the key on the very next call, even when its change notifications are slow', async () => {
    // The cache of this instance hears of changes 1.5 s late (under the barrier's 2 s timeout). Only the barrier (a marker NOTIFYed after the
    // revocation, awaited before the report is answered) makes the answer wait until the revocation has been heard;
    // other instances hear it at commit, as after a revocation through the API (multi-instance.test.ts).
    const slow: Database = {
      ...t.db,
      listen: (channel, onNotify, onStatus) => t.db.listen(channel, (payload) => void setTimeout(() => onNotify(payload), 1500), onStatus),
    };
    const instance = await startTestApp({ db: slow, env: { SECRET_SCANNING_PUBLIC_KEYS: PUBLIC_KEYS } });
    try {
      await instance.app.ready;
      expect(instance.app.keyStates.isLive).toBe(true);
      const { key } = await tenant();
      // A read that authenticates from the cache alone (a trigger re-checks the key's row as it writes).
      const call = () => execute(instance.app, CurrentApiKey, {}, { authorization: `Bearer ${key.secret}` });
      expect((await call()).status).toBe(200);
      const hits = instance.app.keyStates.stats.hits;
      expect((await call()).status).toBe(200);
      expect(instance.app.keyStates.stats.hits).toBeGreaterThan(hits); // answered from the cache
      expect((await report([{ token: key.secret }], { app: instance })).json).toEqual([truePositive(key.secret)]);
      expect((await call()).status).toBe(401);
    } finally {
      await instance.close();
    }
  });
});

it('a rotated key still in its grace period is revoked when its old secret is reported; its successor keeps working', async () => {
  const { org, workflow, key } = await tenant();
  const rotated = as(
    ok(await execute(t.app, RotateApiKey, { input: { id: key.apiKey.id, gracePeriodSeconds: 3600 } }, { token: org.owner.token })).rotateApiKey,
    'RotateApiKeyPayload',
  );
  expect(as(ok(await trigger(workflow.id, key.secret)).triggerWorkflow, 'TriggerWorkflowPayload').execution.status).toBe('QUEUED');
  expect((await report([{ token: key.secret }])).json).toEqual([truePositive(key.secret)]);
  expect((await trigger(workflow.id, key.secret)).status).toBe(401);
  expect(as(ok(await trigger(workflow.id, rotated.secret)).triggerWorkflow, 'TriggerWorkflowPayload').execution.status).toBe('QUEUED');
});

it('answers other methods than POST with 405', async () => {
  const response = await t.app.fetch('http://keysmith.test/secret-scanning/github', { method: 'GET' });
  expect(response.status).toBe(405);
  expect(response.headers.get('allow')).toBe('POST');
});

describe('forged or unsigned reports: 401, nothing changes', () => {
  const cases: [string, (body: string) => Parameters<typeof report>[1]][] = [
    ['no signature headers', () => ({ signature: null, identifier: null })],
    ['no signature', () => ({ signature: null })],
    ['no key identifier', () => ({ identifier: null })],
    ['an unknown key identifier', () => ({ identifier: 'ab'.repeat(32) })],
    ['signed by another key', (body) => ({ signature: signBody(body, forger.privateKey) })],
    ['a signature that is not base64 DER', () => ({ signature: 'not a signature!' })],
    ['a signature of another body', () => ({ signature: signBody('[]') })],
  ];
  for (const [what, options] of cases) {
    it(`refuses ${what}`, async () => {
      const { org, workflow, key } = await tenant();
      const before = await stateOf(org);
      const body = JSON.stringify([{ token: key.secret, type: 'keysmith_api_key', url: 'https://github.com/x/y', source: 'content' }]);
      const answer = await report([], { body, ...options(body) });
      expect(answer.status).toBe(401);
      expect(answer.text).not.toContain(key.secret);
      expect(await stateOf(org)).toEqual(before);
      expect(as(ok(await trigger(workflow.id, key.secret)).triggerWorkflow, 'TriggerWorkflowPayload').execution.status).toBe('QUEUED');
    });
  }

  it('refuses a body altered after signing', async () => {
    const { org, key } = await tenant();
    const before = await stateOf(org);
    const signed = JSON.stringify([{ token: 'ksk_nothing', type: 'keysmith_api_key', url: 'https://github.com/x/y', source: 'content' }]);
    const altered = JSON.stringify([{ token: key.secret, type: 'keysmith_api_key', url: 'https://github.com/x/y', source: 'content' }]);
    expect((await report([], { body: altered, signature: signBody(signed) })).status).toBe(401);
    expect(await stateOf(org)).toEqual(before);
  });
});

describe('signed but malformed: 400, nothing changes', () => {
  const bodies: [string, (token: string) => string][] = [
    ['not JSON', (token) => `[{"token": "${token}"`],
    ['an object instead of an array', (token) => JSON.stringify({ token, type: 'keysmith_api_key' })],
    ['a finding without type', (token) => JSON.stringify([{ token, url: 'https://github.com/x', source: 'content' }])],
    ['a finding whose url is not http(s)', (token) => JSON.stringify([{ token, type: 't', url: 'javascript:alert(1)', source: 'content' }])],
    ['too many findings', (token) => JSON.stringify(Array.from({ length: 1001 }, () => ({ token, type: 't', source: 'content' })))],
  ];
  for (const [what, body] of bodies) {
    it(`refuses ${what}`, async () => {
      const { org, key } = await tenant();
      const before = await stateOf(org);
      const answer = await report([], { body: body(key.secret) });
      expect(answer.status).toBe(400);
      expect(answer.text).not.toContain(key.secret);
      expect(await stateOf(org)).toEqual(before);
    });
  }

  it('takes a report larger than the GraphQL body limit (256 KiB) up to 1 MiB', async () => {
    const findings = Array.from({ length: 1000 }, (_, i) => ({ token: `ksk_${String(i).padStart(12, '0')}_${'x'.repeat(38)}`, url: `https://github.com/octo/repo/blob/main/${'d/'.repeat(200)}${i}` }));
    const answer = await report(findings);
    expect(JSON.stringify(findings).length).toBeGreaterThan(256 * 1024);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual([]);
  });

  it('refuses a body over 1 MiB with 413 before reading it as a report', async () => {
    const { org, key } = await tenant();
    const before = await stateOf(org);
    const body = JSON.stringify([{ token: key.secret, type: 't', source: 'x'.repeat(1024 * 1024) }]);
    expect((await report([], { body })).status).toBe(413);
    expect(await stateOf(org)).toEqual(before);
  });
});

describe('tokens that are not the full secret of a key', () => {
  it('are left out of the answer and change nothing: bad checksum, unknown id, a real id with a wrong secret, a deleted key', async () => {
    const { org, workflow, key } = await tenant();
    const deleted = await tenant();
    as(ok(await execute(t.app, DeleteApiKey, { input: { id: deleted.key.apiKey.id } }, { token: deleted.org.owner.token })).deleteApiKey, 'DeleteApiKeyPayload');
    const before = await stateOf(org);

    const badChecksum = `${key.secret.slice(0, -1)}${key.secret.endsWith('A') ? 'B' : 'A'}`;
    const unknownBody = `ksk_${'Z'.repeat(12)}_${'q'.repeat(32)}`;
    const unknownId = unknownBody + checksumOf(unknownBody);
    const answer = await report([
      { token: badChecksum },
      { token: unknownId },
      { token: wrongSecret(key.secret) },
      { token: deleted.key.secret },
      { token: 'not-a-key-at-all' },
    ]);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual([]);
    expect(await stateOf(org)).toEqual(before);
    expect(as(ok(await trigger(workflow.id, key.secret)).triggerWorkflow, 'TriggerWorkflowPayload').execution.status).toBe('QUEUED');
  });

  it('a key without a verification tag is decided by argon2: a wrong secret is left out, the real one revokes it', async () => {
    const { org, workflow, key } = await tenant();
    await t.db.prisma.apiKey.update({ where: { id: dbId(key.apiKey.id) }, data: { secretTag: null } });
    const before = await stateOf(org);
    expect((await report([{ token: wrongSecret(key.secret) }])).json).toEqual([]);
    expect(await stateOf(org)).toEqual(before);
    expect((await report([{ token: key.secret }])).json).toEqual([truePositive(key.secret)]);
    expect((await trigger(workflow.id, key.secret)).status).toBe(401);
  });

  it('in a mixed report, only the real keys are answered and acted on', async () => {
    const { org, workflow, key } = await tenant();
    const bystander = await projectKey(t.app, org.owner, (await newProject(t.app, org)).id, { name: 'Bystander' });
    const answer = await report([{ token: wrongSecret(bystander.secret) }, { token: key.secret, type: 'other_type' }, { token: 'ksk_garbage' }]);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual([truePositive(key.secret, 'other_type')]);
    expect((await trigger(workflow.id, key.secret)).status).toBe(401);
    const rows = await t.db.prisma.apiKey.findMany({ where: { organizationId: dbId(org.id) }, select: { publicId: true, status: true, leakedAt: true } });
    const byPrefix = new Map(rows.map((r) => [`ksk_${r.publicId}`, r]));
    expect(byPrefix.get(bystander.apiKey.prefix)).toMatchObject({ status: 'ACTIVE', leakedAt: null });
    expect(byPrefix.get(key.apiKey.prefix)).toMatchObject({ status: 'REVOKED' });
  });
});

it('tokens of two organizations in one report are each handled per their own organization', async () => {
  const revoking = await tenant('REVOKE');
  const flagging = await tenant('FLAG');
  const answer = await report([{ token: revoking.key.secret }, { token: flagging.key.secret }]);
  expect(answer.json).toEqual([truePositive(revoking.key.secret), truePositive(flagging.key.secret)]);
  expect((await trigger(revoking.workflow.id, revoking.key.secret)).status).toBe(401);
  expect(as(ok(await trigger(flagging.workflow.id, flagging.key.secret)).triggerWorkflow, 'TriggerWorkflowPayload').execution.status).toBe('QUEUED');
  // Each organization sees its own event only.
  expect((await leakDeliveries(revoking.org)).map((d) => (d.payload as { data: { id: string; leak: { action: string } } }).data)).toEqual([
    expect.objectContaining({ id: revoking.key.apiKey.id, leak: expect.objectContaining({ action: 'REVOKED' }) }),
  ]);
  expect((await leakDeliveries(flagging.org)).map((d) => (d.payload as { data: { id: string; leak: { action: string } } }).data)).toEqual([
    expect.objectContaining({ id: flagging.key.apiKey.id, leak: expect.objectContaining({ action: 'FLAGGED' }) }),
  ]);
});

describe('without SECRET_SCANNING_PUBLIC_KEYS', () => {
  it('the endpoint does not exist (404), and a signed report changes nothing', async () => {
    const plain = await startTestApp({ db: t.db });
    try {
      const { org, key } = await tenant();
      const before = await stateOf(org);
      const answer = await report([{ token: key.secret }], { app: plain });
      expect(answer.status).toBe(404);
      expect(await stateOf(org)).toEqual(before);
    } finally {
      await plain.close();
    }
  });
});

describe('updateOrganization leakedKeyAction', () => {
  it('an ADMIN changes it, audited as organization.update', async () => {
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const admin = await addMember(t.app, org, 'ADMIN');
    const updated = as(ok(await execute(t.app, SetLeakedKeyAction, { input: { id: org.id, leakedKeyAction: 'FLAG' } }, { token: admin.token })).updateOrganization, 'OrganizationPayload');
    expect(updated.organization.leakedKeyAction).toBe('FLAG');
    const audit = ok(await execute(t.app, AuditEvents, { slug: org.slug, filter: { action: 'ORGANIZATION_UPDATE' } }, { token: org.owner.token }));
    expect(audit.organization!.auditEvents!.edges.map((e) => e.node.changes)).toEqual([{ leakedKeyAction: { from: 'REVOKE', to: 'FLAG' } }]);
  });

  it('refuses null (ValidationError naming the field) and an unknown value, changing nothing', async () => {
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const refused = ok(await execute(t.app, SetLeakedKeyAction, { input: { id: org.id, leakedKeyAction: null } }, { token: org.owner.token })).updateOrganization;
    expect(refused).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'leakedKeyAction'] }] });
    const unknown = await execute(t.app, SetLeakedKeyAction, { input: { id: org.id, leakedKeyAction: 'DELETE' as 'FLAG' } }, { token: org.owner.token });
    expect(unknown.status).toBe(400);
    expect(unknown.errors?.[0].message).toContain('leakedKeyAction');
    const row = await t.db.prisma.organization.findUniqueOrThrow({ where: { id: dbId(org.id) } });
    expect(row.leakedKeyAction).toBe('REVOKE');
  });

  it('a MEMBER is forbidden; another organization is not found', async () => {
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const member = await addMember(t.app, org, 'MEMBER');
    const forbidden = ok(await execute(t.app, SetLeakedKeyAction, { input: { id: org.id, leakedKeyAction: 'FLAG' } }, { token: member.token })).updateOrganization;
    expect(forbidden.__typename).toBe('ForbiddenError');
    const other = await newOrg(t.app, { plan: 'TEAM' });
    const notFound = ok(await execute(t.app, SetLeakedKeyAction, { input: { id: other.id, leakedKeyAction: 'FLAG' } }, { token: org.owner.token })).updateOrganization;
    expect(notFound).toMatchObject({ __typename: 'NotFoundError', resource: 'Organization' });
    for (const id of [org.id, other.id]) {
      expect((await t.db.prisma.organization.findUniqueOrThrow({ where: { id: dbId(id) } })).leakedKeyAction).toBe('REVOKE');
    }
  });
});

describe('the key format as documented for secret scanners (README, "Leaked keys")', () => {
  const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Leaked keys'));
  const block = (lang: string) => /^```(\w+)\n([\s\S]*?)^```$/gm.exec(section.slice(section.indexOf('```' + lang + '\n')))![2]!;
  const pattern = new RegExp(block('regex').trim(), 'g');
  const keys = Array.from({ length: 200 }, () => generateKey().key);
  const near = (key: string): [string, string][] => [
    ['wrong prefix', key.replace('ksk_', 'ksq_')],
    ['upper-case prefix', key.replace('ksk_', 'KSK_')],
    ['short public id', key.slice(0, 15) + key.slice(16)],
    ['short tail', key.slice(0, -1)],
    ['long tail', `${key}A`],
    ['no separator', key.slice(0, 16) + key.slice(17)],
    ['a character outside base 62', `${key.slice(0, 30)}-${key.slice(31)}`],
    ['inside a longer word', `x${key}`],
  ];

  it('the pattern finds every generated key in text, and nothing in near misses', () => {
    for (const key of keys) {
      expect(`API_KEY="${key}"\n`.match(pattern)).toEqual([key]);
      expect(`${key}`.match(pattern)).toEqual([key]);
      for (const [what, miss] of near(key)) expect(miss.match(pattern), what).toBeNull();
    }
  });

  it('the checksum snippet accepts every generated key and rejects a changed character, as the server does', async () => {
    const file = path.join(os.tmpdir(), `keysmith-readme-checksum-${process.pid}.mjs`);
    fs.writeFileSync(file, block('js'));
    try {
      const { isKeysmithKey } = (await import(pathToFileURL(file).href)) as { isKeysmithKey(candidate: string): boolean };
      for (const key of keys) {
        expect(isKeysmithKey(key)).toBe(true);
        const i = 4 + Math.floor(Math.random() * (key.length - 4));
        if (key[i] === '_') continue;
        const changed = key.slice(0, i) + (key[i] === 'a' ? 'b' : 'a') + key.slice(i + 1);
        expect(isKeysmithKey(changed)).toBe(parseKey(changed) !== null);
        expect(isKeysmithKey(changed)).toBe(false);
      }
      for (const [, miss] of near(keys[0])) expect(isKeysmithKey(miss)).toBe(false);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});

describe('SECRET_SCANNING_PUBLIC_KEYS', () => {
  const load = (value: string) => loadConfig({ PGLITE_DATA_DIR: 'memory', SECRET_SCANNING_PUBLIC_KEYS: value });

  it("takes GitHub's JSON as is, or a file holding it", () => {
    expect(load(PUBLIC_KEYS).secretScanning?.keys.map((k) => k.identifier)).toEqual([SCANNER_KEY_ID]);
    const file = path.join(os.tmpdir(), `keysmith-scanner-keys-${process.pid}.json`);
    fs.writeFileSync(file, PUBLIC_KEYS);
    try {
      expect(load(file).secretScanning?.keys.map((k) => k.identifier)).toEqual([SCANNER_KEY_ID]);
    } finally {
      fs.rmSync(file, { force: true });
    }
    expect(loadConfig({ PGLITE_DATA_DIR: 'memory' }).secretScanning).toBeNull();
  });

  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' });
  const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ type: 'spki', format: 'pem' });
  const entry = (key: unknown, id = 'k1') => ({ key_identifier: id, key, is_current: true });
  const bad: [string, string, RegExp][] = [
    ['a missing file', '/nonexistent/keys.json', /neither JSON nor a readable file/],
    ['broken JSON', '{"public_keys": [', /not valid JSON/],
    ['no keys', JSON.stringify({ public_keys: [] }), /public_keys must list at least one key/],
    ['a key that is not a key', JSON.stringify({ public_keys: [entry('-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----')] }), /public_keys\.0\.key is not a public key/],
    ['an RSA key', JSON.stringify({ public_keys: [entry(rsa)] }), /public_keys\.0\.key must be an ECDSA P-256 key/],
    ['a P-384 key', JSON.stringify({ public_keys: [entry(p384)] }), /must be an ECDSA P-256 key/],
    ['an identifier listed twice', JSON.stringify({ public_keys: [entry(JSON.parse(PUBLIC_KEYS).public_keys[0].key), entry(JSON.parse(PUBLIC_KEYS).public_keys[0].key)] }), /public_keys\.1\.key_identifier is listed twice/],
  ];
  for (const [what, value, message] of bad) {
    it(`refuses ${what} with one line naming the variable`, () => {
      expect(() => load(value)).toThrow(/^Invalid environment variable SECRET_SCANNING_PUBLIC_KEYS: /);
      expect(() => load(value)).toThrow(message);
    });
  }
});
