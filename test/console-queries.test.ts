import { formatDocument } from '@urql/core';
import { print, type DocumentNode } from 'graphql';
import { afterAll, expect, test } from 'vitest';
import * as documents from '../web/src/gql/graphql.ts';
import { sharedApp } from './support/app.ts';
import { signToken } from './support/client.ts';

// Every query the console sends — as urql sends it, with __typename added to each selection — passes the API's
// query limits (depth, tokens, cost) at the default settings. A screen that asks for too much fails here, not in
// front of a user.
const queries = Object.entries(documents).filter(
  ([name, doc]) => name.endsWith('Document') && (doc as DocumentNode).definitions.some((d) => d.kind === 'OperationDefinition' && d.operation === 'query'),
);
const variables = { slug: 'no-such-org', project: 'no-such-project', id: 'QXBpS2V5OjA=', first: 20 };

afterAll(async () => (await sharedApp()).close());

test('the console has queries to check', () => {
  expect(queries.length).toBeGreaterThanOrEqual(8);
});

test.each(queries)('%s stays within the query limits', async (_name, doc) => {
  const { app } = await sharedApp();
  const token = await signToken({ sub: 'console-query-check' });
  const body = JSON.stringify({ query: print(formatDocument(doc as DocumentNode)), variables });
  const response = await app.fetch('http://keysmith.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), authorization: `Bearer ${token}` },
    body,
  });
  const result = (await response.json()) as { errors?: { message: string }[] };
  expect((result.errors ?? []).map((e) => e.message).filter((m) => /limit|exceed|depth|token/i.test(m))).toEqual([]);
});
