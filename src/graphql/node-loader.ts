import { brandWithType, isThenable } from '@pothos/core';
import { queryFromInfo } from '@pothos/plugin-prisma';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.ts';
import { ValidationError } from '../errors.ts';

/**
 * `node(id:)` and `nodes(ids:)` without a query per id (issue 22, F1).
 *
 * Pothos loads a Prisma node with one `findUnique` per id, and our `findUnique`s carry the tenant filter
 * (`{ id, organization: readableOrganizations(...) }`), which keeps Prisma from batching them: 15 aliases of
 * `nodes(100 ids)` were 1,500 queries. Here every id of a type asked for in one tick with the same selection is
 * loaded by one `findMany` whose filter is the type's own `findUnique` without its `id` — the same read rule, so an
 * object the viewer may not read is still simply not there (null, never FORBIDDEN), and the type-level `authScopes`
 * still run on every object returned, as on every other path to it.
 */

type GlobalId = { typename: string; id: string };
type Row = Record<string, unknown>;

/** What this module reads of a Prisma node type's Pothos config (set by `prismaNode`, see plugin-prisma). */
type PrismaNodeExtensions = {
  pothosPrismaModel?: string;
  pothosPrismaLoader?: (ctx: object) => { findUnique: (parent: Row, ctx: object) => Row | PromiseLike<Row> };
};

// Every node model's id is a `@db.Uuid` (prisma/schema.prisma). Anything else can only fail in the database, where
// one malformed id would fail the whole batch, other aliases' ids included: refused before, like parseGlobalId does.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const perRequest = new WeakMap<object, Map<string, NodeBatcher>>();

/**
 * The objects named by `ids`, in order; null for an id that is null, of a type that is not a Prisma node, or not
 * visible. `path` names the argument in the error for an id that cannot exist.
 *
 * Work per id is kept to a map lookup: 15 aliases of 100 ids are 1,500 ids, and a promise or a serialized selection
 * per id was most of what such a request allocated (see SECURITY.md, issue 22).
 */
export async function loadNodes(
  ctx: Context,
  info: GraphQLResolveInfo,
  ids: readonly (GlobalId | null | undefined)[],
  path: (index: number) => string[],
): Promise<(Row | null)[]> {
  const issues = ids.flatMap((id, index) => (id && !UUID.test(id.id) ? [{ path: path(index), message: 'is not a valid id' }] : []));
  if (issues.length) throw new ValidationError(issues);
  const idsByType = new Map<string, string[]>();
  for (const globalId of ids) {
    if (!globalId) continue;
    let list = idsByType.get(globalId.typename);
    if (!list) idsByType.set(globalId.typename, (list = []));
    list.push(globalId.id.toLowerCase());
  }
  const rowsByType = new Map<string, ReadonlyMap<string, Row | null>>();
  await Promise.all(
    [...idsByType].map(async ([typename, typeIds]) => {
      // One query per type and field, as Pothos' own loader plans it (it also records where nested fields' rows are).
      const query = await selectionFor(ctx, info, typename);
      if (query) rowsByType.set(typename, await batcherFor(ctx, info, typename, query).load(typeIds));
    }),
  );
  return ids.map((globalId) => (globalId && rowsByType.get(globalId.typename)?.get(globalId.id.toLowerCase())) ?? null);
}

/** The query Pothos' own node loader would make for this type at this field (it also records where nested rows are). */
function selectionFor(ctx: Context, info: GraphQLResolveInfo, typename: string) {
  if (!prismaNodeExtensions(info, typename)) return null;
  return queryFromInfo({ context: ctx, info, typeName: typename, awaitSelections: true });
}

function prismaNodeExtensions(info: GraphQLResolveInfo, typename: string) {
  const extensions = info.schema.getType(typename)?.extensions as PrismaNodeExtensions | undefined;
  const { pothosPrismaModel: model, pothosPrismaLoader: loader } = extensions ?? {};
  return model && loader ? { model, loader } : null;
}

/**
 * One batcher per type and selection, per request: aliases that select the same fields of a type share one query;
 * a row is only ever handed to a field that asked for what it was loaded with.
 */
