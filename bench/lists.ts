// The key-list row of `npm run bench` (BENCH_ONLY=lists, PostgreSQL): one organization grown to 10,000, 100,000 and
// 1,000,000 keys with SQL, and at each size every page the console and the API offer — each sort in both directions,
// each status and level filter, search by name and by prefix, the project view — timed through HTTP, first page and
// a later page through its cursor. Prints each figure beside the goal (≤ 30 ms at 1,000,000 keys) and the growth
// exponent from 10,000 to 1,000,000 (0 = flat, 1 = linear). BENCH_LISTS_SIZES overrides the sizes, e.g. "10000,100000".
import fs from 'node:fs';
import pg from 'pg';
import type { Context } from '../src/context.ts';
import { Prisma } from '../src/generated/prisma/client.ts';
import { keyPage, type KeyListArgs } from '../src/domains/api-keys/key-list.ts';

type Gql = (url: string, query: string, variables: unknown, authorization?: string) => Promise<Record<string, Record<string, unknown>>>;

export type ListsSetup = { url: string; databaseUrl: string; schema: string; owner: string; organizationId: string; projectId: string; gql: Gql };

/** The page a console user sees: the row fragment's cheap fields (the rest is measured elsewhere). */
export const ORG_PAGE = `query($org: ID!, $first: Int, $after: String, $filter: ApiKeyFilter, $orderBy: ApiKeyOrder) {
  node(id: $org) { ... on Organization { apiKeys(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    pageInfo { hasNextPage endCursor } edges { node { id name prefix status level expiresAt lastUsedAt createdAt } } } } } }`;
const PROJECT_PAGE = `query($project: ID!, $first: Int, $after: String, $filter: ApiKeyFilter, $orderBy: ApiKeyOrder) {
  node(id: $project) { ... on Project { apiKeys(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    pageInfo { hasNextPage endCursor } edges { node { id name prefix status level expiresAt lastUsedAt createdAt } } } } } }`;

type Variant = { name: string; project?: boolean; filter?: Record<string, unknown>; orderBy?: { field: string; direction: string } };

function variants(searchName: string, searchPrefix: string): Variant[] {
  const sorts = ['CREATED_AT', 'NAME', 'LAST_USED_AT', 'EXPIRES_AT'].flatMap((field) =>
    ['DESC', 'ASC'].map((direction) => ({ name: `sort ${field} ${direction}`, orderBy: { field, direction } })),
  );
  return [
    ...sorts,
    ...['ACTIVE', 'EXPIRED', 'REVOKED', 'INACTIVE'].map((status) => ({ name: `status ${status}`, filter: { status } })),
    { name: 'status EXPIRED, sort NAME ASC', filter: { status: 'EXPIRED' }, orderBy: { field: 'NAME', direction: 'ASC' } },
    { name: 'level ORGANIZATION', filter: { level: 'ORGANIZATION' } },
    { name: 'leaked', filter: { leaked: true } },
    { name: `search name "${searchName}"`, filter: { search: searchName } },
    { name: `search name "${searchName}", sort NAME ASC`, filter: { search: searchName }, orderBy: { field: 'NAME', direction: 'ASC' } },
    { name: 'search name "zzzz" (no match)', filter: { search: 'zzzz' } },
    { name: `search prefix "${searchPrefix}"`, filter: { search: searchPrefix } },
    { name: 'project view', project: true },
    { name: 'project view, sort NAME ASC', project: true, orderBy: { field: 'NAME', direction: 'ASC' } },
    { name: 'project view, status ACTIVE', project: true, filter: { status: 'ACTIVE' } },
  ];
}

const PROJECTS = 100;

/** The database id inside a global id (`base64url("Type:uuid")`). */
const dbId = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];

/**
 * Grows the organization to `total` keys with one INSERT … SELECT: 90 % project keys over 100 projects (one of them the
 * bench project), 10 % organization keys (half for all projects); a third never expire, a third expired, a third
 * expire later; 5 % revoked, 2 % inactive, 0.1 % leaked; half never used. Names are words and numbers, like people's.
 */
