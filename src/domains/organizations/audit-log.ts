import DataLoader from 'dataloader';
import { z } from 'zod';
import type { Context } from '../../context.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { escapeLike } from '../../graphql/inputs.ts';
import { builder } from '../../graphql/builder.ts';
import { parseGlobalId, toGlobalId } from '../../graphql/ids.ts';
import { readableOrganizations, readsIn, readPermission, type GuardedType } from '../../authz/read-rules.ts';
import { OrganizationRef } from './types.ts';
import { UserRef } from '../users/types.ts';
import { changesWithGlobalIds } from './audit-global-ids.ts';
import { AUDIT_ACTIONS, type AuditAction } from '../audit/record.ts';

export const AuditActionEnum = builder.enumType('AuditAction', {
  description: 'What an audit event records.',
  values: AUDIT_ACTIONS,
});

export const AuditEventRef = builder.prismaNode('AuditEvent', {
  extensions: { requiresPermission: readPermission('AuditEvent') },
  description: 'One change in an organization: who, what, when, and the changed fields. OWNER and ADMIN only.',
  nullable: true,
  id: { field: 'id' },
  // Select mode: `changes` (JSON) is loaded only when selected (see WorkflowExecution).
  select: { id: true, organizationId: true },
  authScopes: (event, ctx) => readsIn(ctx, 'AuditEvent', event.organizationId),
  findUnique: (id, ctx) => ({ id, organization: readableOrganizations(ctx, 'AuditEvent') }),
  fields: (t) => ({
    action: t.field({ type: AuditActionEnum, select: { action: true }, resolve: (event) => event.action as AuditAction }),
    targetType: t.exposeString('targetType'),
    targetId: t.id({
      description: 'Global id of the target, of type `targetType` (it may no longer exist: `node(id:)` then answers null).',
      select: { targetType: true, targetId: true },
      resolve: (event) => toGlobalId(event.targetType, event.targetId),
    }),
    targetName: t.string({
      nullable: true,
      description:
        'What the target is called now (a key, project or workflow name, an endpoint description or URL, a member or invitation email), or, once deleted, what its deletion recorded. Null when it left no name or the caller may not read that kind of object.',
      select: { targetType: true, targetId: true, action: true, changes: true },
      resolve: (event, _args, ctx) => targetNames(ctx).load(`${event.targetType}:${event.targetId}`).then((name) => name ?? deletedName(event)),
    }),
    actor: t.prismaField({
      type: UserRef,
      nullable: true,
      select: { actorId: true },
      resolve: (query, event, _args, ctx) => (event.actorId ? ctx.prisma.user.findUnique({ ...query, where: { id: event.actorId } }) : null),
    }),
    actorLabel: t.exposeString('actorLabel', { description: 'Email or subject of the actor at the time.' }),
    changes: t.field({
      type: 'JSON',
      description: 'Changed fields, ids among them as global ids; never a secret or a hash.',
      select: { changes: true },
      resolve: (event) => changesWithGlobalIds(event.changes),
    }),
    requestId: t.exposeString('requestId', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const AuditEventFilter = builder.inputType('AuditEventFilter', {
  description: 'Narrows the audit log; all given conditions must hold.',
  fields: (t) => ({
    action: t.field({ type: AuditActionEnum }),
    targetType: t.string(),
    targetId: t.id({ description: 'A global id, as in `AuditEvent.targetId` (a database id also matches).' }),
    actorId: t.id({ description: 'Global id of a User.' }),
    targetName: t.string({
      description: `Events about API keys and webhook endpoints whose name contains this text (case-insensitive; an endpoint's description or URL), deleted ones included. At most ${MAX_NAMED_TARGETS} matching keys and endpoints are taken: be more specific beyond that.`,
      validate: z.string().max(100, 'must be at most 100 characters').nullish(),
    }),
  }),
});

const TARGET_TYPES = ['ApiKey', 'Project', 'Workflow', 'Member', 'Organization', 'WebhookEndpoint', 'Invitation'];
const DATABASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A target's global id, or its database id (a uuid); anything else is a ValidationError, not an empty log. */
function targetIdOf(value: string): string {
  if (DATABASE_ID.test(value)) return value.toLowerCase();
  return parseGlobalId(value, TARGET_TYPES, ['filter', 'targetId']);
}

type AuditFilter = {
  action?: AuditAction | null;
  targetType?: string | null;
  targetId?: string | number | null;
  actorId?: string | number | null;
  targetName?: string | null;
};

async function auditWhere(ctx: Context, organizationId: string, f: AuditFilter | null | undefined): Promise<Prisma.AuditEventWhereInput> {
  const where: Prisma.AuditEventWhereInput = { organizationId };
  const name = f?.targetName?.trim();
  if (name) where.OR = await namedTargets(ctx, organizationId, name);
  if (f?.action) where.action = f.action;
  if (f?.targetType) where.targetType = f.targetType;
  if (f?.targetId) where.targetId = targetIdOf(String(f.targetId));
  if (f?.actorId) where.actorId = parseGlobalId(String(f.actorId), 'User', ['filter', 'actorId']);
  return where;
}

builder.prismaObjectFields(OrganizationRef, (t) => ({
  auditEvents: t.prismaConnection({
    type: AuditEventRef,
    cursor: 'id',
    nullable: true,
    description: 'Every change in the organization, newest first. OWNER and ADMIN only (null with FORBIDDEN for others).',
    authScopes: (org, _args, ctx) => readsIn(ctx, 'AuditEvent', org.id),
    args: { filter: t.arg({ type: AuditEventFilter }) },
    resolve: (query, org, args, ctx) =>
      auditWhere(ctx, org.id, args.filter).then((where) =>
        ctx.prisma.auditEvent.findMany({ ...query, where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
      ),
    totalCount: async (org, args, ctx) =>
      ctx.prisma.auditEvent.count({ where: await auditWhere(ctx, org.id, (args as { filter?: AuditFilter }).filter) }),
  }),
}));

/** The most keys (and, separately, endpoints) a name filter matches; a longer list would make one huge query. */
const MAX_NAMED_TARGETS = 1000;

/**
 * Events whose target is an API key or webhook endpoint named like `text`: those that exist (by their name) and
 * deleted ones (by the name their deletion or creation recorded). Only kinds the caller may read are searched, so the
 * filter reveals no name the caller could not read anyway.
 */
async function namedTargets(ctx: Context, organizationId: string, text: string): Promise<Prisma.AuditEventWhereInput[]> {
  const like = { contains: escapeLike(text), mode: 'insensitive' as const };
  // Deleted targets keep only what their events recorded (JSON), hence the one raw query.
  const pattern = `%${escapeLike(text)}%`;
  const recorded = (type: string) =>
    ctx.prisma.$queryRaw<{ targetId: string }[]>`
      SELECT DISTINCT "targetId" FROM "AuditEvent"
      WHERE "organizationId" = ${organizationId}::uuid AND "targetType" = ${type}
        AND (changes->>'name' ILIKE ${pattern} OR changes->>'url' ILIKE ${pattern} OR changes->>'description' ILIKE ${pattern})
      LIMIT ${MAX_NAMED_TARGETS}`;
  const or: Prisma.AuditEventWhereInput[] = [];
  if (await readsIn(ctx, 'ApiKey', organizationId)) {
    const [keys, deleted] = await Promise.all([
      ctx.prisma.apiKey.findMany({ where: { organizationId, name: like }, select: { id: true }, take: MAX_NAMED_TARGETS }),
      recorded('ApiKey'),
    ]);
    or.push({ targetType: 'ApiKey', targetId: { in: [...new Set([...keys.map((k) => k.id), ...deleted.map((e) => e.targetId)])] } });
  }
  if (await readsIn(ctx, 'WebhookEndpoint', organizationId)) {
    const [endpoints, deleted] = await Promise.all([
      ctx.prisma.webhookEndpoint.findMany({
        where: { organizationId, OR: [{ description: like }, { url: like }] },
        select: { id: true },
        take: MAX_NAMED_TARGETS,
      }),
      recorded('WebhookEndpoint'),
    ]);
    or.push({ targetType: 'WebhookEndpoint', targetId: { in: [...new Set([...endpoints.map((e) => e.id), ...deleted.map((e) => e.targetId)])] } });
  }
  // Nothing the caller may search: no event matches (never "every event").
  return or.length ? or : [{ id: { in: [] } }];
}

/** Which guarded type an audit target is, and how to find the current names of several at once. */
const NAMERS: Record<string, { type: GuardedType; names: (ctx: Context, ids: string[]) => Promise<{ id: string; organizationId: string; name: string }[]> }> = {
  ApiKey: { type: 'ApiKey', names: (ctx, ids) => ctx.prisma.apiKey.findMany({ where: { id: { in: ids } }, select: { id: true, organizationId: true, name: true } }) },
  Project: { type: 'Project', names: (ctx, ids) => ctx.prisma.project.findMany({ where: { id: { in: ids } }, select: { id: true, organizationId: true, name: true } }) },
  Workflow: {
    type: 'Workflow',
    names: async (ctx, ids) =>
      (await ctx.prisma.workflow.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, project: { select: { organizationId: true } } } })).map(
        (w) => ({ id: w.id, name: w.name, organizationId: w.project.organizationId }),
      ),
  },
  Organization: { type: 'Organization', names: (ctx, ids) => ctx.prisma.organization.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }).then((rows) => rows.map((o) => ({ ...o, organizationId: o.id }))) },
  WebhookEndpoint: {
    type: 'WebhookEndpoint',
    names: async (ctx, ids) =>
      (await ctx.prisma.webhookEndpoint.findMany({ where: { id: { in: ids } }, select: { id: true, organizationId: true, description: true, url: true } })).map(
        (e) => ({ id: e.id, organizationId: e.organizationId, name: e.description || e.url }),
      ),
  },
  Member: {
    type: 'Member',
    names: async (ctx, ids) =>
      (await ctx.prisma.membership.findMany({ where: { id: { in: ids } }, select: { id: true, organizationId: true, user: { select: { email: true, name: true, subject: true } } } })).map(
        (m) => ({ id: m.id, organizationId: m.organizationId, name: m.user.email ?? m.user.name ?? m.user.subject }),
      ),
  },
  Invitation: {
    type: 'Invitation',
    names: async (ctx, ids) =>
      (await ctx.prisma.invitation.findMany({ where: { id: { in: ids } }, select: { id: true, organizationId: true, email: true } })).map((i) => ({ ...i, name: i.email })),
  },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const loaders = new WeakMap<object, DataLoader<string, string | null>>();

/** Current target names for one request: one query per kind of target on a page of events, whatever its length. */
function targetNames(ctx: Context): DataLoader<string, string | null> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (pairs) => {
      const byType = new Map<string, string[]>();
      for (const pair of pairs) {
        const [type, id] = pair.split(':');
        if (NAMERS[type] && UUID.test(id)) byType.set(type, [...(byType.get(type) ?? []), id]);
      }
      const names = new Map<string, string>();
      await Promise.all(
        [...byType].map(async ([type, ids]) => {
          for (const row of await NAMERS[type].names(ctx, ids)) {
            if (await readsIn(ctx, NAMERS[type].type, row.organizationId)) names.set(`${type}:${row.id}`, row.name);
          }
        }),
      );
      return pairs.map((pair) => names.get(pair) ?? null);
    });
    loaders.set(ctx, loader);
  }
  return loader;
}

/** The name an event of a deleted target recorded (a key's deletion records its name, an endpoint's its URL). */
function deletedName(event: { changes: Prisma.JsonValue }): string | null {
  const changes = event.changes as Record<string, unknown> | null;
  for (const field of ['name', 'description', 'url', 'email']) {
    const value = changes?.[field];
    if (typeof value === 'string' && value) return value;
  }
  return null;
}
