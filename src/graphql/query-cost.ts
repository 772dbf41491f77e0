import {
  getNamedType,
  getOperationAST,
  GraphQLError,
  isCompositeType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { DEFAULT_PAGE_SIZE, MAX_JSON_VALUE_BYTES, MAX_LIST_ARGUMENT_ITEMS, MAX_PAGE_SIZE, queryLimitError } from './limits.ts';
import { responseTooLarge } from './response-budget.ts';

// GraphQL Armor's cost model (an object field 2, a scalar 1, each level ×1.5, a connection × its page size), applied
// to the operation with its variable values. Armor's own rule runs during validation, where variables are unknown,
// so `first: $n` would count as 1; this runs just before execution instead.
const OBJECT_COST = 2;
const SCALAR_COST = 1;
const DEPTH_FACTOR = 1.5;

type Estimate = { cost: number; bytes: number };

export type OperationAnalysis = {
  cost: number;
  /** The most bytes of JSON values (workflow payloads) the operation could return: MAX_JSON_VALUE_BYTES each. */
  maxJsonBytes: number;
  listTooLong: { field: string; argument: string } | null;
};

/**
 * The estimated cost of the operation that will run, with variables (and their defaults) in place: `first`/`last`
 * multiply a connection by the page size (the default page size when absent), and a list argument such as
 * `nodes(ids:)` multiplies its field by the number of items. Also reports the first top-level list argument longer
 * than MAX_LIST_ARGUMENT_ITEMS, and how many bytes of JSON values the operation could return at most.
 */
export function analyzeOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variableValues: Record<string, unknown> | null | undefined,
): OperationAnalysis | null {
  const operation = getOperationAST(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return null;
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const given = variableValues?.[name];
    variables[name] = given !== undefined ? given : definition.defaultValue ? valueFromASTUntyped(definition.defaultValue) : undefined;
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  let listTooLong: OperationAnalysis['listTooLong'] = null;
  // Fragments are costed once (validation has already refused cycles), so nested spreads cannot blow up the analysis.
  const fragmentCosts = new Map<string, Estimate>();

  const selectionCost = (parent: GraphQLCompositeType, set: SelectionSetNode): Estimate => {
    const total: Estimate = { cost: 0, bytes: 0 };
    const add = (e: Estimate) => {
      total.cost += e.cost;
      total.bytes += e.bytes;
    };
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        add(fieldCost(parent, selection));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        add(selectionCost(isCompositeType(type) ? type : parent, selection.selectionSet));
      } else {
        const name = selection.name.value;
        let cost = fragmentCosts.get(name);
        if (cost === undefined) {
          const fragment = fragments.get(name);
          const type = fragment && schema.getType(fragment.typeCondition.name.value);
          cost = fragment && isCompositeType(type) ? selectionCost(type, fragment.selectionSet) : { cost: 0, bytes: 0 };
          fragmentCosts.set(name, cost);
        }
        add(cost);
      }
    }
    return total;
  };

  const fieldCost = (parent: GraphQLCompositeType, node: FieldNode): Estimate => {
    const name = node.name.value;
    if (name === '__schema' || name === '__type') return { cost: 0, bytes: 0 }; // governed by INTROSPECTION
    const definition = 'getFields' in parent ? (parent.getFields()[name] as GraphQLField<unknown, unknown> | undefined) : undefined;
    const type = definition ? getNamedType(definition.type) : undefined;
    if (!node.selectionSet) {
      // Other leaves are small and bounded in number by the cost; a JSON value may be as large as we store.
      return { cost: SCALAR_COST, bytes: type?.name === 'JSON' ? MAX_JSON_VALUE_BYTES : 0 };
    }
    const children = isCompositeType(type) ? selectionCost(type, node.selectionSet) : { cost: 0, bytes: 0 };
    const factor = multiplier(definition, node);
    return { cost: (OBJECT_COST + DEPTH_FACTOR * children.cost) * factor, bytes: children.bytes * factor };
  };

  const argumentValues = (node: FieldNode) =>
    (node.arguments ?? []).map((argument) => ({ name: argument.name.value, value: valueFromASTUntyped(argument.value, variables) }));

  const multiplier = (definition: GraphQLField<unknown, unknown> | undefined, node: FieldNode): number => {
    let factor = 1;
    let paged = false;
    for (const { name, value } of argumentValues(node)) {
      if ((name === 'first' || name === 'last') && typeof value === 'number') {
        paged = true;
        // Page sizes above the maximum are refused by the resolver with their own error.
        factor = Math.max(factor, Math.min(Math.max(value, 0), MAX_PAGE_SIZE));
      } else if (Array.isArray(value)) {
        if (value.length > MAX_LIST_ARGUMENT_ITEMS) listTooLong ??= { field: node.name.value, argument: name };
        factor = Math.max(factor, value.length);
      }
    }
    if (!paged && definition?.args.some((a) => a.name === 'first' || a.name === 'last')) factor = Math.max(factor, DEFAULT_PAGE_SIZE);
    return factor;
  };

  const { cost, bytes } = selectionCost(root, operation.selectionSet);
  return { cost, maxJsonBytes: bytes, listTooLong };
}

/**
 * Refuses, before execution (nothing is loaded): list arguments over MAX_LIST_ARGUMENT_ITEMS, operations over the
 * cost limit, and operations whose JSON values alone could exceed the response budget.
 */
export function queryCostLimit(maxCost: number, maxResponseBytes: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const analysis = analyzeOperation(args.schema, args.document, args.operationName, args.variableValues as Record<string, unknown>);
      if (!analysis) return;
      if (analysis.listTooLong) {
        const { field, argument } = analysis.listTooLong;
        setResultAndStopExecution({
          errors: [
            new GraphQLError(`"${argument}" of ${field} must have at most ${MAX_LIST_ARGUMENT_ITEMS} items`, {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            }),
          ],
        });
      } else if (analysis.cost > maxCost) {
        setResultAndStopExecution({
          errors: [
            queryLimitError(
              'cost',
              'Query cost limit exceeded: it could return too many objects. Ask for fewer items (smaller first/last, fewer ids), fewer aliases, or fewer nested connections, and page through the rest.',
            ),
          ],
        });
      } else if (analysis.maxJsonBytes > maxResponseBytes) {
        setResultAndStopExecution({ errors: [responseTooLarge(maxResponseBytes)] });
      }
    },
  };
}
