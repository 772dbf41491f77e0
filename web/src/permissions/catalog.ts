import type { MemberRole, PermissionLevel } from '../gql/graphql.ts';
import { ROLE_WORDS } from '../ui/words.ts';

/**
 * The console's view of the server's permission catalog (`availablePermissions`, `rolePermissions`): words for the
 * permissions, the presets of the key dialogs, what a person may grant and the matrix editor's rows. Pure functions;
 * every rule here mirrors one the server enforces (src/authz/grants.ts), so that the dialog disables what the server
 * would refuse instead of letting the person find out on submit.
 */
export type CatalogEntry = {
  name: string;
  resource: string;
  action: string;
  description: string;
  risk: 'LOW' | 'MEDIUM' | 'HIGH';
  implies: readonly string[];
  levels: readonly PermissionLevel[];
};

/** One grant as the editor holds it: `null` lists mean the key's whole reach (as the API's input omits them). */
export type GrantDraft = { permission: string; projectIds: string[] | null; workflowIds: string[] | null };

const RESOURCE_WORDS: Record<string, { title: string; noun: string }> = {
  organization: { title: 'Organization', noun: 'the organization' },
  member: { title: 'Members', noun: 'members' },
  project: { title: 'Projects', noun: 'projects' },
  workflow: { title: 'Workflows', noun: 'workflows' },
  execution: { title: 'Executions', noun: 'executions' },
  api_key: { title: 'API keys', noun: 'keys' },
  usage: { title: 'Usage', noun: 'usage' },
  webhook: { title: 'Webhooks', noun: 'webhooks' },
  audit: { title: 'Audit log', noun: 'the audit log' },
};

const ACTION_WORDS: Record<string, string> = {
  read: 'Read',
  create: 'Create',
  update: 'Change',
  delete: 'Delete',
  manage: 'Manage',
  trigger: 'Trigger',
  rotate: 'Rotate',
  revoke: 'Revoke',
};

/** A resource in words ("API keys"); an unknown one (a newer server) is shown as it is named. */
export const resourceTitle = (resource: string): string => RESOURCE_WORDS[resource]?.title ?? resource;

/** An action in words ("Rotate"). */
export const actionWord = (action: string): string => ACTION_WORDS[action] ?? action;

/** A permission in words: `api_key:read` is "Read keys", `workflow:trigger` "Trigger workflows". */
export function permissionLabel(name: string): string {
  const [resource, action] = name.split(':');
  const words = RESOURCE_WORDS[resource ?? ''];
  const verb = ACTION_WORDS[action ?? ''];
  return words && verb ? `${verb} ${words.noun}` : name;
}

/** The catalog's resources in catalog order, each with its permissions (read first, then the writes). */
export function resourcesOf(catalog: readonly CatalogEntry[]): { resource: string; permissions: CatalogEntry[] }[] {
  const byResource = new Map<string, CatalogEntry[]>();
  for (const entry of catalog) byResource.set(entry.resource, [...(byResource.get(entry.resource) ?? []), entry]);
  return [...byResource].map(([resource, permissions]) => ({
    resource,
    permissions: [...permissions].sort((a, b) => Number(b.action === 'read') - Number(a.action === 'read')),
  }));
}

/** Who is granting, and to what kind of key: what decides which permissions the dialog offers. */
export type GrantContext = {
  /** The signed-in person's role in the organization (null: not a member, e.g. an operator). */
  role: MemberRole | null;
  /** The permissions of each role (`rolePermissions`). */
  roles: ReadonlyMap<MemberRole, ReadonlySet<string>>;
  /** The key is a project key. */
  projectKey: boolean;
};

/**
 * Why `entry` cannot be granted here, or null when it can. A person grants only what their role holds; a project key
 * holds only what can apply inside one project, and `organization:read` to find its organization (server:
 * `projectKeyMayHold`).
 */
