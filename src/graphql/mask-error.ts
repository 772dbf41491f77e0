import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { maskError } from 'graphql-yoga';
import type { Logger } from 'pino';
import { ValidationError } from '../errors.ts';
import { badRequest, serviceUnavailable } from '../http-errors.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { KEY_IN_TEXT } from '../lib/key-format.ts';
import { requestScope } from '../request-context.ts';

/**
 * The one place where errors become what a client sees. Expected errors keep their message; client mistakes that
 * surface outside a mutation's result union become BAD_USER_INPUT; everything else is masked to a generic message
 * with the request id, and the detail (scrubbed of secrets) goes to the log.
 */
export function createMaskError(logger: Logger) {
  return (error: unknown): Error => {
    const requestId = requestScope.getStore()?.requestId;
    const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
    const path = error instanceof GraphQLError ? error.path : undefined;
    if (original instanceof PothosValidationError) return badUserInput(original.message, path);
    if (original instanceof ValidationError) return badUserInput(original.message, path, { issues: original.issues });
    if (isDataException(original)) {
      // A value the database cannot take (a malformed id in a cursor, a NUL byte in a filter): the input is at fault.
      logger.info({ requestId, err: scrubError(original) }, 'input rejected by the database');
      return badUserInput('Invalid input value', path);
    }
    if (isOverloaded(original)) {
      // Every database connection stayed busy past the wait: nothing was written; the client may simply retry.
      logger.warn({ requestId, err: scrubError(original) }, 'database busy: answered 503');
      const busy = serviceUnavailable('The service is busy; retry shortly', 1);
      return new GraphQLError(busy.message, { path, extensions: { ...busy.extensions, requestId } });
    }
    // Yoga attaches JSON.parse's message to a malformed body's error, and it quotes the start of the body.
    if (error instanceof GraphQLError && error.extensions.originalError && error.extensions.code === 'BAD_REQUEST') {
      const { originalError: _quoted, ...extensions } = error.extensions;
      return badRequest(error.message, String(extensions.code), extensions);
    }
    const masked = maskError(error, `Unexpected error. Request id: ${requestId ?? 'unknown'}`, false);
    if (masked === error) return masked as Error;
    // The one log line of a masked error: no query text or variables, which may hold anything a client sent.
    logger.error({ requestId, err: scrubError(original) }, 'unexpected error');
    const m = masked as GraphQLError;
    return new GraphQLError(m.message, { nodes: m.nodes, path: m.path, extensions: { ...m.extensions, requestId } });
  };
}

function badUserInput(message: string, path: readonly (string | number)[] | undefined, extra: Record<string, unknown> = {}) {
  return new GraphQLError(message, { path, extensions: { code: 'BAD_USER_INPUT', ...extra } });
}

/** No database connection or transaction could be had in time (P2024 pool timeout, P2028 transaction start). */
function isOverloaded(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && (error.code === 'P2024' || (error.code === 'P2028' && /in the given time/.test(error.message)));
}

/** PostgreSQL class 22 ("data exception"), as reported through Prisma's driver adapters. */
function isDataException(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const meta = error.meta as { driverAdapterError?: { cause?: { originalCode?: string } }; code?: string } | undefined;
  const code = meta?.driverAdapterError?.cause?.originalCode ?? meta?.code;
  return typeof code === 'string' && code.startsWith('22');
}

const SECRET_PATTERNS: [RegExp, string][] = [
  // A PHC string: its parameters contain commas (`m=19456,t=2,p=1`), so stop only where base64 and `$=,` end.
  [/\$argon2(?:id|i|d)\$[A-Za-z0-9+/=,$.-]+/g, '[argon2 hash]'],
  [KEY_IN_TEXT, '$1_[secret]'],
  [/Bearer\s+[A-Za-z0-9._~+/=-]+/g, 'Bearer [redacted]'],
];

/** Prisma's messages quote query arguments: never let a hash, a key or a token reach the log through them. */
export function scrub(text: string): string {
  return SECRET_PATTERNS.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text);
}

export function scrubError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { value: scrub(String(error)) };
  return {
    type: error.constructor.name,
    message: scrub(error.message),
    stack: error.stack ? scrub(error.stack) : undefined,
    code: (error as { code?: unknown }).code,
  };
}
