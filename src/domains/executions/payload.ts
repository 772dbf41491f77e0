import { ValidationError } from '../../errors.ts';
import { LONE_SURROGATE } from '../../graphql/inputs.ts';
import { MAX_JSON_VALUE_BYTES } from '../../graphql/limit-rules.ts';

export const MAX_PAYLOAD_BYTES = MAX_JSON_VALUE_BYTES;
export const MAX_PAYLOAD_DEPTH = 32;

/**
 * Checks a workflow payload before anything recursive touches it: nesting depth (a deep array would overflow the
 * stack of JSON.stringify), then what PostgreSQL's jsonb cannot store (NUL, lone surrogates), then the size.
 * Iterative on purpose. Returns the payload as JSON text.
 */
export function payloadJson(payload: unknown): string {
  const path = ['input', 'payload'];
  // `depth` is the number of arrays and objects around a value: `[]` and `{}` are one level deep, `[[]]` two.
  const stack: { value: unknown; depth: number }[] = [{ value: payload, depth: 0 }];
  while (stack.length) {
    const { value, depth } = stack.pop()!;
    if (typeof value === 'string') {
      checkText(value, path);
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    if (depth + 1 > MAX_PAYLOAD_DEPTH) throw ValidationError.field(path, `must be nested at most ${MAX_PAYLOAD_DEPTH} levels deep`);
    if (Array.isArray(value)) for (const item of value) stack.push({ value: item, depth: depth + 1 });
    else {
      for (const [key, item] of Object.entries(value)) {
        checkText(key, path);
        stack.push({ value: item, depth: depth + 1 });
      }
    }
  }
  const json = JSON.stringify(payload ?? null);
  if (Buffer.byteLength(json) > MAX_PAYLOAD_BYTES) {
    throw ValidationError.field(path, `must be at most ${MAX_PAYLOAD_BYTES / 1024} KiB of JSON`);
  }
  return json;
}

function checkText(text: string, path: string[]): void {
  if (text.includes('\u0000')) throw ValidationError.field(path, 'must not contain NUL characters');
  if (LONE_SURROGATE.test(text)) throw ValidationError.field(path, 'must be valid Unicode');
}
