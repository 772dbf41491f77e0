import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { DirectiveLocation, GraphQLDirective, GraphQLNonNull, type GraphQLEnumType, GraphQLSchema } from 'graphql';

/**
 * Makes the `apiKeyScope` auth scope visible to clients: every field whose authScopes (object form) require an API
 * key scope gets `@requiresScope(scope: ...)` in the printed SDL. Enforcement stays in exactly one place, the
 * scope-auth plugin; this only copies what it enforces, so the contract cannot drift from the code.
 */
class RequiresScopePlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    const scopes = (fieldConfig.pothosOptions as { authScopes?: unknown }).authScopes;
    if (typeof scopes === 'function') {
      // A function could require a scope we cannot see; machine-facing fields must declare scopes statically.
      return fieldConfig;
    }
    const scope = (scopes as { apiKeyScope?: string } | undefined)?.apiKeyScope;
    if (!scope) return fieldConfig;
    // graphql-tools' map form ({ name: args }), which the directives plugin also uses and prints.
    const existing = (fieldConfig.extensions?.directives ?? {}) as Record<string, unknown>;
    return {
      ...fieldConfig,
      extensions: { ...fieldConfig.extensions, directives: { ...existing, requiresScope: { scope } } },
    };
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Pothos plugins register themselves this way
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      requiresScope: RequiresScopePlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin('requiresScope', RequiresScopePlugin);

/** Adds the directive's definition, so that the printed SDL is valid on its own. */
export function withRequiresScopeDefinition(schema: GraphQLSchema): GraphQLSchema {
  const scopeEnum = schema.getType('ApiKeyScope') as GraphQLEnumType;
  const config = schema.toConfig();
  return new GraphQLSchema({
    ...config,
    directives: [
      ...config.directives,
      new GraphQLDirective({
        name: 'requiresScope',
        description: 'Only an API key holding `scope` may call this field (enforced by the server).',
        locations: [DirectiveLocation.FIELD_DEFINITION],
        args: { scope: { type: new GraphQLNonNull(scopeEnum) } },
      }),
    ],
  });
}
