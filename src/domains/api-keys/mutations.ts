import { z } from 'zod';
import { builder, type Types } from '../../graphql/builder.ts';
import { changeErrors } from '../../graphql/error-types.ts';
import { BulkOperationError, ConflictError, NotFoundError, PermissionDeniedError, UpgradeRequiredError, ValidationError } from '../../errors.ts';
import { parseGlobalId, parseGlobalIds, toGlobalId } from '../../graphql/ids.ts';
import { displayName, optionalText, rejectNulls } from '../../graphql/inputs.ts';
import type { CostExtensions } from '../../graphql/query-cost.ts';
import { MAX_ALLOWLIST_ENTRIES, normalizeAllowlist } from './allowlist.ts';
import { ApiKeyRef, ApiKeyScopeEnum, ExpiryPolicyEnum } from './types.ts';
import { RateLimitInput } from './rate-limit-types.ts';
import { ApiKeyQuotaInput } from './quota-types.ts';
import { checkQuota, type QuotaInput } from './quota.ts';
import type { RateLimit } from './rate-limits.ts';
import { MAX_SCOPE_WORKFLOWS } from '../../authz/grants.ts';
import {
  authorizeKeyRotation,
  authorizeOrganizationKeyCreation,
  authorizeProjectKeyCreation,
  createOrganizationKey,
  createProjectKey,
  newKeyMaterial,
  deleteKeys,
  revokeKey,
  rotateKey,
  updateKey,
  type AccessInput,
  type CreateKeyInput,
} from './service.ts';
import { isPermission, PERMISSION_NAMES } from '../../authz/catalog.ts';
import { SCOPE_PERMISSION, type ApiKeyScope, type Grant } from '../../authz/grants.ts';

const MAX_IDS = 100;

// ——— Inputs ———

const PermissionGrantInput = builder.inputType('ApiKeyPermissionInput', {
  description: 'One permission for a key, and where it applies (omit both lists for the key\'s whole reach).',
  fields: (t) => ({
    permission: t.string({
      required: true,
      description: 'A permission of `availablePermissions`, `resource:action`.',
      validate: z.string().refine(isPermission, { message: `is not a permission (one of: ${PERMISSION_NAMES.join(', ')})` }),
    }),
    projectIds: t.idList({
      description: 'Narrow to these projects (inside the key\'s reach), where the permission allows it.',
      validate: z.array(z.unknown()).min(1, 'must list at least one project (omit it for all)').max(MAX_IDS, `must list at most ${MAX_IDS} projects`).nullish(),
    }),
    workflowIds: t.idList({
      description: 'Narrow to these workflows (inside the key\'s reach), where the permission allows it.',
      validate: z.array(z.unknown()).min(1, 'must list at least one workflow (omit it for all)').max(MAX_IDS, `must list at most ${MAX_IDS} workflows`).nullish(),
    }),
  }),
});

const ScopeGrantInput = builder.inputType('ApiKeyScopeInput', {
  description: 'Deprecated with the `scopes` inputs: use `ApiKeyPermissionInput` (TRIGGER_WORKFLOWS is `workflow:trigger`, READ_EXECUTIONS `execution:read`).',
  fields: (t) => ({
    scope: t.field({ type: ApiKeyScopeEnum, required: true }),
    workflowIds: t.idList({
      description: 'Narrow the scope to these workflows; omit for every workflow the key reaches.',
      validate: z.array(z.unknown()).min(1, 'must list at least one workflow (omit it for all)').max(MAX_SCOPE_WORKFLOWS, `must list at most ${MAX_SCOPE_WORKFLOWS} workflows`).nullish(),
    }),
  }),
});

const ExpiryInput = builder.inputType('ApiKeyExpiryInput', {
  fields: (t) => ({
    policy: t.field({ type: ExpiryPolicyEnum, required: true }),
    expiresAt: t.field({ type: 'DateTime', description: 'Required with CUSTOM, forbidden otherwise.' }),
  }),
});

const ProjectAccessInput = builder.inputType('ProjectAccessInput', {
  isOneOf: true,
  description: 'Exactly one of: `all: true` (every project, including future ones) or `projectIds`.',
  fields: (t) => ({
    all: t.boolean({ validate: z.literal(true, { error: 'must be true (use projectIds to select projects)' }).nullish() }),
    projectIds: t.idList({
      validate: z.array(z.unknown()).min(1, 'must select at least one project').max(MAX_IDS, `must select at most ${MAX_IDS} projects`).nullish(),
    }),
  }),
});