export function grantBlocker(entry: CatalogEntry, context: GrantContext): string | null {
  const held = context.role ? context.roles.get(context.role) : undefined;
  if (!held?.has(entry.name)) return context.role ? `Your role (${ROLE_WORDS[context.role]}) cannot grant this` : 'Only members of the organization grant permissions';
  if (context.projectKey && entry.name !== 'organization:read' && !entry.levels.includes('PROJECT')) {
    return 'A project key cannot hold organization-wide permissions';
  }
  return null;
}

export const grantable = (catalog: readonly CatalogEntry[], context: GrantContext): CatalogEntry[] => catalog.filter((e) => !grantBlocker(e, context));

export type PresetId = 'trigger' | 'read' | 'automation' | 'role';

export const PRESETS: { id: PresetId; label: string; description: string }[] = [
  { id: 'trigger', label: 'Trigger workflows', description: 'Start workflow executions, as keys always could.' },
  { id: 'read', label: 'Read only', description: 'Read everything it can reach; change nothing.' },
  { id: 'automation', label: 'Automation', description: 'Manage projects and workflows, trigger them and read their executions.' },
  { id: 'role', label: 'Same as my role', description: 'Everything your role may do.' },
];

/** The permissions a preset names before the context filters them. */
function presetNames(preset: PresetId, catalog: readonly CatalogEntry[], context: GrantContext): string[] {
  switch (preset) {
    case 'trigger':
      return ['workflow:trigger'];
    case 'read':
      return catalog.filter((e) => e.action === 'read').map((e) => e.name);
    case 'automation':
      return catalog
        .filter((e) => e.name === 'organization:read' || e.name === 'execution:read' || e.resource === 'project' || e.resource === 'workflow')
        .map((e) => e.name);
    case 'role':
      return [...((context.role && context.roles.get(context.role)) ?? [])];
  }
}

/** A preset's grants over the key's whole reach: what of it this person may grant to this kind of key, in catalog order. */
export function presetGrants(preset: PresetId, catalog: readonly CatalogEntry[], context: GrantContext): GrantDraft[] {
  const names = new Set(presetNames(preset, catalog, context));
  return grantable(catalog, context)
    .filter((e) => names.has(e.name))
    .map((e) => ({ permission: e.name, projectIds: null, workflowIds: null }));
}

/** The preset that gives exactly these grants (all over the whole reach), or null for a custom set. */
export function matchingPreset(grants: readonly GrantDraft[], catalog: readonly CatalogEntry[], context: GrantContext): PresetId | null {
  if (grants.some((g) => g.projectIds || g.workflowIds)) return null;
  const key = (list: readonly GrantDraft[]) => list.map((g) => g.permission).sort().join(' ');
  const wanted = key(grants);
  return PRESETS.find((p) => key(presetGrants(p.id, catalog, context)) === wanted)?.id ?? null;
}

export type RowLevel = 'none' | 'read' | 'write';

/** A matrix row's level: none, read only, or write (any action that is not a read). */
export function rowLevel(permissions: readonly CatalogEntry[], grants: readonly GrantDraft[]): RowLevel {
  const held = permissions.filter((e) => grants.some((g) => g.permission === e.name));
  if (!held.length) return 'none';
  return held.some((e) => e.action !== 'read') ? 'write' : 'read';
}

/** Where a row's grants apply: all of them share it (the editor narrows a row as one). */
export type RowScope = { projectIds: string[] | null; workflowIds: string[] | null };

export const rowScope = (permissions: readonly CatalogEntry[], grants: readonly GrantDraft[]): RowScope => {
  const first = grants.find((g) => permissions.some((e) => e.name === g.permission));
  return { projectIds: first?.projectIds ?? null, workflowIds: first?.workflowIds ?? null };
};

/** Which narrowings every permission in a set allows (a row can be narrowed only as far as its least narrowable). */
export function narrowableTo(entries: readonly CatalogEntry[]): { projects: boolean; workflows: boolean } {
  return {
    projects: entries.every((e) => e.levels.includes('PROJECT')),
    workflows: entries.every((e) => e.levels.includes('WORKFLOW')),
  };
}

