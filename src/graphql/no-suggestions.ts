import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** graphql-js appends its suggestion as the message's last sentence: `… Did you mean "x"?`, `… the enum value "Y"?`. */
const SUGGESTION = /\s*Did you mean [^]*\?$/;

/**
 * Without introspection, "did you mean" hints would let a client map the schema. GraphQL Armor hides field
 * suggestions during validation only; this covers every error of every result — enum values, input fields, and
 * the values of variables, which are coerced at execution.
 */
export function useNoSuggestions(): Plugin {
  return {
    onResultProcess({ result }) {
      for (const item of Array.isArray(result) ? result : [result]) {
        for (const error of (item as ExecutionResult).errors ?? []) {
          if (SUGGESTION.test(error.message)) (error as { message: string }).message = error.message.replace(SUGGESTION, '');
        }
      }
    },
  };
}
