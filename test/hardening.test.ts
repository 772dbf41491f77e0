import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checksumOf } from '../src/lib/key-format.ts';
import { sharedApp, startTestApp, type TestApp } from './support/app.ts';
import { as, execute, ok } from './support/client.ts';
import { dbId, newOrg, newProject, newUser, newWorkflow, midWindowClock } from './support/fixtures.ts';
import { projectKey, wrongSecret } from './support/keys.ts';
import { DeleteApiKey, RotateApiKey, TriggerWorkflow, Viewer } from './support/operations.ts';

let t: TestApp;
beforeAll(async () => {
  t = await sharedApp();
});
afterAll(() => t.close());

async function raw(app: TestApp['app'], query: string, headers: Record<string, string> = {}, body?: string) {
  const response = await app.fetch('http://keysmith.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: body ?? JSON.stringify({ query }),
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

describe('hostile queries get a clear error and the server keeps serving', () => {
  const deep = `{ viewer { organizations { edges { node { organization { projects { edges { node { organization { projects { edges { node { organization { name } } } } } } } } } } } } } }`;
  const aliases = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: viewer { subject }`).join(' ')} }`;
  const directives = `{ ${Array.from({ length: 12 }, (_, i) => `v${i}: viewer @include(if: true) { subject }`).join(' ')} }`;
  const tokens = `{ ${Array.from({ length: 2100 }, () => '__typename').join(' ')} }`;
  const costly = `{ viewer { organizations(first: 100) { edges { node { organization { projects(first: 100) { edges { node { workflows(first: 100) { edges { node { id name slug createdAt } } } apiKeys(first: 100) { edges { node { id name prefix status } } } } } } } } } } } }`;

  it.each([
    ['depth', deep, /depth/i],
    ['aliases', aliases, /aliases/i],
    ['directives', directives, /directives/i],
    ['tokens', tokens, /token/i],
    ['cost', costly, /cost/i],
  ])('limits %s', async (_name, query, message) => {
    const user = await newUser(t.app);
    const result = await raw(t.app, query, { authorization: `Bearer ${user.token}` });
    const body = JSON.parse(result.text);
    expect(body.data ?? null).toBeNull(); // rejected before execution
    expect(body.errors[0].message).toMatch(message);
    console.log(`${_name} limit fired: ${body.errors[0].message}`);
    expect(ok(await execute(t.app, Viewer, {}, { token: user.token })).viewer.subject).toBe(user.sub);
  });

  it('refuses page sizes over 100 with a clear error', async () => {
    const org = await newOrg(t.app);
    const result = await raw(t.app, `{ organization(slug: "${org.slug}") { projects(first: 101) { edges { node { id } } } } }`, {
      authorization: `Bearer ${org.owner.token}`,
    });
    expect(result.text).toContain('"first\\" must be between 0 and 100');
    expect(result.text).toContain('BAD_USER_INPUT');
    const fine = await raw(t.app, `{ organization(slug: "${org.slug}") { projects(first: 100) { edges { node { id } } } } }`, {
      authorization: `Bearer ${org.owner.token}`,
    });
    expect(fine.status).toBe(200);
  });

  it.each([
    ['a cursor holding a malformed id', (slug: string) => `{ organization(slug: "${slug}") { projects(after: "${Buffer.from('GPC:S:xyz').toString('base64')}") { edges { node { id } } } } }`],
    ['a NUL byte in a slug', () => `{ organization(slug: "a\\u0000b") { id } }`],
    ['a NUL byte in a search filter', (slug: string) => `{ organization(slug: "${slug}") { apiKeys(filter: { search: "x\\u0000" }) { edges { node { id } } } } }`],
    ['a global id whose database id is malformed', () => `{ node(id: "${Buffer.from('Project:xyz').toString('base64')}") { id } }`],
  ])('answers %s with BAD_USER_INPUT, not an unexpected error', async (_label, query) => {
    const org = await newOrg(t.app);
    const result = await raw(t.app, query(org.slug), { authorization: `Bearer ${org.owner.token}` });
    const body = JSON.parse(result.text);
    expect(body.errors?.[0]?.extensions?.code, result.text).toBe('BAD_USER_INPUT');
    expect(result.text).not.toMatch(/Unexpected error|uuid|UTF8|prisma/i);
  });

  it('refuses bodies over the size limit with 413, before reading them', async () => {
    const huge = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(300 * 1024) } });
    const result = await raw(t.app, '', {}, huge);
    expect(result.status).toBe(413);
    expect((await raw(t.app, '{ __typename }')).status).toBe(200);
  });

  it('counts a body while reading it where no HTTP parser holds it to its Content-Length (a fetch handed in)', async () => {
    const huge = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(300 * 1024) } });
    const response = await t.app.fetch('http://keysmith.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '40' },
      body: new Blob([huge]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0]).toMatchObject({ message: 'Request body exceeds the limit of 262144 bytes', extensions: { code: 'BAD_REQUEST' } });
  });

  it('turns introspection and GraphiQL off by configuration (production defaults)', async () => {
    const prod = await startTestApp({ env: { NODE_ENV: 'production' } });
    try {
      const introspection = await raw(prod.app, '{ __schema { types { name } } }');
      expect(introspection.text).toMatch(/introspection/i);
      expect(introspection.text).not.toContain('"types"');
      const page = await prod.app.fetch('http://keysmith.test/graphql', { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toContain('GraphiQL');
      const suggestion = await raw(prod.app, '{ viewe }');
      expect(suggestion.text).not.toContain('Did you mean');
    } finally {
      await prod.close();
    }
    const dev = await raw(t.app, '{ __schema { queryType { name } } }');
    expect(dev.text).toContain('"queryType":{"name":"Query"}');
  });
});


