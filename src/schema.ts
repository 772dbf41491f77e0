import { lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { builder } from './graphql/builder.ts';
import { describeGeneratedTypes } from './graphql/generated-descriptions.ts';
import { withRequiresScopeDefinition } from './graphql/requires-scope-plugin.ts';
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
import './domains/organizations/audit-log.ts';
import './domains/webhooks/types.ts';
import './domains/webhooks/mutations.ts';
import './domains/executions/types.ts';
import './domains/executions/machine.ts';

// Management API: signed-in users only. Machine-facing fields opt out with `skipTypeScopes` and their own scopes.
builder.queryType({ description: 'Reads. Signed-in users, except the fields marked for API keys.', authScopes: { user: true } });
builder.mutationType({ description: 'Changes. Each returns a union of its payload and the typed errors it can answer with.', authScopes: { user: true } });

export const schema: GraphQLSchema = describeGeneratedTypes(withRequiresScopeDefinition(builder.toSchema()));

/** The committed contract (`schema.graphql`): sorted, with directives and their definitions. */
export function printContract(s: GraphQLSchema = schema): string {
  return `${printSchemaWithDirectives(lexicographicSortSchema(s)).trim()}\n`;
}