function batcherFor(ctx: Context, info: GraphQLResolveInfo, typename: string, query: { select?: object; include?: object }) {
  let batchers = perRequest.get(ctx);
  if (!batchers) perRequest.set(ctx, (batchers = new Map()));
  const key = `${typename}\u0000${JSON.stringify(query, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))}`;
  let batcher = batchers.get(key);
  if (!batcher) batchers.set(key, (batcher = new NodeBatcher((batchIds) => loadBatch(ctx, info, typename, query, batchIds))));
  return batcher;
}

/**
 * Collects the ids every caller asks for while the current promise jobs run (as DataLoader does: the aliases of one
 * query all resolve in the same tick), loads them with one call, and keeps each row for the rest of the request.
 * Unlike DataLoader it hands a caller the whole id → row map through one promise, not one promise per id.
 */
class NodeBatcher {
  private readonly rows = new Map<string, Row | null>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private pending: { ids: string[]; done: Promise<void> } | null = null;

  constructor(private readonly loadMany: (ids: readonly string[]) => Promise<(Row | null)[]>) {}

  async load(ids: readonly string[]): Promise<ReadonlyMap<string, Row | null>> {
    const waits = new Set<Promise<void>>();
    for (const id of ids) {
      if (this.rows.has(id)) continue;
      let inFlight = this.inFlight.get(id);
      if (!inFlight) {
        const batch = this.pending ?? this.startBatch();
        batch.ids.push(id);
        this.inFlight.set(id, (inFlight = batch.done));
      }
      waits.add(inFlight);
    }
    for (const wait of waits) await wait;
    return this.rows;
  }

  private startBatch() {
    const ids: string[] = [];
    // Dispatched after the promise jobs already queued, like DataLoader's batch scheduling.
    const done = Promise.resolve()
      .then(() => new Promise<void>((resolve) => process.nextTick(resolve)))
      .then(async () => {
        this.pending = null;
        try {
          const rows = await this.loadMany(ids);
          ids.forEach((id, index) => this.rows.set(id, rows[index]));
        } finally {
          for (const id of ids) this.inFlight.delete(id);
        }
      });
    this.pending = { ids, done };
    return this.pending;
  }
}

async function loadBatch(
  ctx: Context,
  info: GraphQLResolveInfo,
  typename: string,
  query: { select?: object; include?: object },
  ids: readonly string[],
): Promise<(Row | null)[]> {
  const { model, loader } = prismaNodeExtensions(info, typename)!;
  const filter = await visibleWhere(loader(ctx), ctx, typename, ids[0]);
  const delegate = (ctx.prisma as unknown as Record<string, { findMany: (args: object) => Promise<Row[]> }>)[
    model.charAt(0).toLowerCase() + model.slice(1)
  ];
  const select = query.select && { ...query.select, id: true };
  const rows = await delegate.findMany({ ...query, ...(select ? { select } : {}), where: { AND: [{ id: { in: [...ids] } }, filter] } });
  const byId = new Map(rows.map((row) => [row.id as string, row]));
  return ids.map((id) => {
    const row = byId.get(id) ?? null;
    if (row) brandWithType(row, typename as never);
    return row;
  });
}

/**
 * The type's `findUnique` without its id: its read rule as one filter for many ids. A rule that depended on the id
 * (beyond `id` itself) could not be shared by a batch, and sharing it anyway could show what the rule hides: such a
 * type is refused (a schema error, found by any test of the type), never loaded with another id's filter.
 */
async function visibleWhere(loader: ReturnType<NonNullable<PrismaNodeExtensions['pothosPrismaLoader']>>, ctx: Context, typename: string, id: string) {
  const filterFor = async (forId: string) => {
    const where = loader.findUnique({ id: forId }, ctx);
    const { id: own, ...filter } = isThenable(where) ? await where : where;
    return own === forId ? filter : null;
  };
  const other = id === NIL_UUID ? MAX_UUID : NIL_UUID;
  const [filter, otherFilter] = await Promise.all([filterFor(id), filterFor(other)]);
  if (!filter || JSON.stringify(filter) !== JSON.stringify(otherFilter)) {
    throw new Error(`${typename}'s findUnique must be { id, ...filter } with a filter that does not depend on the id`);
  }
  return filter;
}

const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const MAX_UUID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';
