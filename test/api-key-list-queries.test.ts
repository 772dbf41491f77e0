// A page of keys costs a fixed number of database operations, however many keys it holds and whatever they reach:
// no query per key for its project, project access, narrowed workflows or owner (the console's API Keys page shows
// all of them for 20 keys at a time; an organization may hold 10,000).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.ts';
import { openTestDatabase, startTestApp, type TestApp } from './support/app.ts';
import { execute, ok } from './support/client.ts';
import { newOrg, newProject, newWorkflow, type TestOrg } from './support/fixtures.ts';
import { orgKey, projectKey } from './support/keys.ts';
import type { Database } from '../src/db/client.ts';
import { requestScope } from '../src/request-context.ts';

const ListFields = graphql(`
  fragment ListedKey on ApiKey {
    id
    name
    level
    status
    prefix
    viewerCanManage
    project { id name }
    projectAccess { all projects { id name } }
    scopes { scope workflows { id name } }
    owner { id email }
  }
`);

const OrganizationKeys = graphql(`
  query ListQueriesOrganizationKeys($slug: String!) {
    organization(slug: $slug) {
      apiKeys(first: 20) {
        totalCount
        edges { node { ...ListedKey } }
      }
    }
  }
`);

const ProjectKeys = graphql(`
  query ListQueriesProjectKeys($slug: String!, $project: String!) {
    organization(slug: $slug) {
      project(slug: $project) {
        apiKeys(first: 20) {
          totalCount
          edges { inherited viewerCanManage node { ...ListedKey } }
        }
      }
    }
  }
`);
void ListFields;

let t: TestApp;
let db: Database;
const operations: string[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  // Every Prisma operation a request issues (a findMany with includes counts once: Prisma batches its relations);
  // background work (the usage flush and its hourly prune, the key-state heartbeat) runs outside any request.
  const counted = db.prisma.$extends({
    query: {
      $allOperations({ model, operation, args, query }) {
        if (requestScope.getStore()) operations.push(`${model ?? 'raw'}.${operation}`);
        return query(args);
      },
    },
  }) as unknown as Database['prisma'];
  t = await startTestApp({ db: { ...db, prisma: counted } });
});

afterAll(async () => {
  await t.close();
  await db.close();
});

async function counting<R>(run: () => Promise<R>): Promise<{ result: R; operations: string[] }> {
  operations.length = 0;
  const result = await run();
  return { result, operations: [...operations] };
}

/** One key of every kind: project-level narrowed to a workflow, all projects, two selected projects, one selected. */
async function addKeysOfEveryKind(org: TestOrg, p1: { id: string }, p2: { id: string }, w1: { id: string }, w2: { id: string }) {
  await projectKey(t.app, org.owner, p1.id, { scopes: [{ scope: 'TRIGGER_WORKFLOWS', workflowIds: [w1.id] }] });
  await orgKey(t.app, org, { all: true });
  await orgKey(t.app, org, { projectIds: [p1.id, p2.id] }, { scopes: [{ scope: 'TRIGGER_WORKFLOWS', workflowIds: [w2.id, w1.id] }] });
  await orgKey(t.app, org, { projectIds: [p2.id] });
}

describe('key lists', () => {
  it('cost the same number of database operations for 4 keys as for 16, and show every key with what it reaches', async () => {
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const p1 = await newProject(t.app, org);
    const p2 = await newProject(t.app, org);
    const w1 = await newWorkflow(t.app, org, p1.id);
    const w2 = await newWorkflow(t.app, org, p2.id);
    const token = { token: org.owner.token };
    const listOrg = () => counting(async () => ok(await execute(t.app, OrganizationKeys, { slug: org.slug }, token)).organization!.apiKeys!);
    const listProject = () =>
      counting(async () => ok(await execute(t.app, ProjectKeys, { slug: org.slug, project: p1.slug }, token)).organization!.project!.apiKeys);

    await addKeysOfEveryKind(org, p1, p2, w1, w2);
    const orgFew = await listOrg();
    const projectFew = await listProject();
    expect(orgFew.result.totalCount).toBe(4);
    expect(projectFew.result.totalCount).toBe(3); // the project key, all projects, and the key selecting p1 and p2

    for (let i = 0; i < 3; i++) await addKeysOfEveryKind(org, p1, p2, w1, w2);
    const orgMany = await listOrg();
    const projectMany = await listProject();
    expect(orgMany.result.totalCount).toBe(16);
    expect(orgMany.result.edges).toHaveLength(16);
    expect(projectMany.result.totalCount).toBe(12);

    // The same operations (fields resolve concurrently: the order in which they reach the database may differ).
    expect(orgMany.operations.toSorted()).toEqual(orgFew.operations.toSorted());
    expect(projectMany.operations.toSorted()).toEqual(projectFew.operations.toSorted());
    expect(orgFew.operations).toContain('ApiKey.findMany'); // the requests' own operations are the ones counted
    expect(projectFew.operations).toContain('ApiKey.findMany');

    // What the page shows is complete: projects and workflows oldest first, owners, levels.
    const nodes = orgMany.result.edges.map((e) => e.node);
    const byKind = (all: boolean, projects: number) => nodes.filter((n) => n.level === 'ORGANIZATION' && n.projectAccess.all === all && n.projectAccess.projects.length === projects);
    for (const key of byKind(true, 2)) expect(key.projectAccess.projects.map((p) => p.id)).toEqual([p1.id, p2.id]);
    const selected = byKind(false, 2);
    expect(selected).toHaveLength(4);
    for (const key of selected) {
      expect(key.projectAccess.projects.map((p) => p.id)).toEqual([p1.id, p2.id]);
      expect(key.scopes[0].workflows!.map((w) => w.id)).toEqual([w1.id, w2.id]);
    }
    expect(byKind(false, 1).every((k) => k.projectAccess.projects[0].id === p2.id)).toBe(true);
    const projectLevel = nodes.filter((n) => n.level === 'PROJECT');
    expect(projectLevel).toHaveLength(4);
    for (const key of projectLevel) {
      expect(key.project?.id).toBe(p1.id);
      expect(key.projectAccess).toEqual({ all: false, projects: [{ id: p1.id, name: key.project!.name }] });
      expect(key.scopes[0].workflows!.map((w) => w.id)).toEqual([w1.id]);
    }
    expect(nodes.every((n) => n.owner?.email === org.owner.email && n.viewerCanManage)).toBe(true);
    const inherited = projectMany.result.edges.filter((e) => e.inherited);
    expect(inherited).toHaveLength(8);
    expect(inherited.every((e) => !e.viewerCanManage)).toBe(true);
  });
});