describe('floods of bad keys', () => {

  it('throttles wrong secrets per key id with 429 and Retry-After, without locking out the verified secret', async () => {
    const own = await startTestApp({ clock: midWindowClock(), env: { AUTH_FAILURES_PER_KEY_PER_MINUTE: '5', AUTH_FAILURES_PER_IP_PER_MINUTE: '1000', TRUST_PROXY: 'true' } });
    try {
      const org = await newOrg(own.app, { plan: 'TEAM' });
      const key = await projectKey(own.app, org.owner, (await newProject(own.app, org)).id);
      const call = (secret: string, ip: string) => raw(own.app, '{ currentApiKey { prefix } }', { authorization: `Bearer ${secret}`, 'x-forwarded-for': ip });
      expect((await call(key.secret, '203.0.113.1')).status).toBe(200); // verified once: its verdict is cached

      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await call(wrongSecret(key.secret), `198.51.100.${i}`)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
      const limited = await call(wrongSecret(key.secret), '198.51.100.99');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(JSON.parse(limited.text).errors[0].extensions.code).toBe('RATE_LIMITED');

      expect((await call(key.secret, '203.0.113.1')).status).toBe(200);
      const verificationsBefore = own.app.verifier.stats.argon2Verifications;
      await call(wrongSecret(key.secret), '198.51.100.100');
      expect(own.app.verifier.stats.argon2Verifications).toBe(verificationsBefore); // throttled before argon2

      // An unknown key id is throttled exactly alike: a 429 does not reveal that a key exists.
      const unknownBody = `ksk_${'U'.repeat(6)}${randomBytes(3).toString('hex')}_${'q'.repeat(32)}`;
      const unknown = unknownBody + checksumOf(unknownBody);
      const unknownStatuses: number[] = [];
      for (let i = 0; i < 6; i++) unknownStatuses.push((await call(unknown, `192.0.2.${i}`)).status);
      expect(unknownStatuses).toEqual([401, 401, 401, 401, 401, 429]);
    } finally {
      await own.close();
    }
  });

  it('throttles per client address across key ids', async () => {
    const own = await startTestApp({ clock: midWindowClock(), env: { AUTH_FAILURES_PER_KEY_PER_MINUTE: '1000', AUTH_FAILURES_PER_IP_PER_MINUTE: '4', TRUST_PROXY: 'true' } });
    try {
      const org = await newOrg(own.app, { plan: 'TEAM' });
      const project = await newProject(own.app, org);
      const keys = [await projectKey(own.app, org.owner, project.id), await projectKey(own.app, org.owner, project.id)];
      const ip = `100.64.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await raw(own.app, '{ currentApiKey { prefix } }', { authorization: `Bearer ${wrongSecret(keys[i % 2].secret)}`, 'x-forwarded-for': ip });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
      const elsewhere = await raw(own.app, '{ currentApiKey { prefix } }', { authorization: `Bearer ${wrongSecret(keys[0].secret)}`, 'x-forwarded-for': '100.127.0.1' });
      expect(elsewhere.status).toBe(401);
    } finally {
      await own.close();
    }
  });
});

describe('operator surfaces', () => {
  it('serves /metrics only with the metrics token, and counts every identity failure under one reason', async () => {
    const token = 'metrics-token-0123456789abcdef';
    const own = await startTestApp({ env: { METRICS_TOKEN: token } });
    try {
      expect((await own.app.fetch('http://keysmith.test/metrics')).status).toBe(404);
      expect((await own.app.fetch('http://keysmith.test/metrics', { headers: { authorization: 'Bearer wrong-token-0123456789abc' } })).status).toBe(404);
      await raw(own.app, '{ currentApiKey { prefix } }', { authorization: 'Bearer ksk_garbage' });
      const org = await newOrg(own.app, { plan: 'TEAM' });
      const key = await projectKey(own.app, org.owner, (await newProject(own.app, org)).id);
      const body = `${key.secret.slice(0, 17)}${'w'.repeat(32)}`;
      await raw(own.app, '{ currentApiKey { prefix } }', { authorization: `Bearer ${body}${checksumOf(body)}` });
      const text = await (await own.app.fetch('http://keysmith.test/metrics', { headers: { authorization: `Bearer ${token}` } })).text();
      expect(text).toContain('keysmith_api_key_auth_failures_total{reason="identity"} 2');
      expect(text).not.toMatch(/reason="(unknown|bad_secret|malformed|revoked)"/);
    } finally {
      await own.close();
    }
  });

  it('takes the client address from the last X-Forwarded-For entry (the proxy\'s), not from what the client wrote', async () => {
    const own = await startTestApp({ clock: midWindowClock(), env: { AUTH_FAILURES_PER_KEY_PER_MINUTE: '1000', AUTH_FAILURES_PER_IP_PER_MINUTE: '3', TRUST_PROXY: 'true' } });
    try {
      const org = await newOrg(own.app, { plan: 'TEAM' });
      const key = await projectKey(own.app, org.owner, (await newProject(own.app, org)).id);
      const proxyAdded = `100.65.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const body = `${key.secret.slice(0, 17)}${randomBytes(16).toString('hex')}`;
        const res = await raw(own.app, '{ currentApiKey { prefix } }', { authorization: `Bearer ${body}${checksumOf(body)}`, 'x-forwarded-for': `10.0.0.${i}, ${proxyAdded}` });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]); // spoofed left-hand entries did not give fresh budgets
    } finally {
      await own.close();
    }
  });
  it('ignores X-Forwarded-For without TRUST_PROXY: the socket peer is the client address', async () => {
    const own = await startTestApp({ clock: midWindowClock(), env: { AUTH_FAILURES_PER_KEY_PER_MINUTE: '1000', AUTH_FAILURES_PER_IP_PER_MINUTE: '3' } });
    expect(own.config.trustProxy).toBe(false); // the default
    const server = http.createServer(own.app.listener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const call = (authorization: string, forwardedFor: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization, 'x-forwarded-for': forwardedFor },
        body: JSON.stringify({ query: '{ currentApiKey { prefix } }' }),
      });
    try {
      const org = await newOrg(own.app, { plan: 'TEAM' });
      const key = await projectKey(own.app, org.owner, (await newProject(own.app, org)).id);
      expect((await call(`Bearer ${key.secret}`, '198.51.100.77')).status).toBe(200);
      await own.app.usage.flush();
      const row = await own.db.prisma.apiKey.findUniqueOrThrow({ where: { id: dbId(key.apiKey.id) } });
      expect(row.lastUsedIp).toMatch(/127\.0\.0\.1$/);

      // Every request claims another address; all of them come from one socket peer and share its budget.
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const body = `${key.secret.slice(0, 17)}${randomBytes(16).toString('hex')}`;
        statuses.push((await call(`Bearer ${body}${checksumOf(body)}`, `203.0.113.${i}`)).status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await own.close();
    }
  });
});

