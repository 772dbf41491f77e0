import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';
import { SignJWT } from 'jose';
import type { App } from '../../src/server.ts';
import { TEST_JWT_SECRET } from './app.ts';

export type Result<R> = {
  status: number;
  data: R | null;
  errors?: GraphQLFormattedError[];
  response: Response;
  body: string;
};

export async function signToken(
  claims: { sub: string; email?: string; email_verified?: boolean | string; name?: string; roles?: string[] },
  options: { expiresIn?: string | number; secret?: string; alg?: string } = {},
): Promise<string> {
  const { sub, ...rest } = claims;
  return new SignJWT(rest)
    .setProtectedHeader({ alg: options.alg ?? 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '1h')
    .sign(new TextEncoder().encode(options.secret ?? TEST_JWT_SECRET));
}

/** Sends a GraphQL operation like a client would: POST /graphql with JSON. */
export async function execute<R, V>(
  app: Pick<App, 'fetch'>,
  document: TypedDocumentNode<R, V>,
  variables?: V,
  options: { token?: string; authorization?: string; headers?: Record<string, string>; baseUrl?: string } = {},
): Promise<Result<R>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.authorization !== undefined) headers.authorization = options.authorization;
  else if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await app.fetch(`${options.baseUrl ?? 'http://keysmith.test'}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = await response.text();
  let parsed: { data?: R | null; errors?: GraphQLFormattedError[] } = {};
  try {
    parsed = JSON.parse(body);
  } catch {
    // non-JSON bodies are checked by the caller through `body`
  }
  return { status: response.status, data: parsed.data ?? null, errors: parsed.errors, response, body };
}

/** The data of a result that must have succeeded at the GraphQL level. */
export function ok<R>(result: Result<R>): R {
  if (result.errors?.length || !result.data) {
    throw new Error(`GraphQL request failed (${result.status}): ${result.body}`);
  }
  return result.data;
}

/** Narrows a mutation result union to one `__typename`, failing the test with the actual value otherwise. */
export function as<T extends { __typename?: string }, N extends NonNullable<T['__typename']>>(
  value: T,
  typename: N,
): Extract<T, { __typename?: N }> {
  if (value.__typename !== typename) {
    throw new Error(`expected ${typename}, got ${JSON.stringify(value)}`);
  }
  return value as Extract<T, { __typename?: N }>;
}
