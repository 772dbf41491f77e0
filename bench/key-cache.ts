// The key-cache row of `npm run bench` (BENCH_ONLY=cache, PostgreSQL): keys seeded with SQL (real key format, real
// verification tags under the bench's KEY_TAG_SECRET), then
// - heap per cached key: this process authenticates BENCH_CACHE_HEAP_KEYS keys through a KeyStateCache and an
//   ApiKeyAuthenticator as the server does, and divides the heap growth after garbage collection by the keys cached;
// - a miss against a hit: one server with KEY_CACHE_MAX_ENTRIES=BENCH_CACHE_SIZE serves `{ __typename }` for keys
//   cycling over a set that fits in the cache (warm) and over BENCH_CACHE_KEYS keys (every request a miss: first in,
//   first out, cycling over more keys than it holds), in alternating rounds; the ratio of throughputs.
import { runInNewContext } from 'node:vm';
import v8 from 'node:v8';
import autocannon from 'autocannon';
import pg from 'pg';
import pino from 'pino';
import { systemClock } from '../src/clock.ts';
import { openDatabase } from '../src/db/client.ts';
import { ApiKeyAuthenticator } from '../src/domains/api-keys/authenticate.ts';
import { KeyVerifier } from '../src/domains/api-keys/hashing.ts';
import { KeyStateCache } from '../src/domains/api-keys/key-state.ts';
import { AuthThrottle } from '../src/domains/api-keys/throttle.ts';
import { generateKey } from '../src/lib/key-format.ts';
import { SecretTags } from '../src/lib/secret-tag.ts';
import { KEY_CACHE_BYTES_PER_KEY } from '../src/config/key-cache-memory.ts';

export type CacheBenchSetup = {
  databaseUrl: string;
  schema: string;
  tagSecret: string;
  /** The bench project's key (its row is the template of the seeded keys: same project, grants, owner). */
  templateSecret: string;
  /** Starts a server on the bench database with extra environment. */
  startServer: (env: NodeJS.ProcessEnv) => Promise<{ url: string; stop: () => Promise<void> }>;
  /** A value read from the server's /metrics. */
  metric: (url: string, name: string) => Promise<number>;
  duration: number;
  connections: number;
};

/** `n` keys like the template key (a copy of its row under a new public id, secret and tag); returns the full keys. */
export async function seedKeys(client: pg.Client, templatePublicId: string, tags: SecretTags, n: number): Promise<string[]> {
  const keys = Array.from({ length: n }, generateKey);
  for (let from = 0; from < n; from += 5000) {
    const batch = keys.slice(from, from + 5000);
    await client.query(
      `INSERT INTO "ApiKey" (id, "organizationId", level, "projectId", "allProjects", name, "createdById", "ownerId", grants, "expiryPolicy",
          "expiresAt", status, "publicId", "secretHash", "secretTag", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), t."organizationId", t.level, t."projectId", t."allProjects", 'cache bench ' || s.i, t."createdById", t."ownerId",
          t.grants, t."expiryPolicy", t."expiresAt", t.status, s."publicId", t."secretHash", s.tag, now(), now()
       FROM "ApiKey" t, unnest($2::text[], $3::text[]) WITH ORDINALITY AS s("publicId", tag, i)
       WHERE t."publicId" = $1`,
      [templatePublicId, batch.map((k) => k.publicId), batch.map((k) => tags.tag(k.key))],
    );
  }
  await client.query('ANALYZE "ApiKey"');
  return keys.map((k) => k.key);
}

/** Heap bytes per key held by the key-state cache and the authenticator's warm principals, in this process. */
async function heapPerKey(setup: CacheBenchSetup, tags: SecretTags, keys: string[]): Promise<number> {
  v8.setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const db = await openDatabase({ kind: 'postgres', url: setup.databaseUrl, schema: setup.schema });
  const logger = pino({ level: 'silent' });
  const cache = new KeyStateCache(db, logger, keys.length);
  const authenticator = new ApiKeyAuthenticator(new KeyVerifier({ maxConcurrency: 1 }), cache, new AuthThrottle({ failuresPerKeyPerMinute: 20, failuresPerIpPerMinute: 60 }, systemClock), systemClock, tags);
  try {
    await cache.start();
    while (!cache.isLive) await new Promise((r) => setTimeout(r, 20));
    // The code paths and the database client warmed on other keys first, so that their one-off allocations stay out.
    for (const key of keys.slice(0, 200)) {
      if (!(await authenticator.authenticate(db.prisma, key)).ok) throw new Error('a seeded key did not authenticate');
      authenticator.authenticateCached(key);
    }
    const measured = keys.slice(200);
    gc();
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < measured.length; i += 50) {
      await Promise.all(measured.slice(i, i + 50).map((key) => authenticator.authenticate(db.prisma, key)));
      for (const key of measured.slice(i, i + 50)) if (!authenticator.authenticateCached(key)?.ok) throw new Error('a seeded key was not cached');
    }
    gc();
    gc();
    const after = process.memoryUsage().heapUsed;
    if (cache.size !== keys.length) throw new Error(`expected ${keys.length} cached keys, found ${cache.size}`);
    return (after - before) / measured.length;
  } finally {
    await cache.stop();
    await db.close();
  }
}