const scopesValidation = z.array(z.unknown()).min(1, 'must grant at least one scope').nullish();
const permissionsValidation = z.array(z.unknown()).min(1, 'must grant at least one permission').max(PERMISSION_NAMES.length, `must list at most ${PERMISSION_NAMES.length} permissions`).nullish();
const SCOPES_DEPRECATION = 'Use `permissions` (TRIGGER_WORKFLOWS is `workflow:trigger`, READ_EXECUTIONS `execution:read`).';

const ipAllowlistField = (t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>, description: string) =>
  t.stringList({
    description: `${description} Each entry is an IPv4 or IPv6 address or CIDR range (\`203.0.113.7\`, \`10.0.0.0/8\`, \`2001:db8::/32\`), at most ${MAX_ALLOWLIST_ENTRIES}; a request from any other address gets 403.`,
  });

const CreateProjectApiKeyInput = builder.inputType('CreateProjectApiKeyInput', {
  fields: (t) => ({
    projectId: t.id({ required: true }),
    name: t.string({ required: true, validate: displayName(100) }),
    note: t.string({ validate: optionalText(500) }),
    permissions: t.field({ type: [PermissionGrantInput], validate: permissionsValidation, description: 'What the key may do (give this or the deprecated `scopes`).' }),
    scopes: t.field({ type: [ScopeGrantInput], validate: scopesValidation, deprecationReason: SCOPES_DEPRECATION }),
    ownedByOrganization: t.boolean({ description: 'A service key, owned by the organization rather than you (OWNER and ADMIN): it outlives any member and may do at most what an ADMIN may.' }),
    expiry: t.field({ type: ExpiryInput, required: true }),
    ipAllowlist: ipAllowlistField(t, 'Where the key may be used from; omit or leave empty for any address.'),
    rateLimits: t.field({ type: [RateLimitInput], description: 'Named rate limits; omit to take the organization\'s defaults (`Organization.defaultKeyRateLimits`), or give an empty list for none.' }),
    quota: t.field({ type: ApiKeyQuotaInput, description: 'Credits that triggers spend; omit for none.' }),
  }),
});

const CreateOrganizationApiKeyInput = builder.inputType('CreateOrganizationApiKeyInput', {
  fields: (t) => ({
    organizationId: t.id({ required: true }),
    name: t.string({ required: true, validate: displayName(100) }),
    note: t.string({ validate: optionalText(500) }),
    permissions: t.field({ type: [PermissionGrantInput], validate: permissionsValidation, description: 'What the key may do (give this or the deprecated `scopes`).' }),
    scopes: t.field({ type: [ScopeGrantInput], validate: scopesValidation, deprecationReason: SCOPES_DEPRECATION }),
    ownedByOrganization: t.boolean({ description: 'A service key, owned by the organization rather than you (OWNER and ADMIN): it outlives any member and may do at most what an ADMIN may.' }),
    expiry: t.field({ type: ExpiryInput, required: true }),
    projectAccess: t.field({ type: ProjectAccessInput, required: true }),
    ipAllowlist: ipAllowlistField(t, 'Where the key may be used from; omit or leave empty for any address.'),
    rateLimits: t.field({ type: [RateLimitInput], description: 'Named rate limits; omit to take the organization\'s defaults (`Organization.defaultKeyRateLimits`), or give an empty list for none.' }),
    quota: t.field({ type: ApiKeyQuotaInput, description: 'Credits that triggers spend; omit for none.' }),
  }),
});

const UpdatableStatus = builder.enumType('ApiKeyUpdatableStatus', {
  values: ['ACTIVE', 'INACTIVE'] as const,
  description: 'Statuses a key can be switched between; revocation is `revokeApiKey` and is final.',
});

const UpdateApiKeyInput = builder.inputType('UpdateApiKeyInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string({ validate: displayName(100) }),
    note: t.string({ validate: optionalText(500), description: 'Null or empty clears the note.' }),
    ownerId: t.id({ description: 'Hand the key to this member of the organization (it then does at most what their role allows).' }),
    ownedByOrganization: t.boolean({ description: 'true: hand the key to the organization (a service key; OWNER and ADMIN).' }),
    permissions: t.field({ type: [PermissionGrantInput], validate: permissionsValidation, description: 'Replaces the key\'s grants (never a key\'s own).' }),
    status: t.field({ type: UpdatableStatus }),
    projectAccess: t.field({ type: ProjectAccessInput, description: 'Organization-level keys only.' }),
    ipAllowlist: ipAllowlistField(t, 'Replaces the allowlist; an empty list allows any address again.'),
    rateLimits: t.field({ type: [RateLimitInput], description: 'Replaces the rate limits; an empty list removes them all. Takes effect on the next request.' }),
    quota: t.field({ type: ApiKeyQuotaInput, description: 'Sets the quota (its credits now, refill and threshold), replacing any other.' }),
    removeQuota: t.boolean({ description: 'true: the key has no quota any more (give this or `quota`).' }),
  }),
});

