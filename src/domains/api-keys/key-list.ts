import type { Context } from '../../context.ts';
import { ValidationError } from '../../errors.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import type { ApiKeyLevel } from '../../generated/prisma/enums.ts';
import { escapeLike } from '../../graphql/inputs.ts';
import { keyListFilter } from '../../authz/read-rules.ts';
import { publicIdSearchTerm } from '../../lib/key-format.ts';

// The organization's and the project's key lists: one filter and one keyset page query for both, in SQL, so that a
// page is an index range scan whatever the organization's size (indexes: prisma/schema.prisma, model ApiKey).
//
// - Keyset, not offset: a cursor carries the sort value and the id of its row, so a page starts where the last one
//   ended even when keys were created or deleted in between (a deleted cursor row is no problem: its values are in the
//   cursor), and page 5,000 costs what page 1 costs.
// - A nullable sort column (last used, expiry) puts keys without a value last in both directions. PostgreSQL cannot
//   seek `(v, id) > (…) OR v IS NULL` in one index range, so the page is two ranges of the same index — keys with a
//   value, then keys without — each limited, and merged.

/** A key list's filter and order, with ids already decoded. */
export type KeyListArgs = {
  filter?: {
    level?: ApiKeyLevel | null;
    status?: string | null;
    /** Keys that reach this project (one of another organization, or none, reaches no key). */
    projectId?: string;
    search?: string | null;
    leaked?: boolean | null;
  } | null;
  orderBy?: { field: string; direction: string } | null;
};

/** Which keys a list starts from: the whole organization, or the keys that reach one of its projects. */
export type KeyListBase = { organizationId: string; projectId?: string };

type SortField = 'CREATED_AT' | 'NAME' | 'LAST_USED_AT' | 'EXPIRES_AT';
const COLUMNS: Record<SortField, { column: string; nullable: boolean; type: 'date' | 'text' }> = {
  CREATED_AT: { column: 'createdAt', nullable: false, type: 'date' },
  NAME: { column: 'name', nullable: false, type: 'text' },
  LAST_USED_AT: { column: 'lastUsedAt', nullable: true, type: 'date' },
  EXPIRES_AT: { column: 'expiresAt', nullable: true, type: 'date' },
};

type Order = { field: SortField; descending: boolean };

function orderOf(args: KeyListArgs): Order {
  const field = (args.orderBy?.field ?? 'CREATED_AT') as SortField;
  return { field: field in COLUMNS ? field : 'CREATED_AT', descending: args.orderBy?.direction !== 'ASC' };
}

/** Where a row stands in its list: the sort value (null: the keys without one, listed last) and the id. */
type Position = { value: string | Date | null; id: string };
/** A key list's row as the page query returns it. */
export type PageRow = { id: string; value: string | Date | null };

// ——— Cursors: opaque to clients, `base64url(JSON [field, direction, value, id])` ———