type Load = { rps: number; p99: number; statuses: string; count: number };

function cycle(url: string, keys: string[], seconds: number, connections: number): Promise<Load> {
  let next = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${url}/graphql`,
        method: 'POST',
        connections,
        duration: seconds,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
        requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${keys[next++ % keys.length]}` } }) }],
      },
      (error, result) => {
        if (error) return reject(error);
        const statuses = Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => `${code}×${(s as { count: number }).count}`).join(' ');
        resolve({ rps: result.requests.average, p99: result.latency.p99, statuses, count: result.requests.total });
      },
    );
  });
}

export async function keyCacheBench(setup: CacheBenchSetup): Promise<string[]> {
  const total = Number(process.env.BENCH_CACHE_KEYS ?? 20_000);
  const cacheSize = Number(process.env.BENCH_CACHE_SIZE ?? 2_000);
  const heapKeys = Number(process.env.BENCH_CACHE_HEAP_KEYS ?? 10_000);
  const tags = SecretTags.derive(setup.tagSecret, 'keysmith api-key secret tags');
  const client = new pg.Client({ connectionString: setup.databaseUrl });
  await client.connect();
  let keys: string[];
  try {
    await client.query(`SET search_path TO "${setup.schema}"`);
    const templatePublicId = setup.templateSecret.slice(4, 16);
    const started = performance.now();
    keys = await seedKeys(client, templatePublicId, tags, Math.max(total, heapKeys + 200));
    console.error(`  cache: ${keys.length.toLocaleString('en')} keys seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await client.end();
  }
  const bytes = await heapPerKey(setup, tags, keys.slice(0, heapKeys + 200));
  console.error(`  cache: heap per cached key ${bytes.toFixed(0)} bytes`);

  const server = await setup.startServer({ KEY_CACHE_MAX_ENTRIES: String(cacheSize), WEBHOOKS_DELIVER: 'false' });
  try {
    const warmSet = keys.slice(0, Math.floor(cacheSize / 2));
    const missSet = keys.slice(0, total);
    await cycle(server.url, warmSet, 2, setup.connections); // warm-up, discarded
    const warm: Load[] = [];
    const miss: Load[] = [];
    let [warmHits, warmEvictions, missHits, missEvictions] = [0, 0, 0, 0];
    const counts = async () => Promise.all(['keysmith_key_state_cache_hits_total', 'keysmith_key_state_cache_evictions_total'].map((name) => setup.metric(server.url, name)));
    for (let round = 0; round < 4; round++) {
      let [hits, evictions] = await counts();
      warm.push(await cycle(server.url, warmSet, setup.duration / 2, setup.connections));
      let [hitsAfter, evictionsAfter] = await counts();
      [warmHits, warmEvictions] = [warmHits + hitsAfter - hits, warmEvictions + evictionsAfter - evictions];
      [hits, evictions] = [hitsAfter, evictionsAfter];
      miss.push(await cycle(server.url, missSet, setup.duration / 2, setup.connections));
      [hitsAfter, evictionsAfter] = await counts();
      [missHits, missEvictions] = [missHits + hitsAfter - hits, missEvictions + evictionsAfter - evictions];
    }
    const mean = (xs: Load[]) => xs.reduce((s, x) => s + x.rps, 0) / xs.length;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const ratio = mean(miss) / mean(warm);
    console.table([
      { scenario: `{ __typename }, ${warmSet.length.toLocaleString('en')} keys cycling (all cached)`, 'req/s': Math.round(mean(warm)), 'p99 ms': median(warm.map((w) => w.p99)), statuses: warm.map((w) => w.statuses).join(' ') },
      { scenario: `{ __typename }, ${missSet.length.toLocaleString('en')} keys cycling through ${cacheSize.toLocaleString('en')} entries (every request a miss)`, 'req/s': Math.round(mean(miss)), 'p99 ms': median(miss.map((m) => m.p99)), statuses: miss.map((m) => m.statuses).join(' ') },
    ]);
    const served = (xs: Load[]) => xs.reduce((s, x) => s + x.count, 0);
    console.log(`  cache hits / evictions: cached set ${warmHits} / ${warmEvictions} over ${served(warm)} requests; cycling set ${missHits} / ${missEvictions} over ${served(miss)} requests`);
    return [
      `key cache: a miss ÷ a hit, throughput ${ratio.toFixed(3)} (${Math.round(mean(miss))} vs ${Math.round(mean(warm))} req/s, 4 alternating rounds; goal ≥ 0.8) ${ratio >= 0.8 ? 'MET' : 'NOT MET'}`,
      `key cache: heap per cached key ${bytes.toFixed(0)} bytes over ${heapKeys.toLocaleString('en')} keys (the start-up memory bound assumes ${KEY_CACHE_BYTES_PER_KEY}: ` +
        `${bytes <= KEY_CACHE_BYTES_PER_KEY ? 'holds' : 'TOO LOW, raise KEY_CACHE_BYTES_PER_KEY'}); 100,000 keys ≈ ${((bytes * 100_000) / 2 ** 20).toFixed(0)} MiB`,
    ];
  } finally {
    await server.stop();
  }
}
