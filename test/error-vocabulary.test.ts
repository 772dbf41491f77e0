import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma, type PrismaClient } from '../src/generated/prisma/client.ts';
import { openTestDatabase, startTestApp, type TestApp } from './support/app.ts';
import { signToken } from './support/client.ts';
import { newUser, unique } from './support/fixtures.ts';
import type { Database } from '../src/db/client.ts';

/** pino levels: 40 warn, 50 error. */
const levelOf = (line: string) => (JSON.parse(line) as { level: number }).level;

async function post(t: TestApp, body: object, headers: Record<string, string>) {
  const response = await t.app.fetch('http://keysmith.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.text() };
}

/** The lines an app logged while `action` ran. */
async function logged(t: TestApp, action: () => Promise<unknown>): Promise<string[]> {
  const from = t.logs.length;
  await action();
  return t.logs.slice(from);
}

describe('logging of refused and failed requests', () => {
  const leakedKey = `ksk_${'A'.repeat(12)}_${'s'.repeat(38)}`;
  const leakedHash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';
  let db: Database;
  let t: TestApp;
  beforeAll(async () => {
    db = await openTestDatabase();
    // An unexpected failure inside a mutation, as a driver error would surface: its message quotes secrets.
    const failing = db.prisma.$extends({
      query: {
        organization: {
          create: () => {
            throw new Error(`connection reset while writing ${leakedKey} (hash ${leakedHash}) for Bearer abc.def.ghi`);
          },
        },
      },
    }) as unknown as PrismaClient;
    t = await startTestApp({ db: { ...db, prisma: failing } });
  });
  afterAll(async () => {
    await t.close();
    await db.close();
  });

  it('logs a bad JWT at most once, below ERROR', async () => {
    const token = await signToken({ sub: unique('bad') }, { secret: 'another-secret-that-is-long-enough-000000' });
    const lines = await logged(t, async () => {
      expect((await post(t, { query: '{ viewer { subject } }' }, { authorization: `Bearer ${token}` })).status).toBe(401);
    });
    expect(lines.filter((line) => levelOf(line) >= 50)).toEqual([]);
    expect(lines.filter((line) => levelOf(line) >= 40).length).toBeLessThanOrEqual(1);
    expect(lines.join('\n')).not.toContain(token);
  });

  it('logs a masked error exactly once: with the request id, scrubbed, without the query text or variables', async () => {
    const user = await newUser(t.app);
    const requestId = `req-${unique('masked')}`;
    const name = unique('Variable-Value-Name');
    const query = `mutation DistinctOperationName($input: CreateOrganizationInput!) {
      distinctAlias: createOrganization(input: $input) { __typename }
    }`;
    let body = '';
    const lines = await logged(t, async () => {
      const answer = await post(
        t,
        { query, variables: { input: { name, slug: unique('slug') } } },
        { authorization: `Bearer ${user.token}`, 'x-request-id': requestId },
      );
      body = answer.body;
    });
    const error = JSON.parse(body).errors[0];
    expect(error.message).toBe(`Unexpected error. Request id: ${requestId}`);
    expect(error.extensions).toMatchObject({ requestId });

    const reported = lines.filter((line) => levelOf(line) >= 40);
    expect(reported).toHaveLength(1);
    expect(JSON.parse(reported[0])).toMatchObject({ requestId, msg: 'unexpected error' });
    const all = lines.join('\n');
    expect(all).toContain('connection reset while writing'); // the detail is there for the operator
    for (const leaked of ['distinctAlias', 'DistinctOperationName', name, leakedKey, leakedHash, 'abc.def.ghi']) {
      expect(all).not.toContain(leaked);
    }
    expect(reported[0]).toContain(`ksk_${'A'.repeat(12)}_[secret]`);
    expect(reported[0]).toContain('[argon2 hash]');
  });
});

describe('a database with no connection to spare', () => {
  let db: Database;
  let t: TestApp;
  beforeAll(async () => {
    db = await openTestDatabase();
    // What Prisma throws when every connection stayed busy past the wait for a transaction.
    const busy = db.prisma.$extends({
      query: {
        organization: {
          create: () => {
            throw new Prisma.PrismaClientKnownRequestError('Transaction API error: Unable to start a transaction in the given time.', {
              code: 'P2028',
              clientVersion: 'test',
            });
          },
        },
      },
    }) as unknown as PrismaClient;
    t = await startTestApp({ db: { ...db, prisma: busy } });
  });
  afterAll(async () => {
    await t.close();
    await db.close();
  });

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After, logged below ERROR, not a 500', async () => {
    const user = await newUser(t.app);
    const response = await t.app.fetch('http://keysmith.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
      body: JSON.stringify({ query: 'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { __typename } }', variables: { i: { name: 'Busy', slug: unique('busy') } } }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(JSON.parse(await response.text()).errors[0]).toMatchObject({ message: 'The service is busy; retry shortly', extensions: { code: 'SERVICE_UNAVAILABLE' } });
    expect(t.logs.filter((line) => levelOf(line) >= 50)).toEqual([]);
  });
});

describe('where HTTP statuses of GraphQL answers are set', () => {
  it('only src/http-errors.ts gives a GraphQL error an HTTP status (SECURITY.md)', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const files = (await readdir('src', { recursive: true })).filter((f) => f.endsWith('.ts') && !f.startsWith('generated'));
    const setting: string[] = [];
    for (const file of files) {
      const text = await readFile(`src/${file}`, 'utf8');
      if (/\bhttp:\s*\{\s*status\b/.test(text)) setting.push(file);
    }
    expect(setting).toEqual(['http-errors.ts']);
  });
});
