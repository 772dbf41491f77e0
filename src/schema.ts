import { lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { builder } from './graphql/builder.ts';
import { describeGeneratedTypes } from './graphql/generated-descriptions.ts';
import { withPermissionDirectives } from './graphql/requires-permission-plugin.ts';
import './graphql/scalars.ts';
import './graphql/error-types.ts';
import './domains/users/types.ts';
import './domains/organizations/types.ts';
import './domains/organizations/mutations.ts';
import './domains/organizations/viewer-can.ts';
import './domains/invitations/types.ts';
import './domains/invitations/mutations.ts';
import './domains/projects/types.ts';
import './domains/projects/mutations.ts';
import './domains/workflows/types.ts';
import './domains/workflows/mutations.ts';
import './domains/api-keys/types.ts';
import './domains/api-keys/mutations.ts';
import './domains/api-keys/usage-field.ts';
import './domains/api-keys/quota-types.ts';
import './domains/api-keys/current-key.ts';
import './domains/organizations/audit-log.ts';
import './domains/webhooks/types.ts';
import './domains/webhooks/mutations.ts';
import './domains/executions/types.ts';
import './domains/executions/mutations.ts';
import './domains/permissions/types.ts';

// Every root field declares who may call it (`authScopes`: a catalog permission, people only, operators only, or the
// calling key itself), printed as a directive. A field without a declaration stops the server from starting.
const DECLARATIONS = new Set(['requiresPermission', 'requiresUser', 'requiresOperator', 'requiresApiKey', 'requiresCaller']);

builder.queryType({ description: 'Reads. Each field says who may call it (`@requiresPermission`, `@requiresUser`, `@requiresApiKey`).' });
builder.mutationType({ description: 'Changes. Each returns a union of its payload and the typed errors it can answer with.' });

export const schema: GraphQLSchema = assertEveryRootFieldDeclared(describeGeneratedTypes(withPermissionDirectives(builder.toSchema())));

/** The committed contract (`schema.graphql`): sorted, with directives and their definitions. */
export function printContract(s: GraphQLSchema = schema): string {
  return `${printSchemaWithDirectives(lexicographicSortSchema(s)).trim()}\n`;
}

/**
 * Refuses a schema with a root field that says nothing about who may call it: such a field would be open to any
 * caller, keys included. `node` and `nodes` are guarded by the type of each object they return (`@requiresPermission`
 * on every node type) and are open to any signed-in caller.
 */
function assertEveryRootFieldDeclared(s: GraphQLSchema): GraphQLSchema {
  const undeclared = [s.getQueryType()!, s.getMutationType()!].flatMap((type) =>
    Object.values(type.getFields())
      .filter((field) => !(type.name === 'Query' && (field.name === 'node' || field.name === 'nodes')))
      .filter((field) => !Object.keys((field.extensions?.directives ?? {}) as object).some((d) => DECLARATIONS.has(d)))
      .map((field) => `${type.name}.${field.name}`),
  );
  if (undeclared.length) throw new Error(`root fields without a permission declaration: ${undeclared.join(', ')}`);
  return s;
}