/**
 * Replaces one row's grants: `names` are the row's permissions to hold (a write brings the reads it implies, as the
 * server counts it), all with the row's scope; the other rows' grants stay.
 */
export function setRow(
  grants: readonly GrantDraft[],
  rowPermissions: readonly CatalogEntry[],
  names: readonly string[],
  scope: RowScope,
): GrantDraft[] {
  const inRow = new Set(rowPermissions.map((e) => e.name));
  const wanted = new Set(names);
  for (const e of rowPermissions) if (wanted.has(e.name)) for (const implied of e.implies) if (inRow.has(implied)) wanted.add(implied);
  const held = rowPermissions.filter((e) => wanted.has(e.name));
  // A scope the row's new permissions cannot take falls back to the whole reach rather than being refused on submit.
  const can = narrowableTo(held);
  const fitting: RowScope = {
    projectIds: scope.projectIds && can.projects ? scope.projectIds : null,
    workflowIds: scope.workflowIds && can.workflows ? scope.workflowIds : null,
  };
  const others = grants.filter((g) => !inRow.has(g.permission));
  return [...others, ...held.map((e) => ({ permission: e.name, ...fitting }))];
}

/** Grants in catalog order, so that the request and the Permissions overview list them the same way every time. */
export function inCatalogOrder<G extends { permission: string }>(grants: readonly G[], catalog: readonly CatalogEntry[]): G[] {
  const index = new Map(catalog.map((e, i) => [e.name, i]));
  return [...grants].sort((a, b) => (index.get(a.permission) ?? Infinity) - (index.get(b.permission) ?? Infinity));
}

/** The API input for grants: lists only where the grant is narrowed. */
export function toPermissionInput(grants: readonly GrantDraft[]): { permission: string; projectIds?: string[]; workflowIds?: string[] }[] {
  return grants.map((g) => ({
    permission: g.permission,
    ...(g.projectIds ? { projectIds: g.projectIds } : {}),
    ...(g.workflowIds ? { workflowIds: g.workflowIds } : {}),
  }));
}

/** Why these grants cannot be sent as they are (a narrowed row with nothing chosen), or null. */
export function draftProblem(grants: readonly GrantDraft[], catalog: readonly CatalogEntry[]): string | null {
  if (!grants.length) return 'Choose at least one permission.';
  const empty = grants.find((g) => (g.projectIds && !g.projectIds.length) || (g.workflowIds && !g.workflowIds.length));
  if (!empty) return null;
  const resource = catalog.find((e) => e.name === empty.permission)?.resource ?? empty.permission;
  return `${resourceTitle(resource)}: choose the ${empty.projectIds ? 'projects' : 'workflows'} it applies to.`;
}

/** Grants compared regardless of order (the edit dialog sends permissions only when they changed). */
export function sameGrants(a: readonly GrantDraft[], b: readonly GrantDraft[]): boolean {
  const canonical = (list: readonly GrantDraft[]) =>
    JSON.stringify(
      [...list]
        .map((g) => [g.permission, g.projectIds ? [...g.projectIds].sort() : null, g.workflowIds ? [...g.workflowIds].sort() : null])
        .sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
  return canonical(a) === canonical(b);
}

/**
 * The grants without what this key cannot hold (blocked permissions; projects outside `reach`, null = no project
 * narrowing to check): the same array when nothing had to go, so that callers can tell whether anything changed.
 */
export function fitToKey(grants: GrantDraft[], context: GrantContext, catalog: readonly CatalogEntry[], reach: ReadonlySet<string> | null): GrantDraft[] {
  const entries = new Map(catalog.map((e) => [e.name, e]));
  let changed = false;
  const fitted = grants.flatMap((g) => {
    const entry = entries.get(g.permission);
    if (!entry || grantBlocker(entry, context)) {
      changed = true;
      return [];
    }
    if (reach && g.projectIds?.some((id) => !reach.has(id))) {
      changed = true;
      return [{ ...g, projectIds: g.projectIds.filter((id) => reach.has(id)) }];
    }
    return [g];
  });
  return changed ? fitted : grants;
}
