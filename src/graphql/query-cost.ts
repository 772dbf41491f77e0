import {
  getNamedType,
  getOperationAST,
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
import { DEFAULT_PAGE_SIZE, MAX_JSON_VALUE_BYTES, MAX_KEY_SECRETS_PER_REQUEST, MAX_LIST_ARGUMENT_ITEMS, MAX_PAGE_SIZE, queryLimitError } from './limit-rules.ts';
import { responseTooLarge } from './response-budget.ts';
import { badRequest } from '../http-errors.ts';

// GraphQL Armor's cost model (an object field 2, a scalar 1, each level ×1.5, a connection × its page size), applied
// to the operation with its variable values. Armor's own rule runs during validation, where variables are unknown,
// so `first: $n` would count as 1; this runs just before execution instead.
const OBJECT_COST = 2;
const SCALAR_COST = 1;
const DEPTH_FACTOR = 1.5;

type Estimate = { cost: number; bytes: number; rows: number; secrets: number };
const NOTHING: Estimate = { cost: 0, bytes: 0, rows: 0, secrets: 0 };

export type OperationAnalysis = {
  cost: number;
  /** The most bytes of JSON values (workflow payloads) the operation could return: MAX_JSON_VALUE_BYTES each. */
  maxJsonBytes: number;
  /**
   * The most objects (database rows) the operation could load, whatever it selects of them: every id of every
   * `nodes(ids:)`, every page item, every item of a plain list at its bound, multiplied through nesting and summed
   * over aliases. A row costs memory even when only its id is returned.
   */
  maxRows: number;
  /** How many new API-key secrets (one argon2 hash each) the operation could mint. */
  keySecrets: number;
  listTooLong: { field: string; argument: string } | null;
};

/**
 * Field extensions read by the cost model, declared where each field is defined:
 * - `maxItems`: a plain list (no first/last) holds at most this many items; it is costed as that many.
 * - `mintsKeySecret`: a mutation field that makes a new API-key secret (one argon2 hash).
 */
export type CostExtensions = { maxItems?: number; mintsKeySecret?: boolean };

/** `extensions` for a plain list field bounded by `maxItems` (see CostExtensions). */
export const listBound = (maxItems: number): { maxItems: number } => ({ maxItems });

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
    const total: Estimate = { ...NOTHING };
    const add = (e: Estimate) => {
      total.cost += e.cost;
      total.bytes += e.bytes;
      total.rows += e.rows;
      total.secrets += e.secrets;
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
          cost = fragment && isCompositeType(type) ? selectionCost(type, fragment.selectionSet) : NOTHING;
          fragmentCosts.set(name, cost);
        }
        add(cost);
      }
    }
    return total;
  };

  const fieldCost = (parent: GraphQLCompositeType, node: FieldNode): Estimate => {
    const name = node.name.value;
    if (name === '__schema' || name === '__type') return NOTHING; // governed by INTROSPECTION
    const definition = 'getFields' in parent ? (parent.getFields()[name] as GraphQLField<unknown, unknown> | undefined) : undefined;
    const type = definition ? getNamedType(definition.type) : undefined;
    const secrets = (definition?.extensions as CostExtensions | undefined)?.mintsKeySecret ? 1 : 0;
    if (!node.selectionSet) {
      // Other leaves are small and bounded in number by the cost; a JSON value may be as large as we store.
      return { cost: SCALAR_COST, bytes: type?.name === 'JSON' ? MAX_JSON_VALUE_BYTES : 0, rows: 0, secrets };
    }
    const children = isCompositeType(type) ? selectionCost(type, node.selectionSet) : NOTHING;
    const factor = multiplier(definition, node);
    // A plain list is as long as the data makes it: its rows and secrets count at its declared bound, never as one
    // item. Armor's cost keeps counting it once: its ×1.5 per level would make the console's page of 20 keys (each
    // with up to 100 projects and 2 × 100 workflows) cost about 236,000; the row limit bounds it linearly. JSON bytes
    // too: the only JSON in a plain list is a delivery's event body (a few KiB, not the 64 KiB of a workflow
    // payload), and the running response budget charges it as returned.
    const items = Math.max(factor, (definition?.extensions as CostExtensions | undefined)?.maxItems ?? 1);
    return {
      cost: (OBJECT_COST + DEPTH_FACTOR * children.cost) * factor,
      bytes: children.bytes * factor,
      rows: (1 + children.rows) * items,
      secrets: secrets + children.secrets * items,
    };
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

  const { cost, bytes, rows, secrets } = selectionCost(root, operation.selectionSet);
  return { cost, maxJsonBytes: bytes, maxRows: rows, keySecrets: secrets, listTooLong };
}

/**
 * Refuses, before execution (nothing is loaded, nothing is hashed): list arguments over MAX_LIST_ARGUMENT_ITEMS,
 * operations over the cost limit, operations that could mint more than MAX_KEY_SECRETS_PER_REQUEST key secrets or
 * load more than `maxRows` objects, and operations whose JSON values alone could exceed the response budget.
 */
export function queryCostLimit(limits: { maxCost: number; maxRows: number; maxResponseBytes: number }): Plugin {
  const { maxCost, maxRows, maxResponseBytes } = limits;
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const analysis = analyzeOperation(args.schema, args.document, args.operationName, args.variableValues as Record<string, unknown>);
      if (!analysis) return;
      if (analysis.listTooLong) {
        const { field, argument } = analysis.listTooLong;
        setResultAndStopExecution({
          errors: [
            badRequest(`"${argument}" of ${field} must have at most ${MAX_LIST_ARGUMENT_ITEMS} items`, 'BAD_USER_INPUT'),
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
      } else if (analysis.keySecrets > MAX_KEY_SECRETS_PER_REQUEST) {
        setResultAndStopExecution({
          errors: [
            queryLimitError(
              'keySecrets',
              `Too many new API-key secrets in one request: create or rotate at most ${MAX_KEY_SECRETS_PER_REQUEST} keys per request, and send the rest in further requests.`,
            ),
          ],
        });
      } else if (analysis.maxRows > maxRows) {
        setResultAndStopExecution({
          errors: [
            queryLimitError(
              'rows',
              'Query loads too many objects: every id of nodes(ids:), every page item and every list item counts, in every alias, whatever is selected of them. Ask for fewer ids or items, fewer aliases, or leave out nested lists, and page through the rest.',
            ),
          ],
        });
      } else if (analysis.maxJsonBytes > maxResponseBytes) {
        setResultAndStopExecution({ errors: [responseTooLarge(maxResponseBytes)] });
      }
    },
  };
}