async function grow(client: pg.Client, organizationId: string, projectIds: string[], from: number, to: number) {
  await client.query(
    `INSERT INTO "ApiKey" (id, "organizationId", level, "projectId", "allProjects", name, "createdById", grants, "expiryPolicy",
        "expiresAt", status, "revokedAt", "publicId", "secretHash", "lastUsedAt", "leakedAt", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1::uuid,
        (CASE WHEN i % 10 = 0 THEN 'ORGANIZATION' ELSE 'PROJECT' END)::"ApiKeyLevel",
        CASE WHEN i % 10 = 0 THEN NULL ELSE ($2::uuid[])[1 + (i / 10) % ${PROJECTS}] END,
        i % 20 = 0,
        (ARRAY['billing','crm','ci','deploy','sync','export','import','backup','reports','search'])[1 + (i * 7) % 10]
          || '-' || substr(md5(i::text), 1, 6) || ' ' || i,
        (SELECT "createdById" FROM "ApiKey" WHERE "organizationId" = $1::uuid LIMIT 1),
        '[]'::jsonb,
        (CASE WHEN i % 3 = 0 THEN 'NEVER' ELSE 'CUSTOM' END)::"ExpiryPolicy",
        CASE WHEN i % 3 = 0 THEN NULL WHEN i % 3 = 1 THEN now() - (i % 997) * interval '1 hour' ELSE now() + (i % 991) * interval '1 hour' END,
        (CASE WHEN i % 20 = 1 THEN 'REVOKED' WHEN i % 50 = 2 THEN 'INACTIVE' ELSE 'ACTIVE' END)::"ApiKeyStatus",
        CASE WHEN i % 20 = 1 THEN now() END,
        'b' || substr(md5(i::text), 1, 11),
        'unused: seeded for the list benchmark',
        CASE WHEN i % 2 = 0 THEN now() - (i % 1009) * interval '1 minute' END,
        CASE WHEN i % 1000 = 3 THEN now() END,
        now() - i * interval '1 second', now()
     FROM generate_series($3::int, $4::int - 1) AS i`,
    [organizationId, projectIds, from, to],
  );
  await client.query(
    `INSERT INTO "ApiKeyProject" ("apiKeyId", "projectId")
     SELECT k.id, ($2::uuid[])[1 + (abs(hashtext(k.id::text)) % ${PROJECTS})] FROM "ApiKey" k
     WHERE k."organizationId" = $1::uuid AND k.level = 'ORGANIZATION' AND NOT k."allProjects" AND k."publicId" LIKE 'b%'
       AND NOT EXISTS (SELECT 1 FROM "ApiKeyProject" p WHERE p."apiKeyId" = k.id)`,
    [organizationId, projectIds],
  );
  await client.query('ANALYZE "ApiKeyProject"');
}