const RotateApiKeyInput = builder.inputType('RotateApiKeyInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    gracePeriodSeconds: t.int({
      description: 'How long the old key keeps working (0 = ends now, at most 86400); never past its own expiry. Default 0.',
    }),
  }),
});

const IdInput = (name: string) => builder.inputType(name, { fields: (t) => ({ id: t.id({ required: true }) }) });
const RevokeApiKeyInput = IdInput('RevokeApiKeyInput');
const DeleteApiKeyInput = IdInput('DeleteApiKeyInput');
const DeleteApiKeysInput = builder.inputType('DeleteApiKeysInput', {
  fields: (t) => ({
    ids: t.idList({
      required: true,
      validate: z.array(z.unknown()).min(1, 'must list at least one key').max(MAX_IDS, `must list at most ${MAX_IDS} keys`),
    }),
  }),
});

// ——— Payloads ———

const CreateApiKeyPayload = builder.simpleObject('CreateApiKeyPayload', {
  fields: (t) => ({
    apiKey: t.field({ type: ApiKeyRef }),
    secret: t.string({ description: 'The full key. Shown only here, once: store it now.' }),
  }),
});
const UpdateApiKeyPayload = builder.simpleObject('UpdateApiKeyPayload', { fields: (t) => ({ apiKey: t.field({ type: ApiKeyRef }) }) });
const RotateApiKeyPayload = builder.simpleObject('RotateApiKeyPayload', {
  fields: (t) => ({
    apiKey: t.field({ type: ApiKeyRef, description: 'The successor key.' }),
    secret: t.string({ description: "The successor's full key. Shown only here, once." }),
    previousApiKey: t.field({ type: ApiKeyRef, description: 'The rotated key, valid until its `graceEndsAt`.' }),
  }),
});
const RevokeApiKeyPayload = builder.simpleObject('RevokeApiKeyPayload', { fields: (t) => ({ apiKey: t.field({ type: ApiKeyRef }) }) });
const DeleteApiKeyPayload = builder.simpleObject('DeleteApiKeyPayload', { fields: (t) => ({ deletedApiKeyId: t.id() }) });
const DeleteApiKeysPayload = builder.simpleObject('DeleteApiKeysPayload', { fields: (t) => ({ deletedApiKeyIds: t.idList() }) });

// ——— Input mapping ———

type RawScope = { scope: ApiKeyScope; workflowIds?: readonly (string | number)[] | null };
type RawGrant = { permission: string; projectIds?: readonly (string | number)[] | null; workflowIds?: readonly (string | number)[] | null };
type RawAccess = { all?: boolean | null; projectIds?: readonly (string | number)[] | null };

/** The deprecated scopes as grants (over the whole reach, or the same named workflows). */
function scopesToGrants(scopes: readonly RawScope[]): Grant[] {
  return scopes.map((s, i) => ({
    permission: SCOPE_PERMISSION[s.scope],
    projectIds: null,
    workflowIds: s.workflowIds ? parseGlobalIds(s.workflowIds.map(String), 'Workflow', ['input', 'scopes', String(i), 'workflowIds']) : null,
  }));
}

function toGrants(grants: readonly RawGrant[]): Grant[] {
  return grants.map((g, i) => {
    if (!isPermission(g.permission)) throw ValidationError.field(['input', 'permissions', String(i), 'permission'], 'is not a permission');
    return {
      permission: g.permission,
      projectIds: g.projectIds ? parseGlobalIds(g.projectIds.map(String), 'Project', ['input', 'permissions', String(i), 'projectIds']) : null,
      workflowIds: g.workflowIds ? parseGlobalIds(g.workflowIds.map(String), 'Workflow', ['input', 'permissions', String(i), 'workflowIds']) : null,
    };
  });
}

/** `permissions`, or the deprecated `scopes`: exactly one. */
function grantsOf(input: { permissions?: readonly RawGrant[] | null; scopes?: readonly RawScope[] | null }): { grants: Grant[]; grantsPath: string[] } {
  if (input.permissions && input.scopes) throw ValidationError.field(['input', 'scopes'], 'give either permissions or scopes (deprecated), not both');
  if (input.permissions) return { grants: toGrants(input.permissions), grantsPath: ['input', 'permissions'] };
  if (input.scopes) return { grants: scopesToGrants(input.scopes), grantsPath: ['input', 'scopes'] };
  throw ValidationError.field(['input', 'permissions'], 'must grant at least one permission');
}