export function keyCursor(args: KeyListArgs, row: PageRow): string {
  const { field, descending } = orderOf(args);
  const value = row.value instanceof Date ? row.value.toISOString() : row.value;
  return Buffer.from(JSON.stringify([field, descending ? 'DESC' : 'ASC', value, row.id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function parseCursor(cursor: string, argument: 'after' | 'before', order: Order): Position {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const invalid = () => ValidationError.field(argument, 'is not a cursor of this list: pass an `endCursor`/`startCursor` the list returned');
  if (!Array.isArray(parsed) || parsed.length !== 4) throw invalid();
  const [field, direction, value, id] = parsed as unknown[];
  if (typeof id !== 'string' || !UUID.test(id) || (value !== null && typeof value !== 'string')) throw invalid();
  if (field !== order.field || direction !== (order.descending ? 'DESC' : 'ASC')) {
    throw ValidationError.field(argument, `belongs to the list sorted by ${String(field)} ${String(direction)}: page with the same orderBy, or start again without a cursor`);
  }
  const column = COLUMNS[order.field];
  if (value === null) {
    if (!column.nullable) throw invalid();
    return { value: null, id };
  }
  if (column.type === 'text') return { value, id };
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw invalid();
  return { value: date, id };
}

// ——— The filter: the same for the page, the count and both views ———

function statusSql(status: string, now: Date): Prisma.Sql {
  if (status === 'REVOKED') return Prisma.sql`k.status = 'REVOKED'`;
  if (status === 'EXPIRED') return Prisma.sql`k.status <> 'REVOKED' AND (k."expiresAt" <= ${now} OR k."graceEndsAt" <= ${now})`;
  const stored = status === 'INACTIVE' ? 'INACTIVE' : 'ACTIVE';
  return Prisma.sql`k.status = ${stored}::"ApiKeyStatus" AND (k."expiresAt" IS NULL OR k."expiresAt" > ${now}) AND (k."graceEndsAt" IS NULL OR k."graceEndsAt" > ${now})`;
}

/**
 * Keys that reach a project: its own, and organization keys for all projects or selecting it. The caller has made sure
 * that the project belongs to the organization.
 */
function reachesProjectSql(projectId: string): Prisma.Sql {
  return Prisma.sql`(k."projectId" = ${projectId}::uuid OR (k.level = 'ORGANIZATION' AND (k."allProjects"
    OR EXISTS (SELECT 1 FROM "ApiKeyProject" a WHERE a."apiKeyId" = k.id AND a."projectId" = ${projectId}::uuid))))`;
}

/**
 * The keys that reach a project, as two sets each read in its own index's order (a page takes the first rows of each
 * and merges them): the project's own keys, and the organization's organization-level keys that reach it.
 */
function reachingProjectBranches(organizationId: string, projectId: string): Prisma.Sql[] {
  return [
    Prisma.sql`k."projectId" = ${projectId}::uuid`,
    Prisma.sql`k."organizationId" = ${organizationId}::uuid AND k.level = 'ORGANIZATION' AND (k."allProjects"
      OR EXISTS (SELECT 1 FROM "ApiKeyProject" a WHERE a."apiKeyId" = k.id AND a."projectId" = ${projectId}::uuid))`,
  ];
}

/** Trigrams need three characters: a shorter search term matches too many keys for an index to help. */
const TRIGRAM = 3;

/**
 * A list's keys as one or more disjoint sets of `"ApiKey" k` (each a full condition: its own and the filter's), the same
 * for the page and the count.
 */
type ListSource = { branches: Prisma.Sql[]; search: boolean };

async function listSource(ctx: Context, base: KeyListBase, args: KeyListArgs): Promise<ListSource> {
  const f = args.filter;
  let projectId = base.projectId;
  const and: Prisma.Sql[] = [];
  if (f?.projectId) {
    // A project of another organization (or none) reaches none of this organization's keys.
    const project = await ctx.prisma.project.findFirst({ where: { id: f.projectId, organizationId: base.organizationId }, select: { id: true } });
    if (!project) and.push(Prisma.sql`FALSE`);
    else if (!projectId) projectId = project.id; // the organization's list narrowed to a project is that project's list
    else if (project.id !== projectId) and.push(reachesProjectSql(project.id));
  }
  const branches = projectId ? reachingProjectBranches(base.organizationId, projectId) : [Prisma.sql`k."organizationId" = ${base.organizationId}::uuid`];
  // A key narrowed to some projects reads only those projects' own keys.
  const readable = keyListFilter(ctx, 'ApiKey');
  if (readable?.projectIds) and.push(Prisma.sql`k."projectId" = ANY(${readable.projectIds}::uuid[])`);
  if (f?.level) and.push(Prisma.sql`k.level = ${f.level}::"ApiKeyLevel"`);
  if (f?.status) and.push(statusSql(f.status, ctx.clock.now()));
  if (f?.leaked != null) and.push(f.leaked ? Prisma.sql`k."leakedAt" IS NOT NULL` : Prisma.sql`k."leakedAt" IS NULL`);
  const search = f?.search?.trim();
  if (search) {
    // Name anywhere, case-insensitive; the visible prefix from its start (both served by trigram indexes).
    and.push(Prisma.sql`(k.name ILIKE ${`%${escapeLike(search)}%`} OR k."publicId" LIKE ${`${escapeLike(publicIdSearchTerm(search))}%`})`);
  }
  return { branches: branches.map((branch) => Prisma.join([branch, ...and], ' AND ')), search: (search?.length ?? 0) >= TRIGRAM };
}

/**
 * Up to this many matches a search orders its matches; beyond, it walks the sort index. In name order the matches of a
 * name search cluster (names that start alike), so the walk can cross most of the organization: ordering 20,000
 * matches costs less than that. In other orders matches are spread out and the walk finds a page quickly.
 */
const FEW_MATCHES = { inNameOrder: 20_000, otherwise: 2_000 };

/** Whether a search matches at most `few` keys (counting stops there). */
async function fewMatches(ctx: Context, source: ListSource, few: number): Promise<boolean> {
  const [row] = await ctx.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM (${keysOf(source, Prisma.sql`1`)} LIMIT ${few + 1}) m`;
  return Number(row.n) <= few;
}

/** `SELECT <columns> FROM "ApiKey" k WHERE …` over every branch of a list. */
function keysOf(source: ListSource, columns: Prisma.Sql): Prisma.Sql {
  return Prisma.join(source.branches.map((where) => Prisma.sql`SELECT ${columns} FROM "ApiKey" k WHERE ${where}`), ' UNION ALL ');
}

/** The number of keys a list would show over all its pages. */
export async function countKeys(ctx: Context, base: KeyListBase, args: KeyListArgs): Promise<number> {
  const source = await listSource(ctx, base, args);
  const [row] = await ctx.prisma.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM (${keysOf(source, Prisma.sql`1`)}) k`;
  return Number(row.count);
}

// ——— One page ———

export type PageRequest = { after?: string; before?: string; limit: number; inverted: boolean };

/**
 * The ids (with their sort values) of one page, in the order the page is read: the list's order, or the reverse when
 * `inverted` (the caller asked for the last rows before a cursor: `resolveCursorConnection` turns them round).
 */
export async function keyPage(ctx: Context, base: KeyListBase, args: KeyListArgs, page: PageRequest): Promise<PageRow[]> {
  const order = orderOf(args);
  const { column, nullable, type } = COLUMNS[order.field];
  const after = page.after ? parseCursor(page.after, 'after', order) : null;
  const before = page.before ? parseCursor(page.before, 'before', order) : null;
  const source = await listSource(ctx, base, args);
  const col = Prisma.raw(`k."${column}"`);
  // Reading direction: the list's, or its reverse for an inverted page.
  const descending = order.descending !== page.inverted;
  const dir = Prisma.raw(descending ? 'DESC' : 'ASC');
  /** Rows beyond `p` in the list's order (`later`) or before it, among rows that have a value. */
  const typed = (p: Position) => (type === 'date' ? Prisma.sql`${p.value}::timestamptz` : Prisma.sql`${p.value}::text`);
  const seek = (p: Position, later: boolean) =>
    later === !order.descending ? Prisma.sql`(${col}, k.id) > (${typed(p)}, ${p.id}::uuid)` : Prisma.sql`(${col}, k.id) < (${typed(p)}, ${p.id}::uuid)`;
  const seekId = (p: Position, later: boolean) => (later === !order.descending ? Prisma.sql`k.id > ${p.id}::uuid` : Prisma.sql`k.id < ${p.id}::uuid`);

  // Segment 0: rows with a value; segment 1: rows without (nullable columns only), listed after segment 0.
  const segments: { index: number; conditions: Prisma.Sql[] }[] = [];
  for (const index of nullable ? [0, 1] : [0]) {
    const conditions: Prisma.Sql[] = [];
    if (nullable) conditions.push(index === 0 ? Prisma.sql`${col} IS NOT NULL` : Prisma.sql`${col} IS NULL`);
    let empty = false;
    for (const [cursor, later] of [[after, true], [before, false]] as const) {
      if (!cursor) continue;
      const cursorSegment = cursor.value === null ? 1 : 0;
      if (cursorSegment === index) conditions.push(index === 0 ? seek(cursor, later) : seekId(cursor, later));
      // A whole segment is past the cursor (kept) or short of it (dropped).
      else if ((index > cursorSegment) !== later) empty = true;
    }
    if (!empty) segments.push({ index, conditions });
  }
  if (page.inverted) segments.reverse();
  if (segments.length === 0) return [];

  const limit = page.limit;
  // A search that matches few keys finds them through the trigram indexes, then orders only those (FEW_MATCHES); one
  // that matches many walks the sort index, without ordering them all.
  const few = source.search && (await fewMatches(ctx, source, order.field === 'NAME' ? FEW_MATCHES.inNameOrder : FEW_MATCHES.otherwise));
  const matches = few ? Prisma.sql`WITH matches AS MATERIALIZED (${keysOf(source, Prisma.sql`k.id, ${col}`)}) ` : Prisma.empty;
  // One ordered, limited read per segment and per branch; the page merges them.
  const sets = few ? [{ from: Prisma.sql`matches k`, where: Prisma.sql`TRUE` }] : source.branches.map((where) => ({ from: Prisma.sql`"ApiKey" k`, where }));
  const parts = segments.flatMap(({ conditions }, position) =>
    sets.map(
      ({ from, where }) => Prisma.sql`SELECT k.id, ${col} AS value, ${position}::int AS part FROM ${from}
        WHERE ${Prisma.join([where, ...conditions], ' AND ')} ORDER BY ${col} ${dir}, k.id ${dir} LIMIT ${limit}`,
    ),
  );
  const query =
    parts.length === 1
      ? Prisma.sql`${matches}${parts[0]}`
      : Prisma.sql`${matches}SELECT id, value FROM (${Prisma.join(parts.map((part) => Prisma.sql`(${part})`), ' UNION ALL ')}) AS page
          ORDER BY part, value ${dir}, id ${dir} LIMIT ${limit}`;
  return ctx.prisma.$queryRaw<PageRow[]>(query);
}