async function timePage(setup: ListsSetup, v: Variant, after?: string): Promise<{ ms: number; endCursor?: string; count: number }> {
  const vars = { org: setup.organizationId, project: setup.projectId, first: 20, after, filter: v.filter, orderBy: v.orderBy };
  const started = performance.now();
  const data = await setup.gql(setup.url, v.project ? PROJECT_PAGE : ORG_PAGE, vars, setup.owner);
  const ms = performance.now() - started;
  const keys = (data.node as { apiKeys: { pageInfo: { endCursor?: string }; edges: unknown[] } }).apiKeys;
  return { ms, endCursor: keys.pageInfo.endCursor ?? undefined, count: keys.edges.length };
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

/** Median of 5 of the first page and of the third page (reached through cursors), per variant. */
async function measure(setup: ListsSetup, list: Variant[]) {
  const out = new Map<string, { first: number; later: number; rows: number; thirdPage?: string }>();
  for (const v of list) {
    await timePage(setup, v); // warm-up: plans cached, connections open
    const first: number[] = [];
    const later: number[] = [];
    let rows = 0;
    let thirdPage: string | undefined;
    for (let i = 0; i < 5; i++) {
      const one = await timePage(setup, v);
      first.push(one.ms);
      rows = one.count;
      if (one.endCursor) {
        const two = await timePage(setup, v, one.endCursor);
        if (two.endCursor) later.push((await timePage(setup, v, two.endCursor)).ms);
        thirdPage = two.endCursor;
      }
    }
    out.set(v.name, { first: median(first), later: later.length ? median(later) : NaN, rows, thirdPage });
  }
  return out;
}

/**
 * The SQL the server runs for a page (keyPage with a context that runs its queries here and keeps the last), explained on the seeded
 * database: what `BENCH_LISTS_EXPLAIN=file.md` writes, the plans behind the table's figures.
 */
async function explainPage(client: pg.Client, organizationId: string, projectId: string, v: Variant, after?: string): Promise<string> {
  let captured: Prisma.Sql | undefined;
  // $queryRaw is called with a Prisma.Sql or as a tagged template.
  const run = async (first: Prisma.Sql | TemplateStringsArray, ...values: unknown[]) => {
    const query = first instanceof Prisma.Sql ? first : Prisma.sql(first, ...values);
    captured = query;
    return (await client.query(query.text, query.values as unknown[])).rows;
  };
  const ctx = { prisma: { $queryRaw: run }, clock: { now: () => new Date() }, principal: null } as unknown as Context;
  const args: KeyListArgs = { filter: v.filter as KeyListArgs['filter'], orderBy: v.orderBy };
  await keyPage(ctx, { organizationId, projectId: v.project ? projectId : undefined }, args, { limit: 21, inverted: false, after });
  const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${captured!.text}`, captured!.values as unknown[]);
  return plan.rows.map((r) => r['QUERY PLAN']).join('\n');
}

export async function listsBench(setup: ListsSetup): Promise<void> {
  const sizes = (process.env.BENCH_LISTS_SIZES ?? '10000,100000,1000000').split(',').map(Number);
  const client = new pg.Client({ connectionString: setup.databaseUrl });
  await client.connect();
  try {
    await client.query(`SET search_path TO "${setup.schema}"`);
    const organizationId = dbId(setup.organizationId);
    const benchProjectId = dbId(setup.projectId);
    const projects = await client.query<{ id: string }>(`SELECT id FROM "Project" WHERE "organizationId" = $1`, [organizationId]);
    const projectIds = [benchProjectId, ...projects.rows.map((r) => r.id).filter((id) => id !== benchProjectId)];
    for (let i = projectIds.length; i < PROJECTS; i++) {
      const created = await client.query<{ id: string }>(
        `INSERT INTO "Project" (id, "organizationId", name, slug, "createdAt", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, now(), now()) RETURNING id`,
        [organizationId, `Project ${i}`, `project-${i}`],
      );
      projectIds.push(created.rows[0].id);
    }
    const searchName = 'sync-3';
    const searchPrefix = 'ksk_be10adc'; // the visible prefix of key 123456 (public ids: 'b' and md5 hex, random as real ones)
    const list = variants(searchName, searchPrefix);
    const results: { size: number; figures: Awaited<ReturnType<typeof measure>> }[] = [];
    let have = 0;
    for (const size of sizes) {
      const started = performance.now();
      const batch = 250_000;
      // The secondary indexes are built once after each batch of rows (as a bulk load would) rather than row by row.
      const indexes = await client.query<{ indexname: string; indexdef: string }>(
        `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = 'ApiKey' AND indexdef NOT LIKE 'CREATE UNIQUE%'`,
        [setup.schema],
      );
      for (const index of indexes.rows) await client.query(`DROP INDEX "${index.indexname}"`);
      for (let from = have; from < size; from += batch) await grow(client, organizationId, projectIds, from, Math.min(size, from + batch));
      for (const index of indexes.rows) await client.query(index.indexdef);
      await client.query('ANALYZE "ApiKey"');
      console.error(`  lists: ${size.toLocaleString('en')} keys seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      have = size;
      results.push({ size, figures: await measure(setup, list) });
    }
    const first = results[0];
    const last = results[results.length - 1];
    const exponent = (a: number, b: number) => Math.log(b / a) / Math.log(last.size / first.size);
    console.log(`\nKey lists — one organization, first page and third page (cursor) of 20, median of 5, ms (goal at ${last.size.toLocaleString('en')} keys: ≤ 30 ms, flat)`);
    console.table(
      list.map((v) => {
        const row: Record<string, string> = { page: v.name };
        for (const r of results) {
          const f = r.figures.get(v.name)!;
          row[`${r.size / 1000}k first`] = f.first.toFixed(1);
          row[`${r.size / 1000}k later`] = Number.isNaN(f.later) ? '-' : f.later.toFixed(1);
        }
        const a = first.figures.get(v.name)!;
        const b = last.figures.get(v.name)!;
        row.exponent = results.length > 1 ? exponent(a.first, b.first).toFixed(2) : '-';
        row.goal = Math.max(b.first, Number.isNaN(b.later) ? 0 : b.later) <= 30 ? 'MET' : 'NOT MET';
        return row;
      }),
    );
    const explainFile = process.env.BENCH_LISTS_EXPLAIN;
    if (explainFile) {
      const sections = [`# Key list page plans at ${last.size.toLocaleString('en')} keys in one organization\n\nWritten by \`BENCH_ONLY=lists BENCH_LISTS_EXPLAIN=${explainFile} npm run bench\` (PostgreSQL, ${new Date().toISOString().slice(0, 10)}): \`EXPLAIN (ANALYZE, BUFFERS)\` of the SQL \`keyPage\` (src/domains/api-keys/key-list.ts) builds for each page of the table, first page and third page.\n`];
      for (const v of list) {
        const f = last.figures.get(v.name)!;
        sections.push(`## ${v.name}\n\nFirst page:\n\n\`\`\`\n${await explainPage(client, organizationId, benchProjectId, v)}\n\`\`\`\n`);
        if (f.thirdPage) sections.push(`Third page:\n\n\`\`\`\n${await explainPage(client, organizationId, benchProjectId, v, f.thirdPage)}\n\`\`\`\n`);
      }
      fs.writeFileSync(explainFile, sections.join('\n'));
      console.error(`  lists: plans written to ${explainFile}`);
    }
  } finally {
    await client.end();
  }
}
