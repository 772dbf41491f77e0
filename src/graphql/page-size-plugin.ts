import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import { checkPageSize } from './limits.ts';

/**
 * Every connection field (any field with a `first` argument; connections have `first` and `last`) refuses page sizes
 * outside 0..MAX_PAGE_SIZE with a clear error, instead of the plugins' silent clamping. A field with `last` alone
 * (`ApiKey.usage`) is not a connection and bounds its own `last`.
 */
class PageSizePlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (!('first' in fieldConfig.args)) return resolver;
    return (parent, args, context, info) => {
      checkPageSize(args as { first?: number | null; last?: number | null });
      return resolver(parent, args, context, info);
    };
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Pothos plugins register themselves this way
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      pageSize: PageSizePlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin('pageSize', PageSizePlugin);
