import { brandWithType, isThenable } from '@pothos/core';
import { queryFromInfo } from '@pothos/plugin-prisma';
import DataLoader from 'dataloader';
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

const perRequest = new WeakMap<object, Map<string, DataLoader<string, Row | null>>>();

/**
 * The objects named by `ids`, in order; null for an id that is null, of a type that is not a Prisma node, or not
 * visible. `path` names the argument in the error for an id that cannot exist.
 */
export async function loadNodes(
  ctx: Context,
  info: GraphQLResolveInfo,
  ids: readonly (GlobalId | null | undefined)[],
  path: (index: number) => string[],
): Promise<(Row | null)[]> {
  const issues = ids.flatMap((id, index) => (id && !UUID.test(id.id) ? [{ path: path(index), message: 'is not a valid id' }] : []));
  if (issues.length) throw new ValidationError(issues);
  const queries = new Map<string, ReturnType<typeof selectionFor>>();
  return Promise.all(
    ids.map(async (globalId) => {
      if (!globalId) return null;
      const { typename } = globalId;
      // One query per type and field, as Pothos' own loader plans it (it records where each nested field's rows are).
      let query = queries.get(typename);
      if (!query) queries.set(typename, (query = selectionFor(ctx, info, typename)));
      const settled = await query;
      if (!settled) return null;
      return loaderFor(ctx, info, typename, settled).load(globalId.id.toLowerCase());
    }),
  );
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
 * One loader per type and selection, per request: aliases that select the same fields of a type share one query;
 * a row is only ever handed to a field that asked for what it was loaded with.
 */
function loaderFor(ctx: Context, info: GraphQLResolveInfo, typename: string, query: { select?: object; include?: object }) {
  let loaders = perRequest.get(ctx);
  if (!loaders) perRequest.set(ctx, (loaders = new Map()));
  const key = `${typename}\u0000${JSON.stringify(query, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))}`;
  let loader = loaders.get(key);
  if (!loader) {
    loader = new DataLoader((ids) => loadBatch(ctx, info, typename, query, ids));
    loaders.set(key, loader);
  }
  return loader;
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
