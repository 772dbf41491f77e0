import type { ApiKey, Project, Workflow } from '../../generated/prisma/client.ts';
import { ApiKeyLeakAction, ApiKeyLevel, ExpiryPolicy, type MemberRole } from '../../generated/prisma/enums.ts';
import { builder, type Types } from '../../graphql/builder.ts';
import { listBound } from '../../graphql/query-cost.ts';
import { parseGlobalId, toGlobalId } from '../../graphql/ids.ts';
import { byCreation, requestLoaders } from '../../graphql/request-loaders.ts';
import { listsIn, mayIn, readableOrganizations, readsIn, readPermission } from '../../authz/read-rules.ts';
import { OrganizationRef } from '../organizations/types.ts';
import { ProjectRef } from '../projects/types.ts';
import { MAX_PROJECTS_PER_ORGANIZATION } from '../projects/service.ts';
import { UserRef } from '../users/types.ts';
import { countKeys, keyCursor, keyPage, type KeyListArgs, type KeyListBase, type PageRow } from './key-list.ts';
import type { Context } from '../../context.ts';
import type { GraphQLResolveInfo } from 'graphql';
import { queryFromInfo } from '@pothos/plugin-prisma';
import { resolveCursorConnection, type DefaultConnectionArguments } from '@pothos/plugin-relay';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../graphql/limit-rules.ts';
import { WorkflowRef } from '../workflows/types.ts';
import { visiblePrefix } from '../../lib/key-format.ts';
import { displayStatus } from './lifecycle.ts';
import { RECENT_ADDRESSES_KEPT } from './recent-addresses.ts';
import { API_KEY_SCOPES, ceilingOf, grantLevel, MAX_SCOPE_WORKFLOWS, parseStoredGrants, scopesOf, type Grant, type ScopeGrant } from '../../authz/grants.ts';
import { LEVELS, PERMISSION_NAMES } from '../../authz/catalog.ts';
import { RateLimitRef } from './rate-limit-types.ts';
import { MAX_RATE_LIMITS, parseStoredRateLimits } from './rate-limits.ts';

export const ApiKeyScopeEnum = builder.enumType('ApiKeyScope', {
  description: 'What a key may do.',
  values: {
    TRIGGER_WORKFLOWS: { description: 'Start workflow executions (`triggerWorkflow`).' },
    READ_EXECUTIONS: { description: 'Read workflow executions (`workflowExecution`).' },
  } satisfies Record<(typeof API_KEY_SCOPES)[number], unknown>,
});
export const ApiKeyLevelEnum = builder.enumType(ApiKeyLevel, {
  name: 'ApiKeyLevel',
  description: 'PROJECT keys work for one project; ORGANIZATION keys for all or selected projects.',
});
export const ExpiryPolicyEnum = builder.enumType(ExpiryPolicy, {
  name: 'ExpiryPolicy',
  description: 'When a key expires: never, a number of days after creation (or rotation), or a CUSTOM date.',
});
export const ApiKeyStatusEnum = builder.enumType('ApiKeyStatus', {
  description: 'Whether a key authenticates now.',
  values: {
    ACTIVE: { description: 'Authenticates.' },
    INACTIVE: { description: 'Switched off; can be switched on again.' },
    REVOKED: { description: 'Permanently disabled.' },
    EXPIRED: { description: 'Derived: past its expiry date or the end of its rotation grace period.' },
  },
});

export const ApiKeyLeakActionEnum = builder.enumType(ApiKeyLeakAction, {
  name: 'ApiKeyLeakAction',
  description: 'What was done about a leaked key, per its organization\'s `leakedKeyAction`.',
  values: {
    REVOKED: { description: 'The key is revoked (by the report, or before it).' },
    FLAGGED: { description: 'The key was only marked and still works.' },
  },
});

type Leak = { reportedAt: Date; url: string | null; source: string | null; action: ApiKeyLeakAction };

