import SchemaBuilder from '@pothos/core';
import DirectivesPlugin from '@pothos/plugin-directives';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin, { AuthScopeFailureType, type AuthFailure } from '@pothos/plugin-scope-auth';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import ValidationPlugin from '@pothos/plugin-validation';
import type { Context } from '../context.ts';
import type { Permission } from '../authz/catalog.ts';
import { keyHolds } from '../authz/grants.ts';
import type PrismaTypes from '../generated/pothos-types.ts';
import { getDatamodel } from '../generated/pothos-types.ts';
import { ValidationError } from '../errors.ts';
import { authenticationRequired, forbidden, keyLacks } from '../http-errors.ts';
import { decodeGlobalId, encodeGlobalId, GLOBAL_ID_DESCRIPTION, isNodeType } from './ids.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './limit-rules.ts';
import { loadNodes } from './node-loader.ts';
import './page-size-plugin.ts';
import './requires-permission-plugin.ts';
import './response-budget.ts';
import './time-slice-plugin.ts';
import './usage-outcome-plugin.ts';

export type Types = PothosSchemaTypes.ExtendDefaultTypes<SchemaTypesInput>;

type SchemaTypesInput = {
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: {
    /** A signed-in human user. */
    user: boolean;
    /** A platform operator (`roles` claim contains `operator`). */
    operator: boolean;
    /**
     * The catalog permission the field needs; printed as `@requiresPermission(permission:)` by
     * requires-permission-plugin. A key must hold it (somewhere in its reach; the target is checked where it is
     * known); a person passes here and is checked against their role where the organization is known.
     */
    permission: Permission;
    /**
     * A mutation's permission: printed like `permission`, but checked by the service where the target is known, so
     * that a key without it gets the typed `ForbiddenError { permission }` in the mutation's result.
     */
    changePermission: Permission;
    /** Any authenticated API key, whatever its grants. */
    apiKey: boolean;
  };
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
    SafeInt: { Input: number; Output: number | bigint };
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
};

export const builder = new SchemaBuilder<SchemaTypesInput>({
  defaultFieldNullability: false,
  plugins: [ScopeAuthPlugin, ErrorsPlugin, 'usageOutcome', ValidationPlugin, PrismaPlugin, RelayPlugin, SimpleObjectsPlugin, 'requiresPermission', 'pageSize', 'responseBudget', 'timeSlice', DirectivesPlugin],
  prisma: {
    // The client instance is only a type carrier here: every resolver uses the per-request `ctx.prisma`.
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    maxConnectionSize: MAX_PAGE_SIZE,
    defaultConnectionSize: DEFAULT_PAGE_SIZE,
    onUnusedQuery: null,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    nodeTypeOptions: { description: 'An object with a global id, fetchable with `node(id:)`.' },
    pageInfoTypeOptions: { description: 'Where a page of a connection sits: cursors and whether more pages exist.' },
    encodeGlobalID: encodeGlobalId,
    decodeGlobalID: decodeGlobalId,
    idFieldOptions: { description: GLOBAL_ID_DESCRIPTION },
    // A well-formed id of a type that is not a node resolves to nothing, like an id of nothing.
    nodeQueryOptions: {
      // Any signed-in caller; each object's type decides (its `@requiresPermission`).
      authScopes: { $any: { user: true, apiKey: true } },
      description: 'Any object by its global id; null when it does not exist or the viewer may not see it.',
      resolve: async (_root, args, ctx, info) => {
        const [node] = await loadNodes(ctx, info, [isNodeType(info.schema, args.id.typename) ? args.id : null], () => ['id']);
        return node as never;
      },
    },
    nodesQueryOptions: {
      authScopes: { $any: { user: true, apiKey: true } },
      description: 'Objects by global ids (at most 100), in order; null for each that does not exist or is not visible.',
      // One query per type for all the ids (and aliases) of a request, not one per id: node-loader.ts.
      resolve: (_root, args, ctx, info) =>
        loadNodes(
          ctx,
          info,
          args.ids.map((id) => (isNodeType(info.schema, id.typename) ? id : null)),
          (index) => ['ids', String(index)],
        ) as never,
    },
  },
  // Input validation runs before the resolver: let its ValidationError join the result union like any other.
  errors: { directResult: true, unsafelyHandleInputErrors: true },
  validation: {
    validationError: (failure) =>
      new ValidationError(
        failure.issues.map((issue) => ({
          path: (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)),
          message: issue.message,
        })),
      ),
  },
  directives: { useGraphQLToolsUnorderedDirectives: true },
  scopeAuth: {
    // Type-level read rules (domains/read-rules.ts) run on the object itself, so every path to it applies them.
    runScopesOnType: true,
    authScopes: (ctx) => ({
      user: ctx.principal?.kind === 'user',
      operator: ctx.principal?.kind === 'user' && ctx.principal.isOperator,
      apiKey: ctx.principal?.kind === 'apiKey',
      permission: (permission) =>
        ctx.principal?.kind === 'user' || (ctx.principal?.kind === 'apiKey' && keyHolds(ctx.principal.key, permission)),
      changePermission: () => ctx.principal?.kind === 'user' || ctx.principal?.kind === 'apiKey',
    }),
    // No credentials → 401; credentials that lack the right → 403 (naming the permission a key lacks). Both are
    // GraphQLErrors, so Yoga does not mask them.
    unauthorizedError: (_parent, ctx, _info, result) => {
      if (!ctx.principal) return authenticationRequired();
      const permission = ctx.principal.kind === 'apiKey' ? missingPermission(result.failure) : null;
      return permission ? keyLacks(permission) : forbidden();
    },
  },
});

/** The permission a failed scope check asked for, when it was one. */
function missingPermission(failure: AuthFailure): Permission | null {
  if (failure.kind === AuthScopeFailureType.AuthScope) return failure.scope === 'permission' ? (failure.parameter as Permission) : null;
  if (failure.kind === AuthScopeFailureType.AnyAuthScopes || failure.kind === AuthScopeFailureType.AllAuthScopes) {
    for (const f of failure.failures) {
      const p = missingPermission(f);
      if (p) return p;
    }
  }
  return null;
}
