import type { AuthenticatedKey, Context } from '../context.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { MemberRole } from '../generated/prisma/enums.ts';
import { MEMBER_ROLES, roleAllows, type Permission } from './catalog.ts';
import { keyHolds, keyMay, projectsWith, workflowsWith, type Target } from './grants.ts';
import { keyReachesProject, projectReach } from './key-reach.ts';

/**
 * Who may read what: the one table behind every read of organization data (SECURITY.md, "Who can read what").
 *
 * Each guarded GraphQL type needs a permission of the catalog to be read (printed as `@requiresPermission` on the
 * type) and checks its objects against it wherever they appear (root field, `node`/`nodes`, mutation payload, nested
 * connection) through its type-level `authScopes`; lookups by id or slug use the same table as a database filter, so
 * an object the caller may not read is simply not found. A person holds the permission through their role; an API
 * key through its grants (narrowed to projects or workflows), within its reach, capped by its owner's role.
 *
 * A platform operator who is not a member reads an organization's descriptive fields and plan (what billing and
 * support need to find and change a plan) and nothing of its content: no members, projects, keys, executions
 * or audit events.
 */
type Rule = { permission: Permission; operator: boolean };

export const READ_RULES = {
  Organization: { permission: 'organization:read', operator: true },
  Member: { permission: 'member:read', operator: false },
  Project: { permission: 'project:read', operator: false },
  Workflow: { permission: 'workflow:read', operator: false },
  WorkflowExecution: { permission: 'execution:read', operator: false },
  ApiKey: { permission: 'api_key:read', operator: false },
  AuditEvent: { permission: 'audit:read', operator: false },
  WebhookEndpoint: { permission: 'webhook:read', operator: false },
  WebhookDelivery: { permission: 'webhook:read', operator: false },
  // Besides managers, the invited person reads their own invitation (invitations/rules.ts).
  Invitation: { permission: 'member:manage', operator: false },
} as const satisfies Record<string, Rule>;

export type GuardedType = keyof typeof READ_RULES;

/** The permission that reading objects of `type` needs (also printed on the type). */
export const readPermission = (type: GuardedType): Permission => READ_RULES[type].permission;

/** How the viewer stands towards one organization. */
export type Standing = { role: MemberRole | null; operator: boolean };

/** Pure: may a person with this standing read objects of `type` in the organization? */
export function canRead(type: GuardedType, standing: Standing): boolean {
  const rule: Rule = READ_RULES[type];
  if (standing.role && roleAllows(standing.role, rule.permission)) return true;
  return rule.operator && standing.operator;
}

/** Organizations in which the caller reads objects of `type` (somewhere), as a Prisma filter (for lookups and lists). */
export function readableOrganizations(ctx: Context, type: GuardedType): Prisma.OrganizationWhereInput {
  const rule: Rule = READ_RULES[type];
  const principal = ctx.principal;
  if (principal?.kind === 'apiKey') {
    return keyHolds(principal.key, rule.permission) ? { id: principal.key.organizationId } : { id: { in: [] } };
  }
  if (principal?.kind !== 'user') return { id: { in: [] } };
  if (rule.operator && principal.isOperator) return {};
  const roles = MEMBER_ROLES.filter((role) => roleAllows(role, rule.permission));
  return { memberships: { some: { userId: principal.user.id, role: { in: roles } } } };
}

/**
 * For a key, the projects in which it reads objects of `type`, as a filter on project ids (null: no narrowing, for
 * people and for keys whose grant covers their whole reach). Lists apply it, so they leave out what a key may not
 * read instead of failing; `workflowIds` are the workflows a grant narrowed to workflows adds.
 */
export function keyListFilter(ctx: Context, type: GuardedType): { projectIds: string[] | null; workflowIds: string[] } | null {
  const key = ctx.principal?.kind === 'apiKey' ? ctx.principal.key : null;
  if (!key) return null;
  const permission = READ_RULES[type].permission;
  return { projectIds: keyProjectsWith(key, permission), workflowIds: workflowsWith(key, permission) };
}

/** The projects of its reach in which a key holds `permission` (null: its whole reach, every project). */
export function keyProjectsWith(key: AuthenticatedKey, permission: Permission): string[] | null {
  const reach = projectReach(key);
  const granted = projectsWith(key, permission);
  return granted === null ? (reach.allProjects ? null : reach.projectIds) : granted.filter((id) => reach.allProjects || reach.projectIds.includes(id));
}

type RequestMemo = { standings: Map<string, Promise<Standing>>; projectOrgs: Map<string, Promise<string | null>> };
const memos = new WeakMap<object, RequestMemo>();

function memo(ctx: Context): RequestMemo {
  let m = memos.get(ctx);
  if (!m) memos.set(ctx, (m = { standings: new Map(), projectOrgs: new Map() }));
  return m;
}

/** The viewer's standing in an organization, loaded once per request (a key has no role: see readsIn). */
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

/**
 * Whether the caller reads objects of `type` in the organization (`target`: the project or workflow the object
 * belongs to, for a key narrowed to some of them).
 */
export async function readsIn(ctx: Context, type: GuardedType, organizationId: string, target: Target = {}): Promise<boolean> {
  const principal = ctx.principal;
  if (principal?.kind === 'apiKey') {
    const key = principal.key;
    if (key.organizationId !== organizationId) return false;
    if (target.projectId && !keyReachesProject(key, { id: target.projectId, organizationId })) return false;
    return keyMay(key, READ_RULES[type].permission, target);
  }
  return canRead(type, await standingIn(ctx, organizationId));
}

/** Whether the caller may act with `permission` on `target` in the organization (capability fields: `viewerCan…`). */
export async function mayIn(ctx: Context, permission: Permission, organizationId: string, target: Target = {}): Promise<boolean> {
  const principal = ctx.principal;
  if (principal?.kind === 'apiKey') return principal.key.organizationId === organizationId && keyMay(principal.key, permission, target);
  const { role } = await standingIn(ctx, organizationId);
  return role !== null && roleAllows(role, permission);
}

/**
 * Whether the caller may list objects of `type` in the organization at all: a person by role (as readsIn), a key when
 * it holds the read permission somewhere there. What a key may not read is then filtered out (keyListFilter), never
 * an error.
 */
export async function listsIn(ctx: Context, type: GuardedType, organizationId: string): Promise<boolean> {
  const principal = ctx.principal;
  if (principal?.kind === 'apiKey') return principal.key.organizationId === organizationId && keyHolds(principal.key, READ_RULES[type].permission);
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
export async function readsInProject(ctx: Context, type: GuardedType, projectId: string, workflowId?: string): Promise<boolean> {
  const organizationId = await organizationOfProject(ctx, projectId);
  return organizationId !== null && readsIn(ctx, type, organizationId, { projectId, workflowId });
}
