import { z } from 'zod';
import type { AuthenticatedKey } from '../context.ts';
import { isPermission, PERMISSION_NAMES, PERMISSIONS, ROLE_PERMISSIONS, SERVICE_KEY_CEILING, withImplied, type Level, type Permission } from './catalog.ts';

/**
 * A key's grants: each a permission of the catalog and where it applies. `projectIds: null` = every project the key
 * reaches (now and later); `workflowIds: null` = every workflow in those projects. Pure rules, no I/O.
 */
export type Grant = { permission: Permission; projectIds: string[] | null; workflowIds: string[] | null };

/** Most projects or workflows one grant may be narrowed to (also the bound the query cost counts for its lists). */
export const MAX_SCOPE_WORKFLOWS = 100;

/** Shape of the `ApiKey.grants` JSON column; parsed on read so that a bad row can never widen access. */
const storedGrant = z.object({
  permission: z.string(),
  projectIds: z.array(z.string()).nullable(),
  workflowIds: z.array(z.string()).nullable(),
});

export function parseStoredGrants(value: unknown): Grant[] {
  const parsed = z.array(storedGrant).safeParse(value);
  if (!parsed.success) return [];
  return parsed.data.filter((g): g is Grant => isPermission(g.permission));
}

/** The level a grant is narrowed to: where it applies. */
export function grantLevel(grant: Pick<Grant, 'projectIds' | 'workflowIds'>): Level {
  return grant.workflowIds ? 'WORKFLOW' : grant.projectIds ? 'PROJECT' : 'ORGANIZATION';
}

// The two scopes keys had before the catalog: kept in the API for one version (deprecated), mapped to permissions.
export const API_KEY_SCOPES = ['TRIGGER_WORKFLOWS', 'READ_EXECUTIONS'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
export const SCOPE_PERMISSION: Record<ApiKeyScope, Permission> = { TRIGGER_WORKFLOWS: 'workflow:trigger', READ_EXECUTIONS: 'execution:read' };
/** A scope grant as the deprecated `scopes` fields show it. */
export type ScopeGrant = { scope: ApiKeyScope; workflowIds: string[] | null };

/** The deprecated view of grants: the ones that were scopes, over the whole reach or named workflows. */
export function scopesOf(grants: readonly Grant[]): ScopeGrant[] {
  return API_KEY_SCOPES.flatMap((scope) =>
    grants
      .filter((g) => g.permission === SCOPE_PERMISSION[scope] && g.projectIds === null)
      .map((g) => ({ scope, workflowIds: g.workflowIds })),
  );
}

/** A key's grants as parsed when it authenticated (parseStoredGrants keeps only catalog permissions). */
const grantsOf = (key: AuthenticatedKey): Grant[] => key.grants as Grant[];

const IMPLIED = new Map<Permission, ReadonlySet<Permission>>(PERMISSION_NAMES.map((p) => [p, withImplied([p])]));

/** Whether a grant gives `permission` (itself or by implication). */
export const grantGives = (grant: Grant, permission: Permission): boolean => IMPLIED.get(grant.permission)?.has(permission) === true;

/** Where an operation acts: the organization itself, one of its projects, or one workflow of a project. */
export type Target = { projectId?: string | null; workflowId?: string | null };

/** Whether a grant covers a target: a grant narrowed to projects (workflows) covers only targets inside them. */
export function grantCovers(grant: Grant, target: Target): boolean {
  if (grant.projectIds && !(target.projectId && grant.projectIds.includes(target.projectId))) return false;
  if (grant.workflowIds && !(target.workflowId && grant.workflowIds.includes(target.workflowId))) return false;
  return true;
}

/**
 * A project-level key works only for its project: of the permissions that apply to the whole organization it holds
 * only `organization:read` (to find its organization).
 */
export function projectKeyMayHold(permission: Permission): boolean {
  return permission === 'organization:read' || (PERMISSIONS[permission].levels as readonly string[]).includes('PROJECT');
}

/** The most a key may do: its owner's role now, the ADMIN set for a service key, nothing for a former member's key. */
export function ceilingOf(key: Pick<AuthenticatedKey, 'ownerRole' | 'ownedByOrganization'>): ReadonlySet<Permission> {
  if (key.ownedByOrganization) return SERVICE_KEY_CEILING;
  return key.ownerRole ? ROLE_PERMISSIONS[key.ownerRole] : new Set();
}

/**
 * Effective access of a key on one target = its grants ∩ what its owner may do now (the plan is checked when the key
 * authenticates). Reach (which projects the key can see at all) is checked by the caller: outside it is not-found.
 */
export function keyMay(key: AuthenticatedKey, permission: Permission, target: Target = {}): boolean {
  if (!ceilingOf(key).has(permission)) return false;
  if (key.level === 'PROJECT' && !target.projectId && permission !== 'organization:read') return false;
  return grantsOf(key).some((g) => grantGives(g, permission) && grantCovers(g, target));
}

/** Whether a key holds `permission` anywhere (some grant, in some part of its reach). */
export function keyHolds(key: AuthenticatedKey, permission: Permission): boolean {
  if (!ceilingOf(key).has(permission)) return false;
  if (key.level === 'PROJECT' && !projectKeyMayHold(permission)) return false;
  return grantsOf(key).some((g) => grantGives(g, permission));
}

/**
 * The projects in which a key has `permission` (for list filters): null = all projects it reaches; otherwise the
 * named ones (a grant narrowed to workflows counts for its projects only through `workflowsWith`).
 */
export function projectsWith(key: AuthenticatedKey, permission: Permission): string[] | null {
  if (!ceilingOf(key).has(permission)) return [];
  const grants = grantsOf(key).filter((g) => grantGives(g, permission) && !g.workflowIds);
  if (grants.some((g) => g.projectIds === null)) return null;
  return [...new Set(grants.flatMap((g) => g.projectIds ?? []))];
}

/** Workflows named by a key's grants of `permission` narrowed to workflows (for list filters). */
export function workflowsWith(key: AuthenticatedKey, permission: Permission): string[] {
  if (!ceilingOf(key).has(permission)) return [];
  return [...new Set(grantsOf(key).filter((g) => grantGives(g, permission) && g.workflowIds).flatMap((g) => g.workflowIds!))];
}
