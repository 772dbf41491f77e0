import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import type { Context } from '../context.ts';
import { BulkOperationError, PermissionDeniedError, QuotaExceededError } from '../errors.ts';
import { noteRefusal } from '../domains/api-keys/usage-outcomes.ts';

/**
 * A key's call refused by a typed error of a mutation's result union counts under that refusal in the key's usage:
 * a `ForbiddenError` (or a bulk operation refused for a forbidden item) as FORBIDDEN, a `QuotaExceededError` as
 * QUOTA_EXCEEDED. Registered just inside the errors plugin, so it sees the error itself, thrown or returned, before
 * the errors plugin wraps it for the union (its proxy is no longer `instanceof` the class). Only fields with typed errors are wrapped: queries pay nothing. (Refusals that are GraphQL errors, `extensions.code` FORBIDDEN,
 * are counted from the execution result: auth/api-key.ts.)
 */
class UsageOutcomePlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (!(fieldConfig.pothosOptions as { errors?: unknown }).errors) return resolver;
    const note = (context: object, outcome: unknown) => {
      const refusal = refusalOf(outcome);
      if (refusal) noteRefusal((context as Context).keyCall, refusal);
    };
    return async (parent, args, context, info) => {
      try {
        const result: unknown = await resolver(parent, args, context, info);
        note(context, result);
        return result;
      } catch (error) {
        note(context, error);
        throw error;
      }
    };
  }
}

function refusalOf(result: unknown): 'FORBIDDEN' | 'QUOTA_EXCEEDED' | null {
  if (result instanceof QuotaExceededError) return 'QUOTA_EXCEEDED';
  if (result instanceof PermissionDeniedError) return 'FORBIDDEN';
  if (result instanceof BulkOperationError && result.failures.some((f) => f.reason === 'FORBIDDEN')) return 'FORBIDDEN';
  return null;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Pothos plugins register themselves this way
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      usageOutcome: UsageOutcomePlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin('usageOutcome', UsageOutcomePlugin);
