import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.ts';
import { execute, ok } from './support/client.ts';
import { newOrg, newProject } from './support/fixtures.ts';
import { projectKey, wrongSecret } from './support/keys.ts';
import { CurrentApiKey } from './support/operations.ts';

const METRICS_TOKEN = 'metrics-token-for-key-cache-tests';

// KEY_CACHE_MAX_ENTRIES=2: the third key used pushes the first one out.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { KEY_CACHE_MAX_ENTRIES: '2', METRICS_TOKEN } });
  await t.app.ready;
});
afterAll(() => t.close());

async function evictions(): Promise<number> {
  const response = await t.app.fetch('http://keysmith.test/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  const text = await response.text();
  expect(text).toContain('# TYPE keysmith_key_state_cache_evictions_total counter');
  return Number(/^keysmith_key_state_cache_evictions_total (\d+)$/m.exec(text)?.[1]);
}

const whoAmI = (secret: string) => execute(t.app, CurrentApiKey, {}, { authorization: `Bearer ${secret}` });

describe('key cache bounded by KEY_CACHE_MAX_ENTRIES', () => {
  it('evicts beyond its size and counts it on /metrics; an evicted key is read and verified again, with its own secret only', async () => {
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const project = await newProject(t.app, org);
    const keys = [];
    for (const name of ['first', 'second', 'third']) keys.push(await projectKey(t.app, org.owner, project.id, { name }));
    const before = await evictions();

    for (const key of keys) expect(ok(await whoAmI(key.secret)).currentApiKey?.prefix).toBe(key.apiKey.prefix);
    expect(t.app.keyStates.size).toBeLessThanOrEqual(2);
    expect(await evictions()).toBe(before + 1);

    // The first key was evicted: its next request reads its state from the database again and is judged anew.
    const misses = t.app.keyStates.stats.misses;
    const again = ok(await whoAmI(keys[0].secret)).currentApiKey;
    expect(again).toMatchObject({ name: 'first', prefix: keys[0].apiKey.prefix });
    expect(t.app.keyStates.stats.misses).toBe(misses + 1);
    expect(await evictions()).toBe(before + 2);

    // Evicted again (by the second key), a wrong secret for it is refused, and the right one still works.
    expect(ok(await whoAmI(keys[1].secret)).currentApiKey?.prefix).toBe(keys[1].apiKey.prefix);
    const refused = await whoAmI(wrongSecret(keys[2].secret));
    expect(refused.status).toBe(401);
    expect(ok(await whoAmI(keys[2].secret)).currentApiKey?.prefix).toBe(keys[2].apiKey.prefix);
  });
});
