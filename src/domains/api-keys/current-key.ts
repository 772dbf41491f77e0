import type { AuthenticatedKey, Context } from '../../context.ts';
import { builder } from '../../graphql/builder.ts';
import { toGlobalId } from '../../graphql/ids.ts';
import { unauthenticated } from '../../http-errors.ts';
import { viewerKey } from '../../authz/access.ts';
import { parseStoredGrants, scopesOf, type ScopeGrant } from '../../authz/grants.ts';
import { visiblePrefix } from '../../lib/key-format.ts';
import { ApiKeyGrantRef, ApiKeyLevelEnum, ApiKeyScopeEnum, ExpiryPolicyEnum } from './types.ts';
import { RateLimitRef } from './rate-limit-types.ts';

// `currentApiKey`: the calling key's own configuration, so that an integration can check it. Never the secret.

const CurrentScopeRef = builder.objectRef<ScopeGrant>('CurrentApiKeyScope').implement({
  description: 'A scope of the calling key (deprecated with `CurrentApiKey.scopes`: see `permissions`).',
  fields: (t) => ({
    scope: t.field({ type: ApiKeyScopeEnum, resolve: (g) => g.scope }),
    workflowIds: t.idList({
      nullable: true,
      description: 'Null means every workflow the key reaches.',
      resolve: (g) => g.workflowIds?.map((id) => toGlobalId('Workflow', id)) ?? null,
    }),
  }),
});

type CurrentKey = Awaited<ReturnType<typeof loadCurrentKey>>;

async function loadCurrentKey(ctx: Context, key: AuthenticatedKey) {
  const row = await ctx.prisma.apiKey.findUnique({
    where: { id: key.id },
    select: { name: true, expiryPolicy: true, expiresAt: true, graceEndsAt: true, createdAt: true },
  });
  if (!row) throw unauthenticated(); // deleted since this request was authenticated
  return { ...row, key };
}

const CurrentApiKeyRef = builder.objectRef<CurrentKey>('CurrentApiKey').implement({
  description: 'What an integration can learn about the key it calls with. Never the secret.',
  fields: (t) => ({
    id: t.id({ resolve: (c) => toGlobalId('ApiKey', c.key.id) }),
    name: t.exposeString('name'),
    prefix: t.string({ resolve: (c) => visiblePrefix(c.key.publicId) }),
    level: t.field({ type: ApiKeyLevelEnum, resolve: (c) => c.key.level }),
    organizationId: t.id({ resolve: (c) => toGlobalId('Organization', c.key.organizationId) }),
    scopes: t.field({
      type: [CurrentScopeRef],
      deprecationReason: 'Use `permissions`: the scopes are the grants of workflow:trigger and execution:read.',
      resolve: (c) => scopesOf(parseStoredGrants(c.key.grants)),
    }),
    permissions: t.field({
      type: [ApiKeyGrantRef],
      description: 'What the key was granted and where. It can do at most what its owner may do now (`effective`).',
      resolve: (c) => parseStoredGrants(c.key.grants).map((grant) => ({ grant, key: c.key })),
    }),
    expiryPolicy: t.field({ type: ExpiryPolicyEnum, resolve: (c) => c.expiryPolicy }),
    expiresAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.expiresAt }),
    graceEndsAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.graceEndsAt }),
    allProjects: t.boolean({ resolve: (c) => c.key.level === 'ORGANIZATION' && c.key.allProjects }),
    projectIds: t.idList({
      description: 'The project of a project-level key, or the selected projects (empty when allProjects).',
      resolve: (c) =>
        (c.key.level === 'PROJECT' ? [c.key.projectId!] : c.key.projectIds).map((id) => toGlobalId('Project', id)),
    }),
    ipAllowlist: t.stringList({
      description: 'Addresses and CIDR ranges the key may be used from (normalized); empty means any address.',
      resolve: (c) => c.key.ipAllowlist,
    }),
    rateLimits: t.field({
      type: [RateLimitRef],
      description: 'The rate limits the key is held to (each 429 names the one it hit).',
      resolve: (c) => c.key.rateLimits,
    }),
  }),
});

builder.queryField('currentApiKey', (t) =>
  t.field({
    type: CurrentApiKeyRef,
    description: "The calling API key's own metadata, so that an integration can check its configuration.",
    authScopes: { apiKey: true },
    resolve: (_root, _args, ctx) => loadCurrentKey(ctx, viewerKey(ctx)),
  }),
);