describe('races', () => {
  it('lets exactly one of 50 concurrent rotations of a key succeed; the others get ConflictError', async () => {
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const key = await projectKey(t.app, org.owner, (await newProject(t.app, org)).id);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => execute(t.app, RotateApiKey, { input: { id: key.apiKey.id, gracePeriodSeconds: 60 } }, { token: org.owner.token })),
    );
    const kinds = results.map((r) => ok(r).rotateApiKey.__typename);
    const counts = kinds.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {});
    console.log(`50 concurrent rotations: ${JSON.stringify(counts)}`);
    expect(counts).toEqual({ RotateApiKeyPayload: 1, ConflictError: 49 });
    expect(await t.db.prisma.apiKey.count({ where: { rotatedFromId: dbId(key.apiKey.id) } })).toBe(1);
    expect(await t.db.prisma.auditEvent.count({ where: { targetId: dbId(key.apiKey.id), action: 'api_key.rotate' } })).toBe(1);
  });

  it('records no execution with a key once its deletion has committed, under concurrent triggers', async () => {
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const project = await newProject(t.app, org);
    const workflow = await newWorkflow(t.app, org, project.id);
    const key = await projectKey(t.app, org.owner, project.id);
    const publicId = key.apiKey.prefix.slice(4);
    // Warm the key (argon2 verified once) so that triggers are fast enough to interleave with the delete.
    expect((await execute(t.app, TriggerWorkflow, { input: { workflowId: workflow.id } }, { authorization: `Bearer ${key.secret}` })).status).toBe(200);
    // Four lanes of sequential triggers; the delete is sent once a third of them have been answered.
    const results: { status: number; data: unknown }[] = [];
    let deletion: ReturnType<typeof execute<unknown, unknown>> | null = null;
    const lane = async () => {
      for (let i = 0; i < 15; i++) {
        const r = await execute(t.app, TriggerWorkflow, { input: { workflowId: workflow.id } }, { authorization: `Bearer ${key.secret}` });
        results.push({ status: r.status, data: r.data });
        // Checked right after the push, before yielding, so that exactly one lane sends the delete.
        if (results.length === 20) deletion = execute(t.app, DeleteApiKey, { input: { id: key.apiKey.id } }, { token: org.owner.token });
        // In-process requests on PGlite never leave the microtask queue; yield as a network round trip would, or
        // the delete's token verification (WebCrypto, on the thread pool) waits for all 60 triggers.
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    await Promise.all([lane(), lane(), lane(), lane()]);
    const deleted = await deletion!;
    expect((deleted.data as { deleteApiKey: { __typename: string } }).deleteApiKey.__typename).toBe('DeleteApiKeyPayload');
    const after = await execute(t.app, TriggerWorkflow, { input: { workflowId: workflow.id } }, { authorization: `Bearer ${key.secret}` });
    // Refused as unauthenticated; a burst of refusals on one key id soon meets the failure throttle (429).
    expect([401, 429]).toContain(after.status);

    const succeeded = 1 + results.filter((r) => r.status === 200).length;
    const refused = results.filter((r) => r.status === 401 || r.status === 429).length;
    console.log(`delete racing 60 triggers: ${succeeded} executions recorded before the delete committed, ${refused} refused after`);
    expect(succeeded - 1 + refused).toBe(60);
    expect(refused).toBeGreaterThan(0);
    // Every recorded execution belongs to a request that was answered 200; none was written after the delete.
    expect(await t.db.prisma.workflowExecution.count({ where: { apiKeyPublicId: publicId } })).toBe(succeeded);
    expect(await t.db.prisma.workflowExecution.count({ where: { apiKeyId: dbId(key.apiKey.id) } })).toBe(0);
  });
});

