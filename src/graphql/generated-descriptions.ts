import { isInputObjectType, isObjectType, isUnionType, type GraphQLNamedType, type GraphQLSchema } from 'graphql';

/**
 * Descriptions for the types that plugins generate from a field (connections, edges, result unions, payloads and
 * inputs of mutations), so that every type in the contract says what it is. Hand-written types describe themselves.
 */
const PATTERNS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^(\w+)ConnectionEdge$/, (m) => `One item of ${lower(m[1])}, with the cursor to page from it.`],
  [/^(\w+)Connection$/, (m) => `A page of ${lower(m[1])}: \`edges\`, \`pageInfo\` to page on, and \`totalCount\` over all pages.`],
  [/^Mutation(\w+)Result$/, (m) => `What \`${camel(m[1])}\` returns: its payload, or one of the typed errors it can answer with.`],
  [/^(\w+)Input$/, (m) => `Input of \`${camel(m[1])}\`.`],
  [/^(\w+)Payload$/, (m) => `Successful result of ${lower(m[1])}.`],
];

const camel = (name: string) => name[0].toLowerCase() + name.slice(1);
const lower = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

export function describeGeneratedTypes(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap()) as GraphQLNamedType[]) {
    if (type.description || type.name.startsWith('__')) continue;
    if (!isObjectType(type) && !isUnionType(type) && !isInputObjectType(type)) continue;
    const match = PATTERNS.map(([pattern, text]) => [type.name.match(pattern), text] as const).find(([m]) => m);
    if (match?.[0]) type.description = match[1](match[0]);
  }
  return schema;
}