const ApiKeyLeakRef = builder.objectRef<Leak>('ApiKeyLeak').implement({
  description: 'The first report of the full key found in public by a secret scanner; later reports are in the audit log.',
  fields: (t) => ({
    reportedAt: t.expose('reportedAt', { type: 'DateTime' }),
    url: t.exposeString('url', { nullable: true, description: 'Where the scanner found the key (a public URL).' }),
    source: t.exposeString('source', { nullable: true, description: 'What the scanner found it in, as it says (e.g. `content`, `commit`).' }),
    action: t.expose('action', { type: ApiKeyLeakActionEnum, description: 'What was done: REVOKED, or FLAGGED while the key still works.' }),
  }),
});

export const PermissionLevelEnum = builder.enumType('PermissionLevel', {
  description: 'Where a grant applies: the whole reach of the key, named projects, or named workflows.',
  values: Object.fromEntries(LEVELS.map((level) => [level, {}])) as Record<(typeof LEVELS)[number], object>,
});

/** A grant with what decides whether it works now: the key's owner (a role's set, or the ADMIN set of a service key). */
export type GrantView = { grant: Grant; key: { ownerRole: MemberRole | null; ownedByOrganization: boolean } };

export const ApiKeyGrantRef = builder.objectRef<GrantView>('ApiKeyGrant').implement({
  description: 'A permission granted to a key and where it applies (see `availablePermissions`).',
  fields: (t) => ({
    permission: t.string({ description: 'A permission of the catalog, `resource:action`.', resolve: (v) => v.grant.permission }),
    level: t.field({ type: PermissionLevelEnum, resolve: (v) => grantLevel(v.grant) }),
    projectIds: t.idList({
      nullable: true,
      description: 'The projects the grant is narrowed to; null means every project the key reaches, now and later.',
      resolve: (v) => v.grant.projectIds?.map((id) => toGlobalId('Project', id)) ?? null,
    }),
    workflowIds: t.idList({
      nullable: true,
      description: 'The workflows the grant is narrowed to; null means every workflow of the projects it applies to.',
      resolve: (v) => v.grant.workflowIds?.map((id) => toGlobalId('Workflow', id)) ?? null,
    }),
    effective: t.boolean({
      description:
        "Whether the key's owner may do this now: a key does at most what its owner's role allows (a service key: the ADMIN set). False after the owner was demoted or removed.",
      resolve: (v) => ceilingOf(v.key).has(v.grant.permission),
    }),
  }),
});

const ScopeGrantRef = builder.objectRef<ScopeGrant>('ApiKeyScopeGrant').implement({
  description: 'A scope granted to a key, optionally narrowed to some workflows (deprecated with `ApiKey.scopes`).',
  fields: (t) => ({
    scope: t.field({ type: ApiKeyScopeEnum, resolve: (g) => g.scope }),
    workflows: t.field({
      type: [WorkflowRef],
      nullable: true,
      description: 'The workflows this scope is narrowed to; null means every workflow the key can reach.',
      extensions: listBound(MAX_SCOPE_WORKFLOWS),
      resolve: async (grant, _args, ctx) => {
        if (grant.workflowIds === null) return null;
        const rows = await requestLoaders(ctx).workflows.loadMany(grant.workflowIds);
        return byCreation(rows.filter((w): w is Workflow => !!w && !(w instanceof Error)));
      },
    }),
  }),
});

/** `projects` null: every project of the organization, loaded when asked for (once per request). */
type ProjectAccess = { all: boolean; organizationId: string; projects: Project[] | null };

const ProjectAccessRef = builder.objectRef<ProjectAccess>('ApiKeyProjectAccess').implement({
  description: 'Which projects a key reaches. Project-level keys reach exactly their project.',
  fields: (t) => ({
    all: t.exposeBoolean('all', { description: 'All projects of the organization, including ones created later.' }),
    projects: t.field({
      type: [ProjectRef],
      description: `The reached projects (for \`all\`, every current project; an organization has at most ${MAX_PROJECTS_PER_ORGANIZATION}).`,
      extensions: listBound(MAX_PROJECTS_PER_ORGANIZATION),
      resolve: async (access, _args, ctx) => access.projects ?? (await requestLoaders(ctx).organizationProjects.load(access.organizationId)),
    }),
  }),
});

