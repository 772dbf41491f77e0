import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type PothosTypeConfig, type SchemaTypes } from '@pothos/core';
import { DirectiveLocation, GraphQLDirective, GraphQLNonNull, GraphQLString, GraphQLSchema } from 'graphql';

/**
 * Makes each field's and type's declared permission visible to clients: `authScopes: { permission }` (or a type's
 * `requiresPermission` extension, set from the read rules) is printed as `@requiresPermission(permission: ...)`, and a
 * field for people only (`authScopes: { user: true }`), platform operators or the calling key itself as `@requiresUser`,
 * `@requiresOperator`, `@requiresApiKey`. Enforcement stays where it is (scope-auth and the read rules); this only copies what they
 * enforce, so the contract cannot drift from the code.
 */
class RequiresPermissionPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    const scopes = (fieldConfig.pothosOptions as { authScopes?: unknown }).authScopes;
    // A function could require anything; fields that declare a permission do so statically.
    if (!scopes || typeof scopes === 'function') return fieldConfig;
    const raw = scopes as { $all?: object };
    // `$all: { apiKey: true, permission }`: for API keys only, and only those holding the permission.
    if (raw.$all) {
      const all = raw.$all as { permission?: string; apiKey?: boolean };
      if (!all.apiKey || !all.permission) return fieldConfig;
      const existing = (fieldConfig.extensions?.directives ?? {}) as Record<string, unknown>;
      const directives = { ...existing, requiresApiKey: {}, requiresPermission: { permission: all.permission } };
      return { ...fieldConfig, extensions: { ...fieldConfig.extensions, directives } };
    }
    const declared = scopes as { permission?: string; changePermission?: string; user?: boolean; operator?: boolean; apiKey?: boolean };
    const permission = declared.permission ?? declared.changePermission;
    const directive = permission
      ? { requiresPermission: { permission } }
      : declared.operator
        ? { requiresOperator: {} }
        : declared.user && declared.apiKey
          ? { requiresCaller: {} }
          : declared.user
          ? { requiresUser: {} }
          : declared.apiKey
            ? { requiresApiKey: {} }
            : null;
    if (!directive) return fieldConfig;
    // graphql-tools' map form ({ name: args }), which the directives plugin also uses and prints.
    const existing = (fieldConfig.extensions?.directives ?? {}) as Record<string, unknown>;
    return { ...fieldConfig, extensions: { ...fieldConfig.extensions, directives: { ...existing, ...directive } } };
  }

  override onTypeConfig(typeConfig: PothosTypeConfig): PothosTypeConfig {
    const permission = (typeConfig.extensions as { requiresPermission?: string } | undefined)?.requiresPermission;
    if (!permission) return typeConfig;
    const existing = (typeConfig.extensions?.directives ?? {}) as Record<string, unknown>;
    return { ...typeConfig, extensions: { ...typeConfig.extensions, directives: { ...existing, requiresPermission: { permission } } } };
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Pothos plugins register themselves this way
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      requiresPermission: RequiresPermissionPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin('requiresPermission', RequiresPermissionPlugin);

/** Adds the directives' definitions, so that the printed SDL is valid on its own. */
export function withPermissionDirectives(schema: GraphQLSchema): GraphQLSchema {
  const config = schema.toConfig();
  return new GraphQLSchema({
    ...config,
    directives: [
      ...config.directives,
      new GraphQLDirective({
        name: 'requiresPermission',
        description:
          'The permission (see `availablePermissions`) a caller needs: a person through their role, an API key through its grants (narrowed to projects or workflows where the permission allows). On a type: to read objects of it; a list leaves out what the caller may not read.',
        locations: [DirectiveLocation.FIELD_DEFINITION, DirectiveLocation.OBJECT],
        args: { permission: { type: new GraphQLNonNull(GraphQLString) } },
      }),
      new GraphQLDirective({
        name: 'requiresUser',
        description: 'Only a signed-in person may call this field (about the person themselves); never an API key.',
        locations: [DirectiveLocation.FIELD_DEFINITION],
      }),
      new GraphQLDirective({
        name: 'requiresCaller',
        description: 'Any signed-in person or API key may call this field (it reveals nothing about an organization).',
        locations: [DirectiveLocation.FIELD_DEFINITION],
      }),
      new GraphQLDirective({
        name: 'requiresApiKey',
        description: 'Only an API key may call this field (about the calling key itself).',
        locations: [DirectiveLocation.FIELD_DEFINITION],
      }),
      new GraphQLDirective({
        name: 'requiresOperator',
        description: 'Only a platform operator may call this field.',
        locations: [DirectiveLocation.FIELD_DEFINITION],
      }),
    ],
  });
}