function toAccess(access: RawAccess): AccessInput {
  if (access.all) return { all: true };
  return { projectIds: parseGlobalIds((access.projectIds ?? []).map(String), 'Project', ['input', 'projectAccess', 'projectIds']) };
}

function toCreateInput(input: {
  name: string;
  note?: string | null;
  permissions?: readonly RawGrant[] | null;
  scopes?: readonly RawScope[] | null;
  ownedByOrganization?: boolean | null;
  expiry: { policy: CreateKeyInput['expiry']['policy']; expiresAt?: Date | null };
  ipAllowlist?: readonly string[] | null;
  rateLimits?: readonly RateLimit[] | null;
  quota?: QuotaInput | null;
}): CreateKeyInput {
  return {
    quota: input.quota ? checkQuota(input.quota, ['input', 'quota']) : null,
    rateLimits: input.rateLimits ? [...input.rateLimits] : null,
    ipAllowlist: normalizeAllowlist(input.ipAllowlist ?? [], ['input', 'ipAllowlist']),
    name: input.name,
    note: input.note ? input.note : null,
    ...grantsOf(input),
    ownedByOrganization: input.ownedByOrganization === true,
    expiry: { policy: input.expiry.policy, expiresAt: input.expiry.expiresAt ?? null },
  };
}

// Each union lists what its mutation can answer: the plan is checked where a secret is minted (create, rotate); a
// conflict is a key rotated or revoked twice; a bulk delete reports every failing id in one BulkOperationError.
const createErrors = { types: [...changeErrors, UpgradeRequiredError] };

// ——— Mutations ———