const AddressUseRef = builder.objectRef<{ address: string; lastSeenAt: Date }>('ApiKeyAddressUse').implement({
  description: 'A client address a key was used from, and when it was last seen (recorded with the usage counts).',
  fields: (t) => ({
    address: t.exposeString('address', { description: 'IPv4 or IPv6 (IPv4-mapped IPv6 shown as IPv4), as the server saw it (see TRUST_PROXY).' }),
    lastSeenAt: t.expose('lastSeenAt', { type: 'DateTime' }),
  }),
});

/** Members of the key's organization only; never selects `secretHash` into a response. */
export const ApiKeyRef = builder.prismaNode('ApiKey', {
  extensions: { requiresPermission: readPermission('ApiKey') },
  description: 'An API key: its settings, state and usage. The secret is shown once, at creation or rotation, and never stored.',
  nullable: true,
  id: { field: 'id' },
  authScopes: (key, ctx) => readsIn(ctx, 'ApiKey', key.organizationId, key.projectId ? { projectId: key.projectId } : {}),
  findUnique: (id, ctx) => ({ id, organization: readableOrganizations(ctx, 'ApiKey') }),
  fields: (t) => ({
    name: t.exposeString('name'),
    note: t.exposeString('note', { nullable: true }),
    level: t.expose('level', { type: ApiKeyLevelEnum }),
    organization: t.relation('organization'),
    project: t.relation('project', { nullable: true, description: 'The project of a project-level key.' }),
    projectAccess: t.field({
      type: ProjectAccessRef,
      // Loaded with the key list itself (one query for all keys), never per key.
      select: { project: true, projectAccess: { select: { project: true } } },
      resolve: (key) => {
        if (key.level === 'PROJECT') return { all: false, organizationId: key.organizationId, projects: key.project ? [key.project] : [] };
        if (key.allProjects) return { all: true, organizationId: key.organizationId, projects: null };
        return { all: false, organizationId: key.organizationId, projects: byCreation(key.projectAccess.map((a) => a.project)) };
      },
    }),
    scopes: t.field({
      type: [ScopeGrantRef],
      extensions: listBound(API_KEY_SCOPES.length),
      deprecationReason: 'Use `permissions`: the scopes are the grants of workflow:trigger and execution:read.',
      select: { grants: true },
      resolve: (key) => scopesOf(parseStoredGrants(key.grants)),
    }),
    permissions: t.field({
      type: [ApiKeyGrantRef],
      extensions: listBound(PERMISSION_NAMES.length),
      description: 'What the key was granted and where (its Permissions overview). It does at most what its owner may do now: see `effective`.',
      select: { grants: true, ownerId: true, organizationId: true },
      resolve: async (key, _args, ctx) => {
        const ownerRole = key.ownerId ? await requestLoaders(ctx).memberRoles.load(`${key.organizationId}:${key.ownerId}`) : null;
        const owner = { ownerRole, ownedByOrganization: key.ownerId === null };
        return parseStoredGrants(key.grants).map((grant) => ({ grant, key: owner }));
      },
    }),
    ownedByOrganization: t.boolean({
      description: 'A service key: owned by the organization rather than a person (`owner` is null); it may do at most what an ADMIN may.',
      select: { ownerId: true },
      resolve: (key) => key.ownerId === null,
    }),
    expiryPolicy: t.expose('expiryPolicy', { type: ExpiryPolicyEnum }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    graceEndsAt: t.expose('graceEndsAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Set once the key has been rotated: it keeps working until then (never past `expiresAt`).',
    }),
    status: t.field({
      type: ApiKeyStatusEnum,
      select: { status: true, expiresAt: true, graceEndsAt: true },
      resolve: (key, _args, ctx) => displayStatus(key, ctx.clock.now()),
    }),
    prefix: t.string({
      description: 'The visible start of the key, e.g. `ksk_AbC123xyZ789`. The secret is never shown again.',
      select: { publicId: true },
      resolve: (key) => visiblePrefix(key.publicId),
    }),
    owner: t.relation('owner', { type: UserRef, nullable: true, description: 'The member the key acts for; null for a service key.' }),
    createdBy: t.relation('createdBy', { type: UserRef }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
    usageCount: t.expose('usageCount', { type: 'SafeInt' }),
    ipAllowlist: t.stringList({
      description: 'Addresses and CIDR ranges (IPv4 and IPv6, normalized) the key may be used from; empty means any address.',
      select: { ipAllowlist: true },
      resolve: (key) => key.ipAllowlist,
    }),
    rateLimits: t.field({
      type: [RateLimitRef],
      extensions: listBound(MAX_RATE_LIMITS),
      description: 'The limits in force: a call over any of them gets HTTP 429 (`RATE_LIMITED`, naming it) and starts nothing. Empty: no limit.',
      select: { rateLimits: true },
      resolve: (key) => parseStoredRateLimits(key.rateLimits),
    }),
    lastUsedAddresses: t.field({
      type: [AddressUseRef],
      description: `The last ${RECENT_ADDRESSES_KEPT} distinct client addresses the key was used from, most recent first.`,
      extensions: listBound(RECENT_ADDRESSES_KEPT),
      select: {
        usedFrom: { select: { address: true, lastSeenAt: true }, orderBy: [{ lastSeenAt: 'desc' }, { address: 'asc' }], take: RECENT_ADDRESSES_KEPT },
      },
      resolve: (key) => key.usedFrom,
    }),
    leak: t.field({
      type: ApiKeyLeakRef,
      nullable: true,
      description: 'Set when a secret scanner reported the full key found in public (README, "Leaked keys").',
      select: { leakedAt: true, leakUrl: true, leakSource: true, leakAction: true },
      resolve: (key) =>
        key.leakedAt ? { reportedAt: key.leakedAt, url: key.leakUrl, source: key.leakSource, action: key.leakAction ?? 'FLAGGED' } : null,
    }),
    rotatedFrom: t.relation('rotatedFrom', { nullable: true }),
    rotatedTo: t.relation('rotatedTo', { nullable: true }),
    viewerCanManage: t.boolean({
      description: 'Whether the caller may change this key (`api_key:update` where the key lives).',
      resolve: (key, _args, ctx) => mayIn(ctx, 'api_key:update', key.organizationId, key.projectId ? { projectId: key.projectId } : {}),
    }),
  }),
});


// ——— Lists ———

export const ApiKeyFilterInput = builder.inputType('ApiKeyFilter', {
  description: 'Narrows a key list; all given conditions must hold.',
  fields: (t) => ({
    level: t.field({ type: ApiKeyLevelEnum }),
    status: t.field({ type: ApiKeyStatusEnum }),
    projectId: t.id({ description: 'Keys that reach this project (its own and inherited organization keys).' }),
    search: t.string({ description: 'Case-insensitive match on name or prefix.' }),
    leaked: t.boolean({ description: 'true: keys a secret scanner reported leaked (`leak` set); false: the others.' }),
  }),
});

export const ApiKeyOrderField = builder.enumType('ApiKeyOrderField', {
  description: 'What key lists can be sorted by (ties broken by id).',
  values: ['CREATED_AT', 'NAME', 'LAST_USED_AT', 'EXPIRES_AT'] as const,
});
export const OrderDirection = builder.enumType('OrderDirection', { description: 'Sort direction.', values: ['ASC', 'DESC'] as const });
export const ApiKeyOrderInput = builder.inputType('ApiKeyOrder', {
  description: 'Sort order of a key list (default: newest first).',
  fields: (t) => ({
    field: t.field({ type: ApiKeyOrderField, required: true }),
    direction: t.field({ type: OrderDirection, required: true }),
  }),
});

type FilterArgs = {
  filter?: {
    level?: ApiKeyLevel | null;
    status?: string | null;
    projectId?: string | number | null;
    search?: string | null;
    leaked?: boolean | null;
  } | null;
  orderBy?: { field: string; direction: string } | null;
};

/** A list's arguments with the filter's project id decoded: one that cannot be a project's id is a ValidationError. */
function listArgs(args: FilterArgs): KeyListArgs {
  const projectId = args.filter?.projectId;
  return {
    filter: args.filter && { ...args.filter, projectId: projectId == null ? undefined : parseGlobalId(String(projectId), 'Project', ['filter', 'projectId']) },
    orderBy: args.orderBy,
  };
}

const edgeFields = {
  name: 'ProjectApiKeysConnectionEdge',
  fields: (edge: PothosSchemaTypes.ObjectFieldBuilder<Types, { node: { level: ApiKeyLevel; organizationId: string; projectId: string | null } }>) => ({
    inherited: edge.boolean({
      description: 'An organization-level key that reaches this project: visible here, managed only at organization level.',
      resolve: (e) => e.node.level === 'ORGANIZATION',
    }),
    viewerCanManage: edge.boolean({
      description: 'False for inherited keys: in the project view they are read-only.',
      resolve: async (e, _args, ctx) => e.node.level === 'PROJECT' && (await mayIn(ctx, 'api_key:update', e.node.organizationId, { projectId: e.node.projectId })),
    }),
  }),
};

/**
 * One page of a key list (the keyset page query in key-list.ts, then the page's rows with what the query selects of
 * them), and its total count when asked.
 */
async function keyConnection(ctx: Context, info: GraphQLResolveInfo, base: KeyListBase, args: FilterArgs & DefaultConnectionArguments) {
  const list = listArgs(args);
  const values = new Map<string, PageRow['value']>();
  const connection = await resolveCursorConnection<Promise<ApiKey[]>>(
    { args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE, toCursor: (key) => keyCursor(list, { id: key.id, value: values.get(key.id) ?? null }) },
    async (page): Promise<ApiKey[]> => {
      const rows = await keyPage(ctx, base, list, page);
      if (rows.length === 0) return [];
      for (const row of rows) values.set(row.id, row.value);
      const query = await queryFromInfo({ context: ctx, info, path: ['edges', 'node'], awaitSelections: true });
      const keys = await ctx.prisma.apiKey.findMany({ ...query, where: { id: { in: rows.map((r) => r.id) } } });
      const byId = new Map(keys.map((key) => [key.id, key]));
      // A key deleted between the two reads is left out of the page.
      return rows.flatMap((row) => byId.get(row.id) ?? []);
    },
  );
  // Counted only when the client selects `totalCount`.
  counts.set(connection, () => countKeys(ctx, base, list));
  return connection;
}

/** Each key-list page's count, computed on demand. */
const counts = new WeakMap<object, () => Promise<number>>();
const totalCount = {
  fields: (c: PothosSchemaTypes.ObjectFieldBuilder<Types, object>) => ({
    totalCount: c.int({ description: 'The number of keys over all pages.', resolve: (connection) => counts.get(connection)!() }),
  }),
};

builder.prismaObjectFields(OrganizationRef, (t) => ({
  apiKeys: t.connection(
    {
      type: ApiKeyRef,
      nullable: true,
      authScopes: (org, _args, ctx) => listsIn(ctx, 'ApiKey', org.id),
      description: 'Every key of the organization, organization- and project-level. Members only; a key sees the keys it may read.',
      args: { filter: t.arg({ type: ApiKeyFilterInput }), orderBy: t.arg({ type: ApiKeyOrderInput }) },
      resolve: (org, args, ctx, info) => keyConnection(ctx, info, { organizationId: org.id }, args),
    },
    { name: 'OrganizationApiKeysConnection', ...totalCount },
  ),
}));

builder.prismaObjectFields(ProjectRef, (t) => ({
  apiKeys: t.connection(
    {
      type: ApiKeyRef,
      description: "The project's own keys and the organization keys that reach it (`inherited`, read-only here).",
      args: { filter: t.arg({ type: ApiKeyFilterInput }), orderBy: t.arg({ type: ApiKeyOrderInput }) },
      resolve: (project, args, ctx, info) => keyConnection(ctx, info, { organizationId: project.organizationId, projectId: project.id }, args),
    },
    { name: 'ProjectApiKeysConnection', ...totalCount },
    edgeFields,
  ),
}));
