import DataLoader from 'dataloader';
import type { Context } from '../context.ts';
import type { Prisma, Project, Workflow } from '../generated/prisma/client.ts';
import type { MemberRole } from '../generated/prisma/enums.ts';

/**
 * Batched reads shared by one request, so that a list of keys costs a fixed number of queries however long it is:
 * the workflows that narrowed scopes name, and the projects of an organization (what "all projects" reaches).
 * Authorization stays with the GraphQL types that these rows are returned as.
 */
type Loaders = {
  workflows: DataLoader<string, Workflow | null>;
  organizationProjects: DataLoader<string, Project[]>;
  projects: DataLoader<string, Project | null>;
  /** Keys a user owns in an organization (`<organizationId>:<userId>`) that still authenticate (not revoked or expired). */
  workingKeysOwned: DataLoader<string, number>;
  /** Keys of an organization that work right now (ACTIVE, not expired, not past a rotation's grace period). */
  workingKeys: DataLoader<string, number>;
  /** A user's role in an organization (`<organizationId>:<userId>`), null when not a member. */
  memberRoles: DataLoader<string, MemberRole | null>;
  /** Execution payloads by execution id, loaded only for the executions whose `payload` is selected. */
  executionPayloads: DataLoader<string, Prisma.JsonValue | null>;
};

const perRequest = new WeakMap<object, Loaders>();

export function requestLoaders(ctx: Context): Loaders {
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    loaders = {
      workflows: new DataLoader(async (ids) => {
        const rows = await ctx.prisma.workflow.findMany({ where: { id: { in: [...ids] } } });
        const byId = new Map(rows.map((w) => [w.id, w]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
      organizationProjects: new DataLoader(async (organizationIds) => {
        const rows = await ctx.prisma.project.findMany({
          where: { organizationId: { in: [...organizationIds] } },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        });
        return organizationIds.map((id) => rows.filter((p) => p.organizationId === id));
      }),
      projects: new DataLoader(async (ids) => {
        const rows = await ctx.prisma.project.findMany({ where: { id: { in: [...ids] } } });
        const byId = new Map(rows.map((p) => [p.id, p]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
      workingKeysOwned: new DataLoader(async (pairs) => {
        const split = pairs.map((pair) => pair.split(':') as [string, string]);
        const now = ctx.clock.now();
        const rows = await ctx.prisma.apiKey.groupBy({
          by: ['organizationId', 'ownerId'],
          where: {
            OR: split.map(([organizationId, ownerId]) => ({ organizationId, ownerId })),
            status: { not: 'REVOKED' },
            AND: [{ OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }, { OR: [{ graceEndsAt: null }, { graceEndsAt: { gt: now } }] }],
          },
          _count: { _all: true },
        });
        const byPair = new Map(rows.map((r) => [`${r.organizationId}:${r.ownerId}`, r._count._all]));
        return pairs.map((pair) => byPair.get(pair) ?? 0);
      }),
      workingKeys: new DataLoader(async (organizationIds) => {
        const now = ctx.clock.now();
        const rows = await ctx.prisma.apiKey.groupBy({
          by: ['organizationId'],
          where: {
            organizationId: { in: [...organizationIds] },
            status: 'ACTIVE',
            AND: [{ OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }, { OR: [{ graceEndsAt: null }, { graceEndsAt: { gt: now } }] }],
          },
          _count: { _all: true },
        });
        const byOrganization = new Map(rows.map((r) => [r.organizationId, r._count._all]));
        return organizationIds.map((id) => byOrganization.get(id) ?? 0);
      }),
      memberRoles: new DataLoader(async (pairs) => {
        const split = pairs.map((pair) => pair.split(':') as [string, string]);
        const rows = await ctx.prisma.membership.findMany({
          where: { OR: split.map(([organizationId, userId]) => ({ organizationId, userId })) },
          select: { organizationId: true, userId: true, role: true },
        });
        const byPair = new Map(rows.map((m) => [`${m.organizationId}:${m.userId}`, m.role]));
        return pairs.map((pair) => byPair.get(pair) ?? null);
      }),
      // Not cached: the response holds each payload once already.
      executionPayloads: new DataLoader(
        async (ids) => {
          const rows = await ctx.prisma.workflowExecution.findMany({ where: { id: { in: [...ids] } }, select: { id: true, payload: true } });
          const byId = new Map(rows.map((e) => [e.id, e.payload]));
          return ids.map((id) => byId.get(id) ?? null);
        },
        { cache: false },
      ),
    };
    perRequest.set(ctx, loaders);
  }
  return loaders;
}

/** Oldest first, as every list of projects and workflows in the schema. */
export function byCreation<T extends { createdAt: Date; id: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}
