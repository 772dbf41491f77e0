import type { MemberRole } from '../generated/prisma/enums.ts';

/**
 * Every permission of the API, declared once: people hold them through their role, keys through their grants, and
 * every query field, mutation and guarded type names the one it needs (`@requiresPermission` in the SDL). The
 * `availablePermissions` query, the console's editors and the README's table all read this object.
 *
 * - `implies`: holding the permission also grants these (a write implies its read).
 * - `levels`: where a key's grant of it can be narrowed: the whole organization (the key's reach), named projects, or
 *   named workflows.
 * - `risk`: what a leaked key holding it could do (HIGH: change who may do what, delete data, or mint credentials).
 */
export const LEVELS = ['ORGANIZATION', 'PROJECT', 'WORKFLOW'] as const;
export type Level = (typeof LEVELS)[number];
export type Risk = 'LOW' | 'MEDIUM' | 'HIGH';

type Entry = { description: string; risk: Risk; implies: readonly string[]; levels: readonly Level[] };

const ORG = ['ORGANIZATION'] as const;
const ORG_PROJECT = ['ORGANIZATION', 'PROJECT'] as const;
const ALL_LEVELS = LEVELS;

export const PERMISSIONS = {
  'organization:read': { description: "Read the organization: name, slug, plan and settings.", risk: 'LOW', implies: [], levels: ORG },
  'organization:update': {
    description: "Change the organization's name, key lifetime limit, leaked-key action and the rate limits new keys inherit.",
    risk: 'HIGH',
    implies: ['organization:read'],
    levels: ORG,
  },
  'member:read': { description: 'List the members and their roles.', risk: 'LOW', implies: [], levels: ORG },
  'member:manage': {
    description: "Add members, change their roles and remove them (an ADMIN's set cannot touch OWNERs).",
    risk: 'HIGH',
    implies: ['member:read'],
    levels: ORG,
  },
  'project:read': { description: 'Read projects.', risk: 'LOW', implies: [], levels: ORG_PROJECT },
  'project:create': { description: 'Create projects.', risk: 'MEDIUM', implies: ['project:read'], levels: ORG },
  'project:update': { description: 'Rename projects.', risk: 'MEDIUM', implies: ['project:read'], levels: ORG_PROJECT },
  'project:delete': {
    description: 'Delete projects, with their workflows, executions and project keys.',
    risk: 'HIGH',
    implies: ['project:read'],
    levels: ORG_PROJECT,
  },
  'workflow:read': { description: 'Read workflows.', risk: 'LOW', implies: [], levels: ALL_LEVELS },
  'workflow:create': { description: 'Create workflows in projects.', risk: 'MEDIUM', implies: ['workflow:read'], levels: ORG_PROJECT },
  'workflow:update': { description: 'Rename workflows.', risk: 'MEDIUM', implies: ['workflow:read'], levels: ALL_LEVELS },
  'workflow:delete': { description: 'Delete workflows and their executions.', risk: 'HIGH', implies: ['workflow:read'], levels: ALL_LEVELS },
  'workflow:trigger': {
    description: 'Start workflow executions (`triggerWorkflow`; API keys only) and read the executions the key started.',
    risk: 'MEDIUM',
    implies: [],
    levels: ALL_LEVELS,
  },
  'execution:read': { description: 'Read workflow executions and their payloads.', risk: 'LOW', implies: [], levels: ALL_LEVELS },
  'api_key:read': { description: 'Read API keys (never a secret or a hash).', risk: 'LOW', implies: [], levels: ORG_PROJECT },
  'api_key:create': {
    description: 'Create API keys, never wider than the creator may grant.',
    risk: 'HIGH',
    implies: ['api_key:read'],
    levels: ORG_PROJECT,
  },
  'api_key:update': {
    description: "Change keys' name, note, owner, permissions, project access and IP allowlist (never a key's own).",
    risk: 'HIGH',
    implies: ['api_key:read'],
    levels: ORG_PROJECT,
  },
  'api_key:rotate': { description: 'Rotate API keys (a new secret, the old one kept for a grace period).', risk: 'HIGH', implies: ['api_key:read'], levels: ORG_PROJECT },
  'api_key:revoke': { description: 'Revoke API keys.', risk: 'MEDIUM', implies: ['api_key:read'], levels: ORG_PROJECT },
  'api_key:delete': { description: 'Delete API keys.', risk: 'MEDIUM', implies: ['api_key:read'], levels: ORG_PROJECT },
  'usage:read': { description: "Read keys' usage counts and history.", risk: 'LOW', implies: [], levels: ORG_PROJECT },
  'webhook:read': { description: 'Read webhook endpoints and their deliveries (payloads included, never a signing secret).', risk: 'LOW', implies: [], levels: ORG },
  'webhook:manage': {
    description: 'Create, change, delete and redeliver webhook endpoints, and rotate their signing secrets.',
    risk: 'HIGH',
    implies: ['webhook:read'],
    levels: ORG,
  },
  'audit:read': { description: 'Read the audit log.', risk: 'LOW', implies: [], levels: ORG },
} as const satisfies Record<string, Entry>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}

/** A permission with everything it implies (transitively). */
export function withImplied(permissions: Iterable<Permission>): Set<Permission> {
  const out = new Set<Permission>();
  const visit = (p: Permission) => {
    if (out.has(p)) return;
    out.add(p);
    for (const implied of PERMISSIONS[p].implies as readonly Permission[]) visit(implied);
  };
  for (const p of permissions) visit(p);
  return out;
}

/**
 * The member roles as named permission sets. These reproduce the rules that held before the catalog existed:
 * OWNERs and ADMINs manage everything in the organization (an ADMIN cannot touch OWNERs: `canChangeMember`), MEMBERs
 * read what the organization holds except its webhooks and audit log. `workflow:trigger` is in every set so that a
 * key owned by any member may hold it; the operation itself is for API keys only.
 */
const MEMBER_SET: readonly Permission[] = [
  'organization:read',
  'member:read',
  'project:read',
  'workflow:read',
  'workflow:trigger',
  'execution:read',
  'api_key:read',
  'usage:read',
];

export const MEMBER_ROLES: readonly MemberRole[] = ['OWNER', 'ADMIN', 'MEMBER'];

export const ROLE_PERMISSIONS: Record<MemberRole, ReadonlySet<Permission>> = {
  OWNER: new Set(PERMISSION_NAMES),
  ADMIN: new Set(PERMISSION_NAMES),
  MEMBER: withImplied(MEMBER_SET),
};

/** What a key owned by the organization itself (a service key) may at most do: the ADMIN set. */
export const SERVICE_KEY_CEILING: ReadonlySet<Permission> = ROLE_PERMISSIONS.ADMIN;

export const roleAllows = (role: MemberRole, permission: Permission): boolean => ROLE_PERMISSIONS[role].has(permission);
