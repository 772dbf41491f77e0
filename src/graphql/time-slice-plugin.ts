import SchemaBuilder, { BasePlugin, isThenable, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { TimeSlicer } from '../lib/time-slice.ts';

/**
 * Resolvers run in time slices (lib/time-slice.ts): a request that resolves thousands of objects gives the event loop
 * back every slice, so `/health` and other requests are answered between its slices instead of after all of it.
 */
const slicers = new WeakMap<object, TimeSlicer>();

/** Yoga side: the app's slicer for each execution. */
export function timeSlices(slicer: TimeSlicer): Plugin {
  return {
    onExecute({ args }) {
      slicers.set(args.contextValue as object, slicer);
    },
  };
}

/**
 * Pothos side: every resolver asks the slicer before it runs, and a list that arrives later (a batch of `nodes`)
 * asks again before its items are completed, which GraphQL does for all of them at once.
 */
class TimeSlicePlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    const list = fieldConfig.type.kind === 'List';
    return (parent, args, context, info) => {
      const slicer = slicers.get(context as object);
      if (!slicer) return resolver(parent, args, context, info);
      const result = slicer.run(() => resolver(parent, args, context, info));
      return list && isThenable(result) ? Promise.resolve(result).then((items) => slicer.run(() => items)) : result;
    };
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Pothos plugins register themselves this way
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      timeSlice: TimeSlicePlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin('timeSlice', TimeSlicePlugin);
