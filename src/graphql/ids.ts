import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { ValidationError } from '../errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Decodes a Relay global id of the expected type into a database id. Malformed ids and ids of another type are
 * validation errors (never a database error): the database is not touched.
 */
export function parseGlobalId(value: string, typename: string | string[], path: string[]): string {
  const expected = Array.isArray(typename) ? typename : [typename];
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(value);
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

export function toGlobalId(typename: string, id: string): string {
  return encodeGlobalID(typename, id);
}
