import type { Context } from '../context.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { MemberRole } from '../generated/prisma/enums.ts';

/**
 * Who may read what: the one table behind every read of organization data (SECURITY.md, "Who can read what").
 *
 * Each guarded GraphQL type checks its objects against this table wherever they appear (root field, `node`/`nodes`,
 * mutation payload, nested connection) through its type-level `authScopes`; lookups by id or slug use the same
 * table as a database filter, so an object the viewer may not read is simply not found.
 *
 * A platform operator who is not a member reads an organization's descriptive fields and plan (what billing and
 * support need to find and change a plan) and nothing of its content: no members, projects, keys, executions
 * or audit events.
 */
type Rule = { roles: readonly MemberRole[]; operator: boolean };

const ANY_MEMBER: readonly MemberRole[] = ['OWNER', 'ADMIN', 'MEMBER'];
const MANAGERS: readonly MemberRole[] = ['OWNER', 'ADMIN'];

export const READ_RULES = {
  Organization: { roles: ANY_MEMBER, operator: true },
  Member: { roles: ANY_MEMBER, operator: false },
  Project: { roles: ANY_MEMBER, operator: false },
  Workflow: { roles: ANY_MEMBER, operator: false },
  WorkflowExecution: { roles: ANY_MEMBER, operator: false },
  ApiKey: { roles: ANY_MEMBER, operator: false },
  AuditEvent: { roles: MANAGERS, operator: false },
  WebhookEndpoint: { roles: MANAGERS, operator: false },
  WebhookDelivery: { roles: MANAGERS, operator: false },
  // Besides these, the invited person reads their own invitation (invitations/rules.ts).
  Invitation: { roles: MANAGERS, operator: false },
} as const satisfies Record<string, Rule>;

export type GuardedType = keyof typeof READ_RULES;

/** How the viewer stands towards one organization. */
export type Standing = { role: MemberRole | null; operator: boolean };

/** Pure: may a viewer with this standing read objects of `type` in the organization? */
export function canRead(type: GuardedType, standing: Standing): boolean {
  const rule: Rule = READ_RULES[type];
  if (standing.role && rule.roles.includes(standing.role)) return true;
  return rule.operator && standing.operator;
}


/** Organizations in which the viewer reads objects of `type`, as a Prisma filter (for lookups and lists). */
export function readableOrganizations(ctx: Context, type: GuardedType): Prisma.OrganizationWhereInput {
  const rule: Rule = READ_RULES[type];
  if (ctx.principal?.kind !== 'user') return { id: { in: [] } };
  if (rule.operator && ctx.principal.isOperator) return {};
  return { memberships: { some: { userId: ctx.principal.user.id, role: { in: [...rule.roles] } } } };
}

type RequestMemo = { standings: Map<string, Promise<Standing>>; projectOrgs: Map<string, Promise<string | null>> };
const memos = new WeakMap<object, RequestMemo>();

function memo(ctx: Context): RequestMemo {
  let m = memos.get(ctx);
  if (!m) memos.set(ctx, (m = { standings: new Map(), projectOrgs: new Map() }));
  return m;
}

/** The viewer's standing in an organization, loaded once per request. */
export function standingIn(ctx: Context, organizationId: string): Promise<Standing> {
  const standings = memo(ctx).standings;
  let standing = standings.get(organizationId);
  if (!standing) {
    const principal = ctx.principal;
    standing =
      principal?.kind === 'user'
        ? ctx.prisma.membership
            .findUnique({ where: { organizationId_userId: { organizationId, userId: principal.user.id } }, select: { role: true } })
            .then((m) => ({ role: m?.role ?? null, operator: principal.isOperator }))
        : Promise.resolve({ role: null, operator: false });
    standings.set(organizationId, standing);
  }
  return standing;
}

/** The viewer's role in an organization (null when not a member). */
export async function viewerRole(ctx: Context, organizationId: string): Promise<MemberRole | null> {
  return (await standingIn(ctx, organizationId)).role;
}

/** Whether the viewer reads objects of `type` in the organization. */
export async function readsIn(ctx: Context, type: GuardedType, organizationId: string): Promise<boolean> {
  return canRead(type, await standingIn(ctx, organizationId));
}

/** The organization of a project, loaded once per request (objects below projects carry only `projectId`). */
export function organizationOfProject(ctx: Context, projectId: string): Promise<string | null> {
  const projectOrgs = memo(ctx).projectOrgs;
  let organizationId = projectOrgs.get(projectId);
  if (!organizationId) {
    organizationId = ctx.prisma.project
      .findUnique({ where: { id: projectId }, select: { organizationId: true } })
      .then((p) => p?.organizationId ?? null);
    projectOrgs.set(projectId, organizationId);
  }
  return organizationId;
}

/** Whether the viewer reads objects of `type` that belong to a project. */
export async function readsInProject(ctx: Context, type: GuardedType, projectId: string): Promise<boolean> {
  const organizationId = await organizationOfProject(ctx, projectId);
  return organizationId !== null && readsIn(ctx, type, organizationId);
}
