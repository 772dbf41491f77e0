import SchemaBuilder from '@pothos/core';
import DirectivesPlugin from '@pothos/plugin-directives';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import ValidationPlugin from '@pothos/plugin-validation';
import { GraphQLError } from 'graphql';
import type { Context } from '../context.ts';
import type { ApiKeyScope } from '../domains/api-keys/scopes.ts';
import type PrismaTypes from '../generated/pothos-types.ts';
import { getDatamodel } from '../generated/pothos-types.ts';
import { ValidationError } from '../errors.ts';
import { MAX_PAGE_SIZE } from './limits.ts';
import './page-size-plugin.ts';
import './requires-scope-plugin.ts';

export type Types = PothosSchemaTypes.ExtendDefaultTypes<SchemaTypesInput>;

type SchemaTypesInput = {
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: {
    /** A signed-in human user. */
    user: boolean;
    /** A platform operator (`roles` claim contains `operator`). */
    operator: boolean;
    /** An API key holding the scope; printed as `@requiresScope(scope:)` by requires-scope-plugin. */
    apiKeyScope: ApiKeyScope;
    /** Any authenticated API key, whatever its scopes. */
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
  plugins: [ScopeAuthPlugin, ErrorsPlugin, ValidationPlugin, PrismaPlugin, RelayPlugin, SimpleObjectsPlugin, 'requiresScope', 'pageSize', DirectivesPlugin],
  prisma: {
    // The client instance is only a type carrier here: every resolver uses the per-request `ctx.prisma`.
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    maxConnectionSize: MAX_PAGE_SIZE,
    defaultConnectionSize: 20,
    onUnusedQuery: null,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
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
    authScopes: (ctx) => ({
      user: ctx.principal?.kind === 'user',
      operator: ctx.principal?.kind === 'user' && ctx.principal.isOperator,
      apiKey: ctx.principal?.kind === 'apiKey',
      apiKeyScope: (scope) => ctx.principal?.kind === 'apiKey' && ctx.principal.key.scopes.some((s) => s.scope === scope),
    }),
    // No credentials → 401; credentials that lack the right → 403. Both are GraphQLErrors, so Yoga does not mask them.
    unauthorizedError: (_parent, ctx) =>
      ctx.principal
        ? new GraphQLError('Not authorized', { extensions: { code: 'FORBIDDEN', http: { status: 403 } } })
        : new GraphQLError('Authentication required', {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } } },
          }),
  },
});
