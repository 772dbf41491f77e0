import { describe, expect } from 'vitest';
import { execute, ok } from './support/client.ts';
import { test } from './support/fixtures.ts';
import { projectKey } from './support/keys.ts';
import { DeleteApiKey, KeyListPage } from './support/operations.ts';
import type { ApiKeyOrder } from './generated/graphql.ts';

// Keyset pages (src/domains/api-keys/key-list.ts): every order reads complete and stable across pages while keys are
// created and deleted between them, backwards as forwards; ties (same name, same expiry, no expiry) are broken by id;
// a cursor is refused by a list sorted another way.

const ORDERS: ApiKeyOrder[] = [
  { field: 'NAME', direction: 'ASC' },
  { field: 'NAME', direction: 'DESC' },
  { field: 'EXPIRES_AT', direction: 'ASC' },
  { field: 'EXPIRES_AT', direction: 'DESC' },
  { field: 'CREATED_AT', direction: 'DESC' },
  { field: 'LAST_USED_AT', direction: 'DESC' },
];

describe('key list pages', () => {
  test('each order pages completely, forwards and backwards, while keys come and go between pages', async ({ t, org, owner, project }) => {
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    // Names repeat and expiries repeat (and four never expire): only the id breaks those ties.
    const specs = [
      ['alpha', 3], ['alpha', null], ['bravo', 3], ['alpha', 10], ['charlie', null], ['bravo', 3],
      ['delta', 10], ['alpha', 3], ['charlie', null], ['echo', 20], ['bravo', null],
    ] as const;
    const keys: { id: string; name: string }[] = [];
    for (const [name, days] of specs) {
      const created = await projectKey(t.app, owner, project.id, days === null ? { name } : { name, policy: 'CUSTOM', expiresAt: inDays(days) });
      keys.push({ id: created.apiKey.id, name });
    }
    const page = async (orderBy: ApiKeyOrder, args: { first?: number; after?: string; last?: number; before?: string }) =>
      ok(await execute(t.app, KeyListPage, { slug: org.slug, orderBy, ...args }, { token: owner.token })).organization!.apiKeys!;
    const all = async (orderBy: ApiKeyOrder) => (await page(orderBy, { first: 100 })).edges.map((e) => e.node.id);

    for (const orderBy of ORDERS) {
      const order = `${orderBy.field} ${orderBy.direction}`;
      const before = await all(orderBy);
      expect(before, order).toHaveLength((await page(orderBy, { first: 1 })).totalCount);

      // Forwards, three at a time; after the first page one key already read and one not yet read are deleted, and
      // a key is created.
      const read: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      const removedRead = before[1];
      const removedAhead = before[7];
      for (;;) {
        const p = await page(orderBy, { first: 3, after: cursor });
        read.push(...p.edges.map((e) => e.node.id));
        pages++;
        if (pages === 1) {
          for (const id of [removedRead, removedAhead]) ok(await execute(t.app, DeleteApiKey, { input: { id } }, { token: owner.token }));
          await projectKey(t.app, owner, project.id, { name: 'bravo' });
        }
        if (!p.pageInfo.hasNextPage) break;
        cursor = p.pageInfo.endCursor!;
        expect(pages, order).toBeLessThan(10);
      }
      const after = await all(orderBy);
      // No key read twice; every key there from start to end read once, in the final order.
      expect(new Set(read).size, order).toBe(read.length);
      const stable = after.filter((id) => before.includes(id));
      expect(read.filter((id) => stable.includes(id)), order).toEqual(stable);
      expect(read, order).not.toContain(removedAhead);

      // Backwards from the end, three at a time: the same list.
      const backwards: string[] = [];
      cursor = undefined;
      for (let i = 0; ; i++) {
        const p = await page(orderBy, { last: 3, before: cursor });
        backwards.unshift(...p.edges.map((e) => e.node.id));
        if (!p.pageInfo.hasPreviousPage) break;
        cursor = p.pageInfo.startCursor!;
        expect(i, order).toBeLessThan(10);
      }
      expect(backwards, order).toEqual(after);

      // Put the two deleted keys' places back for the next order: recreate as many keys as were deleted net.
      await projectKey(t.app, owner, project.id, { name: 'alpha', policy: 'CUSTOM', expiresAt: inDays(3) });
    }
  });

  test('a cursor belongs to its order: another order or a malformed cursor is a BAD_USER_INPUT naming the argument', async ({ t, org, owner, project }) => {
    for (const name of ['one', 'two']) await projectKey(t.app, owner, project.id, { name });
    const byName = ok(await execute(t.app, KeyListPage, { slug: org.slug, orderBy: { field: 'NAME', direction: 'ASC' }, first: 1 }, { token: owner.token }))
      .organization!.apiKeys!;
    const cursor = byName.pageInfo.endCursor!;
    const refused = async (variables: Record<string, unknown>, argument: string) => {
      const result = await execute(t.app, KeyListPage, { slug: org.slug, ...variables }, { token: owner.token });
      const error = result.errors?.[0];
      expect(error?.extensions?.code, result.body).toBe('BAD_USER_INPUT');
      expect(error?.message).toContain(argument);
    };
    await refused({ orderBy: { field: 'NAME', direction: 'DESC' }, first: 1, after: cursor }, 'after');
    await refused({ orderBy: { field: 'CREATED_AT', direction: 'ASC' }, last: 1, before: cursor }, 'before');
    await refused({ first: 1, after: 'bm90IGEgY3Vyc29y' }, 'after');
    await refused({ first: 1, after: Buffer.from(JSON.stringify(['CREATED_AT', 'DESC', 'yesterday', '00000000-0000-4000-8000-000000000000'])).toString('base64url') }, 'after');
    // The same order takes it: the second key.
    const next = ok(await execute(t.app, KeyListPage, { slug: org.slug, orderBy: { field: 'NAME', direction: 'ASC' }, first: 1, after: cursor }, { token: owner.token }));
    expect(next.organization!.apiKeys!.edges.map((e) => e.node.name)).toEqual(['two']);
  });
});
