import { PothosValidationError } from '@pothos/core';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { ValidationError } from '../errors.ts';

/**
 * Global ids are `Type:uuid` in base64url without padding: they survive a double-click copy, a URL and a path segment.
 * Ids handed out before this change were standard base64 with `=` padding; Node's base64 decoder reads both alphabets
 * with or without padding, so those stay valid.
 */
export const GLOBAL_ID_DESCRIPTION =
  'Global id: opaque, URL-safe, unpadded. Every `id` and `...Id` argument takes it; `node(id:)` fetches it.';

const GLOBAL_ID_CHARS = /^[A-Za-z0-9_\-+/]+={0,2}$/;
const TYPENAME = /^[A-Z_a-z]\w*$/;

export function encodeGlobalId(typename: string, id: string | number | bigint): string {
  return Buffer.from(`${typename}:${id}`, 'utf8').toString('base64url');
}

export function decodeGlobalId(globalId: string): { typename: string; id: string } {
  const text = GLOBAL_ID_CHARS.test(globalId) ? Buffer.from(globalId, 'base64').toString('utf8') : '';
  const separator = text.indexOf(':');
  const typename = text.slice(0, separator);
  const id = text.slice(separator + 1);
  if (separator < 1 || !id || !TYPENAME.test(typename)) throw new PothosValidationError(`Invalid global ID: ${globalId}`);
  return { typename, id };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Decodes a Relay global id of the expected type into a database id. Malformed ids and ids of another type are
 * validation errors (never a database error): the database is not touched.
 */
export function parseGlobalId(value: string, typename: string | string[], path: string[]): string {
  const expected = Array.isArray(typename) ? typename : [typename];
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalId(value);
  } catch {
    throw new ValidationError([{ path, message: `is not a valid ${expected.join(' or ')} id` }]);
  }
  if (!expected.includes(decoded.typename) || !UUID.test(decoded.id)) {
    throw new ValidationError([{ path, message: `is not a valid ${expected.join(' or ')} id` }]);
  }
  return decoded.id.toLowerCase();
}

export function parseGlobalIds(values: readonly string[], typename: string, path: string[]): string[] {
  const issues: { path: string[]; message: string }[] = [];
  const ids = values.map((value, index) => {
    try {
      return parseGlobalId(value, typename, [...path, String(index)]);
    } catch (error) {
      if (error instanceof ValidationError) issues.push(...error.issues);
      return '';
    }
  });
  if (issues.length) throw new ValidationError(issues);
  return ids;
}

/** Whether `typename` is an object type implementing Node (the only types a global id may name). */
export function isNodeType(schema: GraphQLSchema, typename: string): boolean {
  const type = schema.getType(typename);
  return isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node');
}

export function toGlobalId(typename: string, id: string): string {
  return encodeGlobalId(typename, id);
}
