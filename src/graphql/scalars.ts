import { DateTimeResolver, JSONResolver, SafeIntResolver } from 'graphql-scalars';
import { builder } from './builder.ts';

builder.addScalarType('DateTime', DateTimeResolver);
builder.addScalarType('JSON', JSONResolver);
builder.addScalarType('SafeInt', SafeIntResolver, {
  // usageCount is a BigInt column; SafeInt carries it to clients exactly up to 2^53-1.
  serialize: (value) => SafeIntResolver.serialize(typeof value === 'bigint' ? Number(value) : value),
});
