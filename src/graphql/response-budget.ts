import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { GraphQLError, type GraphQLFieldResolver } from 'graphql';
import { badRequest } from '../http-errors.ts';
import type { Plugin } from 'graphql-yoga';

/**
 * A per-request budget for the bytes of leaf values (strings, JSON payloads, ...) a response carries. The cost
 * limit bounds how many fields a query can resolve; this bounds how large they can be together, so that no request
 * makes the process hold more than about the budget. Once spent, every further resolver fails at once (no more
 * database reads) and the whole result is replaced by one error.
 */
class ResponseBudget {
  spent = 0;
  exceeded = false;
  constructor(readonly maxBytes: number) {}

  ensureOpen(): void {
    if (this.exceeded) throw new ResponseTooLargeSignal();
  }

  charge<T>(value: T): T {
    this.spent += approximateBytes(value);
    if (this.spent > this.maxBytes) {
      this.exceeded = true;
      throw new ResponseTooLargeSignal();
    }
    return value;
  }
}

/** Internal: unwinds resolvers once the budget is spent; the client only ever sees `responseTooLarge`. */
class ResponseTooLargeSignal extends GraphQLError {
  constructor() {
    super('Response too large', { extensions: { code: 'RESPONSE_TOO_LARGE' } });
  }
}

function approximateBytes(value: unknown): number {
  if (value == null) return 4;
  if (typeof value === 'string') return value.length + 2;
  if (typeof value === 'object' && !(value instanceof Date)) {
    if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) {
      return value.reduce<number>((sum, v) => sum + approximateBytes(v), 2);
    }
    return JSON.stringify(value)?.length ?? 4;
  }
  return 24;
}

const budgets = new WeakMap<object, ResponseBudget>();

export function responseTooLarge(maxBytes: number): GraphQLError {
  const size = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / (1024 * 1024))} MiB` : `${Math.round(maxBytes / 1024)} KiB`;
  return badRequest(
    `Response too large: it would exceed the limit of ${size} per request. Ask for fewer items (smaller first/last, fewer ids or aliases) or leave out large fields such as payload, and page through the rest.`,
    'RESPONSE_TOO_LARGE',
  );
}

/** Yoga side: opens a budget for each execution and turns a spent one into a single clear error. */
export function responseBudget(maxBytes: number): Plugin {
  return {
    onExecute({ args }) {
      const budget = new ResponseBudget(maxBytes);
      budgets.set(args.contextValue as object, budget);
      return {
        onExecuteDone({ setResult }) {
          if (budget.exceeded) setResult({ errors: [responseTooLarge(maxBytes)] });
        },
      };
    },
  };
}

/** Pothos side: every resolver checks the budget; leaf fields charge what they return. */
class ResponseBudgetPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    let type = fieldConfig.type;
    while (type.kind === 'List') type = type.type;
    const leaf = type.kind === 'Scalar' || type.kind === 'Enum';
    return (parent, args, context, info) => {
      const budget = budgets.get(context as object);
      if (!budget) return resolver(parent, args, context, info);
      budget.ensureOpen();
      const result = resolver(parent, args, context, info);
      if (!leaf) return result;
      return result instanceof Promise ? result.then((value) => budget.charge(value)) : budget.charge(result);
    };
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Pothos plugins register themselves this way
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      responseBudget: ResponseBudgetPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin('responseBudget', ResponseBudgetPlugin);