describe('secrets stay secret', () => {
  it('leaves no key secret, no argon2 hash outside its column and no authorization header in any table or log line', async () => {
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const project = await newProject(t.app, org);
    const workflow = await newWorkflow(t.app, org, project.id);
    const first = await projectKey(t.app, org.owner, project.id);
    const rotated = as(ok(await execute(t.app, RotateApiKey, { input: { id: first.apiKey.id } }, { token: org.owner.token })).rotateApiKey, 'RotateApiKeyPayload');
    // The successor is used too, so that every path a key takes (authentication, usage, audit) has seen it.
    expect((await execute(t.app, TriggerWorkflow, { input: { workflowId: workflow.id } }, { authorization: `Bearer ${rotated.secret}` })).status).toBe(200);
    const second = await projectKey(t.app, org.owner, project.id);
    for (let i = 0; i < 3; i++) await execute(t.app, TriggerWorkflow, { input: { workflowId: workflow.id } }, { authorization: `Bearer ${second.secret}` });
    await execute(t.app, TriggerWorkflow, { input: { workflowId: workflow.id } }, { authorization: `Bearer ${first.secret}` }); // rotated: 401
    await t.app.usage.flush();
    ok(await execute(t.app, DeleteApiKey, { input: { id: second.apiKey.id } }, { token: org.owner.token }));
    // A third key that stays: with the rotated pair, this test alone stores three hashes (other files may add more).
    const third = await projectKey(t.app, org.owner, project.id);

    const secrets = [first.secret, rotated.secret, second.secret, third.secret].flatMap((s) => [s, s.slice(17, 49)]);
    const tokens = [org.owner.token];
    const tables = await t.db.prisma.$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`;
    expect(tables.length).toBeGreaterThanOrEqual(9);
    let hashesInColumn = 0;
    for (const { table_name } of tables) {
      const rows = await t.db.prisma.$queryRawUnsafe<{ row: Record<string, unknown> }[]>(`SELECT row_to_json(t) AS row FROM "${table_name}" t`);
      for (const { row } of rows) {
        for (const [column, value] of Object.entries(row)) {
          const text = typeof value === 'string' ? value : JSON.stringify(value);
          for (const secret of secrets) expect(text, `${table_name}.${column}`).not.toContain(secret);
          for (const token of tokens) expect(text, `${table_name}.${column}`).not.toContain(token);
          if (text?.includes('$argon2')) {
            expect(`${table_name}.${column}`).toBe('ApiKey.secretHash');
            hashesInColumn++;
          }
        }
      }
    }
    expect(hashesInColumn).toBeGreaterThanOrEqual(3);
    const logs = t.logs.join('\n');
    for (const s of [...secrets, ...tokens, '$argon2id$']) expect(logs).not.toContain(s);
    // It reads every row of every table: on PostgreSQL that is the whole suite's data, shared by every test file.
  }, 120_000);
});
