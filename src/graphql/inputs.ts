import { z } from 'zod';
import { ValidationError } from '../errors.ts';

// Shared input rules. Control characters (C0, DEL, C1) and invisible format characters are never accepted in names.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const INVISIBLE_ONLY = /^[\s\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff]*$/u;
/** A lone UTF-16 surrogate: not a character at all, and PostgreSQL cannot store it (it would be mangled). */
export const LONE_SURROGATE = /\p{Cs}/u;

export function displayName(max = 100) {
  return z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .refine((v) => !INVISIBLE_ONLY.test(v), 'must contain visible characters')
    .refine((v) => !CONTROL.test(v), 'must not contain control characters')
    .refine((v) => !LONE_SURROGATE.test(v), 'must be valid Unicode')
    .refine((v) => [...v].length <= max, `must be at most ${max} characters`);
}

export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v), 'must not contain control characters')
    .refine((v) => !LONE_SURROGATE.test(v), 'must be valid Unicode')
    .refine((v) => [...v].length <= max, `must be at most ${max} characters`)
    .nullish();
}

export const slug = z
  .string()
  .trim()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/, 'must be 1-50 lower-case letters, digits or inner hyphens');

/** An address as SMTP allows it (at most 254 characters), lower-cased: invitations compare it with the token's email claim. */
export const email = z.string().trim().toLowerCase().max(254, 'must be at most 254 characters').pipe(z.email('must be an email address'));

/**
 * Optional fields of an update input may be omitted but not nulled (only those that can be cleared, like a note,
 * accept null). Throws a ValidationError for the first listed field that is null.
 */
export function rejectNulls<T extends object, F extends keyof T & string>(
  input: T,
  fields: F[],
): asserts input is T & { [K in F]: Exclude<T[K], null> } {
  const nulled = fields.find((field) => input[field] === null);
  if (nulled) throw ValidationError.field(['input', nulled], 'cannot be null');
}

/** Prisma hands `contains`/`startsWith` text to LIKE as is: escaped, `%` and `_` match only themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}
