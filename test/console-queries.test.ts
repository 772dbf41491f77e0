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
// A well-formed id of no key: the queries run through to "not found".
const noKeyId = Buffer.from('ApiKey:00000000-0000-0000-0000-000000000000').toString('base64url');
// The usage page's widest range (90 days, its longest) and its top-key lists.
const variables = { slug: 'no-such-org', project: 'no-such-project', id: noKeyId, ids: [noKeyId], first: 20, from: new Date(Math.floor(Date.now() / 86_400_000 - 89) * 86_400_000).toISOString(), top: 10 };
// The usage chart's largest series (it asks for 30 days or 48 hours; 90 days is the API's bound).
const usageVariables = { granularity: 'DAY', last: 90 };
const declares = (doc: DocumentNode, name: string) =>
  doc.definitions.some((d) => d.kind === 'OperationDefinition' && d.variableDefinitions?.some((v) => v.variable.name.value === name));

afterAll(async () => (await sharedApp()).close());

test('the console has queries to check', () => {
  expect(queries.length).toBeGreaterThanOrEqual(8);
});

test.each(queries)('%s stays within the query limits', async (name, doc) => {
  const { app } = await sharedApp();
  // The operator screen's documents are asked by an operator, as the console does; every other one by a person.
  const token = await signToken({ sub: 'console-query-check', ...(/Operator/.test(String(name)) ? { roles: ['operator'] } : {}) });
  const document = doc as DocumentNode;
  const body = JSON.stringify({ query: print(formatDocument(document)), variables: { ...variables, ...(declares(document, 'granularity') ? usageVariables : {}) } });
  const response = await app.fetch('http://keysmith.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), authorization: `Bearer ${token}` },
    body,
  });
  const result = (await response.json()) as { errors?: { message: string }[] };
  // Only "not found" answers (no errors): a variable the check does not supply would otherwise pass unnoticed.
  expect(result.errors ?? []).toEqual([]);
});