builder.mutationField('createProjectApiKey', (t) =>
  t.field({
    authScopes: { changePermission: 'api_key:create' },
    // Counted by the per-request limit on new secrets (limits.ts): each costs one argon2 hash.
    extensions: { mintsKeySecret: true } satisfies CostExtensions,
    type: CreateApiKeyPayload,
    description: 'Creates a key that works only for one project. The secret is in the payload, and nowhere else, ever.',
    errors: createErrors,
    args: { input: t.arg({ type: CreateProjectApiKeyInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const projectId = parseGlobalId(String(input.projectId), 'Project', ['input', 'projectId']);
      const keyInput = toCreateInput(input);
      await authorizeProjectKeyCreation(ctx, projectId);
      const material = await newKeyMaterial(ctx);
      return ctx.prisma.$transaction((tx) => createProjectKey(ctx, tx, projectId, keyInput, material));
    },
  }),
);

builder.mutationField('createOrganizationApiKey', (t) =>
  t.field({
    authScopes: { changePermission: 'api_key:create' },
    extensions: { mintsKeySecret: true } satisfies CostExtensions,
    type: CreateApiKeyPayload,
    description: 'Creates an organization-level key for all projects (including future ones) or selected projects.',
    errors: createErrors,
    args: { input: t.arg({ type: CreateOrganizationApiKeyInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const organizationId = parseGlobalId(String(input.organizationId), 'Organization', ['input', 'organizationId']);
      const access = toAccess(input.projectAccess);
      const keyInput = toCreateInput(input);
      await authorizeOrganizationKeyCreation(ctx, organizationId);
      const material = await newKeyMaterial(ctx);
      return ctx.prisma.$transaction((tx) => createOrganizationKey(ctx, tx, organizationId, access, keyInput, material));
    },
  }),
);

builder.mutationField('updateApiKey', (t) =>
  t.field({
    authScopes: { changePermission: 'api_key:update' },
    description: 'Changes a key\'s name, note, owner, active/inactive status, project access, IP allowlist, rate limits or quota; takes effect on the next request. OWNER and ADMIN.',
    type: UpdateApiKeyPayload,
    errors: { types: changeErrors },
    args: { input: t.arg({ type: UpdateApiKeyInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = parseGlobalId(String(input.id), 'ApiKey', ['input', 'id']);
      rejectNulls(input, ['name', 'ownerId', 'status', 'projectAccess', 'ipAllowlist', 'permissions', 'ownedByOrganization', 'rateLimits', 'quota', 'removeQuota']);
      if (input.quota && input.removeQuota) throw ValidationError.field(['input', 'removeQuota'], 'give either quota or removeQuota, not both');
      const changes = {
        name: input.name,
        note: input.note === undefined ? undefined : input.note || null,
        ownerId: input.ownerId != null ? parseGlobalId(String(input.ownerId), 'User', ['input', 'ownerId']) : undefined,
        status: input.status,
        projectAccess: input.projectAccess ? toAccess(input.projectAccess) : undefined,
        ipAllowlist: input.ipAllowlist ? normalizeAllowlist(input.ipAllowlist, ['input', 'ipAllowlist']) : undefined,
        ownedByOrganization: input.ownedByOrganization === true ? true : undefined,
        rateLimits: input.rateLimits ? [...input.rateLimits] : undefined,
        quota: input.quota ? checkQuota(input.quota, ['input', 'quota']) : input.removeQuota ? null : undefined,
        ...(input.permissions ? { grants: toGrants(input.permissions), grantsPath: ['input', 'permissions'] } : {}),
      };
      const apiKey = await ctx.prisma.$transaction((tx) => updateKey(ctx, tx, id, changes));
      return { apiKey };
    },
  }),
);

builder.mutationField('rotateApiKey', (t) =>
  t.field({
    authScopes: { changePermission: 'api_key:rotate' },
    extensions: { mintsKeySecret: true } satisfies CostExtensions,
    type: RotateApiKeyPayload,
    description: 'Issues a successor with the same settings and a new secret; the old key ends after the grace period.',
    errors: { types: [...changeErrors, ConflictError, UpgradeRequiredError] },
    args: { input: t.arg({ type: RotateApiKeyInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = parseGlobalId(String(input.id), 'ApiKey', ['input', 'id']);
      await authorizeKeyRotation(ctx, id, input.gracePeriodSeconds ?? 0);
      const material = await newKeyMaterial(ctx);
      const result = await ctx.prisma.$transaction((tx) => rotateKey(ctx, tx, id, input.gracePeriodSeconds ?? 0, material));
      return { apiKey: result.apiKey, secret: result.secret, previousApiKey: result.previous };
    },
  }),
);

builder.mutationField('revokeApiKey', (t) =>
  t.field({
    authScopes: { changePermission: 'api_key:revoke' },
    type: RevokeApiKeyPayload,
    description: 'Permanently disables a key; it stays listed as REVOKED. Takes effect on the next request.',
    errors: { types: [...changeErrors, ConflictError] },
    args: { input: t.arg({ type: RevokeApiKeyInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = parseGlobalId(String(input.id), 'ApiKey', ['input', 'id']);
      return { apiKey: await ctx.prisma.$transaction((tx) => revokeKey(ctx, tx, id)) };
    },
  }),
);

builder.mutationField('deleteApiKey', (t) =>
  t.field({
    authScopes: { changePermission: 'api_key:delete' },
    type: DeleteApiKeyPayload,
    description: 'Deletes a key immediately: the next call with it gets 401.',
    errors: { types: changeErrors },
    args: { input: t.arg({ type: DeleteApiKeyInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const globalId = String(input.id);
      const id = parseGlobalId(globalId, 'ApiKey', ['input', 'id']);
      try {
        await ctx.prisma.$transaction((tx) => deleteKeys(ctx, tx, [id], [globalId]));
      } catch (error) {
        // A single id: answer with the plain error its failure stands for.
        if (error instanceof BulkOperationError) {
          const [failure] = error.failures;
          throw failure.reason === 'FORBIDDEN' ? new PermissionDeniedError(failure.message, 'api_key:delete') : new NotFoundError('ApiKey');
        }
        throw error;
      }
      return { deletedApiKeyId: toGlobalId('ApiKey', id) };
    },
  }),
);

builder.mutationField('deleteApiKeys', (t) =>
  t.field({
    authScopes: { changePermission: 'api_key:delete' },
    type: DeleteApiKeysPayload,
    description: `Deletes up to ${MAX_IDS} keys, all or nothing: if any id cannot be deleted, nothing is and the error lists why.`,
    errors: { types: [ValidationError, BulkOperationError] },
    args: { input: t.arg({ type: DeleteApiKeysInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const globalIds = input.ids.map(String);
      const ids = parseGlobalIds(globalIds, 'ApiKey', ['input', 'ids']);
      const deleted = await ctx.prisma.$transaction((tx) => deleteKeys(ctx, tx, ids, globalIds));
      return { deletedApiKeyIds: deleted.map((id) => toGlobalId('ApiKey', id)) };
    },
  }),
);
