import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateKey } from '../src/lib/key-format.ts';
import { SecretTags } from '../src/lib/secret-tag.ts';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from './support/app.ts';
import { dbId, newOrg, newProject, midWindowClock } from './support/fixtures.ts';
import { projectKey, wrongSecret } from './support/keys.ts';

// Verification tags (src/lib/secret-tag.ts): a key's secret is decided by one HMAC on any instance,
// a fresh one included; argon2 runs only for keys without a tag under the current tag secret, once.


async function call(app: TestApp['app'], secret: string, ip = '203.0.113.1'): Promise<number> {
  const response = await app.fetch('http://keysmith.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}`, 'x-forwarded-for': ip },
    body: JSON.stringify({ query: '{ currentApiKey { prefix } }' }),
  });
  await response.text();
  return response.status;
}


const THROTTLED_ENV = { AUTH_FAILURES_PER_KEY_PER_MINUTE: '20', AUTH_FAILURES_PER_IP_PER_MINUTE: '60', TRUST_PROXY: 'true' };

describe('verification tags', () => {
  let a: TestApp;
  const clock = midWindowClock();
  beforeAll(async () => {
    a = await startTestApp({ clock, env: THROTTLED_ENV });
  });
  afterAll(async () => {
    for (const line of a?.logs ?? []) if (line.includes('"level":50')) console.log(line.slice(0, 1500));
    await a?.close();
  });
  /** Another instance on the same database that has never seen any key: a fresh process after a deploy. */
  const freshInstance = (env: NodeJS.ProcessEnv = {}) => startTestApp({ clock, db: a.db, env: { ...THROTTLED_ENV, ...env } });

  async function newKey() {
    const org = await newOrg(a.app, { plan: 'TEAM' });
    return projectKey(a.app, org.owner, (await newProject(a.app, org)).id);
  }

  it('authenticates a new key without argon2, on this instance and on a fresh one', async () => {
    const key = await newKey();
    const row = await a.db.prisma.apiKey.findUniqueOrThrow({ where: { id: dbId(key.apiKey.id) } });
    expect(row.secretTag).toMatch(/^[\w-]{8}\.[\w-]{43}$/);
    expect(row.secretTag).not.toContain(key.secret.slice(-20));
    const fresh = await freshInstance();
    try {
      const before = [a.app.verifier.stats.argon2Verifications, fresh.app.verifier.stats.argon2Verifications];
      expect(await call(a.app, key.secret)).toBe(200);
      expect(await call(fresh.app, key.secret)).toBe(200);
      expect(await call(fresh.app, wrongSecret(key.secret))).toBe(401);
      expect([a.app.verifier.stats.argon2Verifications, fresh.app.verifier.stats.argon2Verifications]).toEqual(before);
    } finally {
      await fresh.close();
    }
  });

  it('serves a cold start of many distinct keys at once: every one 200 on its first try, no argon2', async () => {
    const keys = await Promise.all(Array.from({ length: 40 }, () => newKey()));
    const fresh = await freshInstance({ ARGON2_MAX_CONCURRENCY: '1' });
    try {
      const statuses = await Promise.all(keys.map((k) => call(fresh.app, k.secret)));
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      expect(fresh.app.verifier.stats.argon2Verifications).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it('verifies an untagged key with argon2 once (concurrent first requests share it), then tags it for every instance', async () => {
    const key = await newKey();
    await a.db.prisma.apiKey.update({ where: { id: dbId(key.apiKey.id) }, data: { secretTag: null } });
    const first = await freshInstance();
    try {
      const statuses = await Promise.all(Array.from({ length: 10 }, () => call(first.app, key.secret)));
      expect(statuses.every((s) => s === 200)).toBe(true);
      expect(first.app.verifier.stats.argon2Verifications).toBe(1);
      await expect.poll(async () => (await a.db.prisma.apiKey.findUniqueOrThrow({ where: { id: dbId(key.apiKey.id) } })).secretTag).not.toBeNull();
    } finally {
      await first.close();
    }
    const second = await freshInstance();
    try {
      expect(await call(second.app, key.secret)).toBe(200);
      expect(second.app.verifier.stats.argon2Verifications).toBe(0);
    } finally {
      await second.close();
    }
  });

  it('after a change of tag secret, argon2 decides again once and the tag is rewritten; a wrong secret stays 401', async () => {
    const key = await newKey();
    const oldTag = (await a.db.prisma.apiKey.findUniqueOrThrow({ where: { id: dbId(key.apiKey.id) } })).secretTag;
    const rotated = await freshInstance({ KEY_TAG_SECRET: randomBytes(32).toString('hex') });
    try {
      expect(await call(rotated.app, wrongSecret(key.secret))).toBe(401);
      expect(await call(rotated.app, key.secret)).toBe(200);
      expect(rotated.app.verifier.stats.argon2Verifications).toBe(2);
      await expect.poll(async () => (await a.db.prisma.apiKey.findUniqueOrThrow({ where: { id: dbId(key.apiKey.id) } })).secretTag).not.toBe(oldTag);
    } finally {
      await rotated.close();
    }
  });

  it('no lock-out during a tag-secret rotation: with KEY_TAG_SECRET_PREVIOUS, a flood of wrong secrets leaves the real one 200, without argon2, and its tag is rewritten', async () => {
    const key = await newKey();
    const oldTag = (await a.db.prisma.apiKey.findUniqueOrThrow({ where: { id: dbId(key.apiKey.id) } })).secretTag;
    const newSecret = randomBytes(32).toString('hex');
    // `a` derives its tag secret from JWT_SECRET: that is the previous material of this rotation.
    const rotated = await freshInstance({ KEY_TAG_SECRET: newSecret, KEY_TAG_SECRET_PREVIOUS: TEST_JWT_SECRET });
    try {
      const guesses = await Promise.all(Array.from({ length: 30 }, (_, i) => call(rotated.app, wrongSecret(key.secret), `192.0.2.${i + 1}`)));
      expect(guesses.filter((s) => s === 401)).toHaveLength(20);
      expect(guesses.filter((s) => s === 429)).toHaveLength(10);
      expect(await call(rotated.app, key.secret)).toBe(200);
      expect(rotated.app.verifier.stats.argon2Verifications).toBe(0);
      await expect.poll(async () => (await a.db.prisma.apiKey.findUniqueOrThrow({ where: { id: dbId(key.apiKey.id) } })).secretTag).not.toBe(oldTag);
    } finally {
      await rotated.close();
    }
    // Once rewritten, the new secret alone decides the key (the previous one can be dropped).
    const after = await freshInstance({ KEY_TAG_SECRET: newSecret });
    try {
      expect(await call(after.app, key.secret)).toBe(200);
      expect(after.app.verifier.stats.argon2Verifications).toBe(0);
    } finally {
      await after.close();
    }
  });

  it('an unknown key id does the same HMAC as a known id with a wrong secret (no timing tell of existence)', async () => {
    const key = await newKey();
    const hmacs = vi.spyOn(SecretTags.prototype, 'tag');
    try {
      expect(await call(a.app, wrongSecret(key.secret), '198.51.100.200')).toBe(401);
      const forKnown = hmacs.mock.calls.length;
      hmacs.mockClear();
      expect(await call(a.app, generateKey().key, '198.51.100.201')).toBe(401);
      expect(forKnown).toBeGreaterThan(0);
      expect(hmacs.mock.calls.length).toBe(forKnown);
    } finally {
      hmacs.mockRestore();
    }
  });

  it('no lock-out: after floods of wrong secrets from one address and from 100, the real secret gets 200 at once on an instance that has seen it and on one that has not', async () => {
    const key = await newKey();
    expect(await call(a.app, key.secret)).toBe(200);
    const fromOne = await Promise.all(Array.from({ length: 100 }, () => call(a.app, wrongSecret(key.secret), '198.51.100.7')));
    const fromMany = await Promise.all(Array.from({ length: 100 }, (_, i) => call(a.app, wrongSecret(key.secret), `192.0.2.${i + 1}`)));
    // The budget of the key id (20 a minute) is spent: further guesses are refused with 429, on every instance.
    expect(fromOne.filter((s) => s === 401)).toHaveLength(20);
    expect([...fromOne, ...fromMany].filter((s) => s === 429)).toHaveLength(180);
    expect(a.app.verifier.stats.argon2Verifications).toBe(0);

    expect(await call(a.app, key.secret, '198.51.100.7')).toBe(200);
    const fresh = await freshInstance();
    try {
      expect(await call(fresh.app, wrongSecret(key.secret))).toBe(429);
      expect(await call(fresh.app, key.secret)).toBe(200);
      expect(await call(fresh.app, key.secret, '198.51.100.7')).toBe(200);
    } finally {
      await fresh.close();
    }
  });
});

describe('SecretTags', () => {
  it('decides a tag made with the previous secret (previous-match or mismatch), and no other', () => {
    const key = 'ksk_example';
    const before = SecretTags.derive('a'.repeat(32), 'label');
    const during = SecretTags.derive('b'.repeat(32), 'label', 'a'.repeat(32));
    expect(during.check(before.tag(key), key)).toBe('previous-match');
    expect(during.check(before.tag(key), `${key}x`)).toBe('mismatch');
    expect(during.check(during.tag(key), key)).toBe('match');
    expect(during.check(SecretTags.derive('c'.repeat(32), 'label').tag(key), key)).toBe('unknown');
  });

  const key = `ksk_${'A'.repeat(12)}_${'b'.repeat(32)}`;
  it('matches its own tag, mismatches another key, and cannot judge a tag made with another secret', () => {
    const tags = SecretTags.derive('a'.repeat(32), 'label');
    const tag = tags.tag(key);
    expect(tags.check(tag, key)).toBe('match');
    expect(tags.check(tag, `${key}x`)).toBe('mismatch');
    expect(tags.check(null, key)).toBe('unknown');
    const other = SecretTags.derive('c'.repeat(32), 'label');
    expect(other.check(tag, key)).toBe('unknown');
    expect(SecretTags.derive('a'.repeat(32), 'another label').check(tag, key)).toBe('unknown');
  });
});
