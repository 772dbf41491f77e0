import fs from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../src/db/client.ts';
import { openTestDatabase, startTestApp, TEST_JWT_SECRET } from './support/app.ts';
import { as, execute, ok } from './support/client.ts';
import { dbId, newOrg, newProject, newWorkflow, unique } from './support/fixtures.ts';
import { orgKey, projectKey } from './support/keys.ts';
import { ApiKeyNode, AuditEvents, CreateOrganizationApiKey, CreateProject, RotateApiKey, TriggerWorkflow } from './support/operations.ts';
import { migratedPgliteDir, remote, startServerProcess } from './support/process.ts';
import { startTcpProxy } from './support/tcp-proxy.ts';

const database = inject('database');

describe('graceful shutdown under load', () => {
  it('finishes every request it accepted, records exactly what it answered, and flushes usage', async () => {
    const dataDir = database.kind === 'pglite' ? migratedPgliteDir() : null;
    const env =
      database.kind === 'postgres'
        ? { DATABASE_URL: database.url, DATABASE_SCHEMA: database.schema }
        : { PGLITE_DATA_DIR: dataDir! };
    const server = await startServerProcess({ ...env, JWT_SECRET: TEST_JWT_SECRET, USAGE_FLUSH_INTERVAL_MS: '60000' });
    const api = remote(server.url);
    let keyId = '';
    try {
      const org = await newOrg(api, { plan: 'TEAM' });
      const project = await newProject(api, org);
      const workflow = await newWorkflow(api, org, project.id);
      const key = await projectKey(api, org.owner, project.id);
      keyId = dbId(key.apiKey.id);
      const answered: number[] = [];
      let refused = 0;
      let signalled = false;
      const lane = async () => {
        for (let i = 0; i < 40; i++) {
          try {
            const r = await execute(api, TriggerWorkflow, { input: { workflowId: workflow.id } }, { authorization: `Bearer ${key.secret}` });
            answered.push(r.status);
          } catch {
            refused++; // connection refused or closed after the server stopped accepting
          }
          if (answered.length === 60 && !signalled) {
            signalled = true;
            server.child.kill('SIGTERM');
          }
        }
      };
      await Promise.all(Array.from({ length: 8 }, lane));
      expect(await server.stop()).toBe(0);
      console.log(`shutdown under load: ${answered.length} answered (all 200: ${answered.every((s) => s === 200)}), ${refused} refused after SIGTERM`);
      expect(signalled).toBe(true);
      expect(answered.every((s) => s === 200)).toBe(true);
      expect(refused).toBeGreaterThan(0);

      const db = database.kind === 'postgres' ? await openTestDatabase() : await openDatabase({ kind: 'pglite', dataDir });
      try {
        const row = await db.prisma.apiKey.findUniqueOrThrow({ where: { id: keyId } });
        expect(await db.prisma.workflowExecution.count({ where: { apiKeyId: keyId } })).toBe(answered.length);
        expect(Number(row.usageCount)).toBe(answered.length); // flushed at shutdown, although the interval is a minute
      } finally {
        await db.close();
      }
    } finally {
      await server.stop();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

// A real network between server and database is what can drop; PGlite is inside the process.
describe.skipIf(database.kind !== 'postgres')('the database connection drops', () => {
  it('masks the error of a request in flight, leaves no partial write, reports not ready, and recovers', async () => {
    if (database.kind !== 'postgres') return;
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(database.url).port || 5432) });
    const url = new URL(database.url);
    url.host = `127.0.0.1:${proxy.port}`;
    const db = await openDatabase({ kind: 'postgres', url: url.toString(), schema: database.schema });
    const t = await startTestApp({ db });
    try {
      const org = await newOrg(t.app, { plan: 'TEAM' });
      const projects = [await newProject(t.app, org), await newProject(t.app, org)];
      const direct = await openTestDatabase();
      const snapshot = async () => ({
        keys: await direct.prisma.apiKey.count({ where: { organizationId: dbId(org.id) } }),
        access: await direct.prisma.apiKeyProject.count({ where: { project: { organizationId: dbId(org.id) } } }),
        audit: await direct.prisma.auditEvent.count({ where: { organizationId: dbId(org.id) } }),
        projects: await direct.prisma.project.count({ where: { organizationId: dbId(org.id) } }),
      });
      const before = await snapshot();

      // A multi-row change (key + project access + audit event) in flight when the database goes away.
      proxy.freeze();
      const inFlight = execute(
        t.app,
        CreateOrganizationApiKey,
        {
          input: {
            organizationId: org.id,
            name: 'in flight',
            scopes: [{ scope: 'TRIGGER_WORKFLOWS' }],
            expiry: { policy: 'NEVER' },
            projectAccess: { projectIds: projects.map((p) => p.id) },
          },
        },
        { token: org.owner.token, headers: { 'x-request-id': 'req-db-drop-0001' } },
      );
      await new Promise((r) => setTimeout(r, 300));
      proxy.cut();
      const failed = await inFlight;
      expect(failed.errors?.[0]?.message).toBe('Unexpected error. Request id: req-db-drop-0001');
      expect(JSON.stringify(failed.errors)).not.toMatch(/ECONN|socket|postgres|terminat/i);
      expect((await t.app.fetch('http://keysmith.test/ready')).status).not.toBe(200);
      expect(await snapshot()).toEqual(before); // the transaction died with its connection

      proxy.restore();
      let ready = 0;
      for (let i = 0; i < 50 && ready !== 200; i++) {
        ready = (await t.app.fetch('http://keysmith.test/ready')).status;
        if (ready !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect(ready).toBe(200);
      const after = ok(await execute(t.app, CreateProject, { input: { organizationId: org.id, name: 'after', slug: unique('after') } }, { token: org.owner.token }));
      expect(as(after.createProject, 'ProjectPayload').project.name).toBe('after');
      expect((await snapshot()).projects).toBe(before.projects + 1);
      await direct.close();
    } finally {
      await t.close();
      await db.close();
      await proxy.close();
    }
  }, 60_000);

  it('rolls back a multi-row key change whose connection is cut inside the transaction, after its first writes', async () => {
    if (database.kind !== 'postgres') return;
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(database.url).port || 5432) });
    const url = new URL(database.url);
    url.host = `127.0.0.1:${proxy.port}`;
    const db = await openDatabase({ kind: 'postgres', url: url.toString(), schema: database.schema });
    const t = await startTestApp({ db });
    const direct = await openTestDatabase();
    try {
      const org = await newOrg(t.app, { plan: 'TEAM' });
      const projects = [await newProject(t.app, org), await newProject(t.app, org)];
      const key = await orgKey(t.app, org, { projectIds: projects.map((p) => p.id) });
      const organizationId = dbId(org.id);
      const snapshot = async () => ({
        keys: await direct.prisma.apiKey.findMany({ where: { organizationId }, orderBy: { id: 'asc' } }),
        access: await direct.prisma.apiKeyProject.findMany({ where: { apiKey: { organizationId } }, orderBy: [{ apiKeyId: 'asc' }, { projectId: 'asc' }] }),
        audit: await direct.prisma.auditEvent.findMany({ where: { organizationId }, orderBy: { id: 'asc' } }),
      });
      const before = await snapshot();

      // Rotation writes the successor, its project access, the old key's end and an audit event. The connection is
      // cut when the audit event's INSERT is sent: after the other writes reached the database, before the commit.
      const sent: string[] = [];
      const cut = proxy.cutWhenSent((text) => {
        if (/INSERT INTO\s+("[^"]+"\.)?"ApiKey(Project)?"/.test(text)) sent.push('key');
        if (/UPDATE\s+("[^"]+"\.)?"ApiKey"/.test(text)) sent.push('previous');
        return /INSERT INTO\s+("[^"]+"\.)?"AuditEvent"/.test(text);
      });
      const failed = await execute(
        t.app,
        RotateApiKey,
        { input: { id: key.apiKey.id, gracePeriodSeconds: 3600 } },
        { token: org.owner.token, headers: { 'x-request-id': 'req-db-cut-0001' } },
      );
      await cut;
      expect(sent).toContain('key');
      expect(sent).toContain('previous');
      expect(failed.errors?.[0]?.message).toBe('Unexpected error. Request id: req-db-cut-0001');
      expect(failed.body).not.toContain('ksk_');
      expect(await snapshot()).toEqual(before); // no successor, no access rows, the old key untouched, no event

      proxy.restore();
      let ready = 0;
      for (let i = 0; i < 50 && ready !== 200; i++) {
        ready = (await t.app.fetch('http://keysmith.test/ready')).status;
        if (ready !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect(ready).toBe(200);
      // The same rotation, uninterrupted, writes all of it.
      const rotated = as(
        ok(await execute(t.app, RotateApiKey, { input: { id: key.apiKey.id, gracePeriodSeconds: 3600 } }, { token: org.owner.token })).rotateApiKey,
        'RotateApiKeyPayload',
      );
      const successor = ok(await execute(t.app, ApiKeyNode, { id: rotated.apiKey.id }, { token: org.owner.token })).node;
      expect(successor).toMatchObject({ rotatedFrom: { id: key.apiKey.id }, projectAccess: { all: false } });
      expect(successor && 'projectAccess' in successor && successor.projectAccess.projects.map((p) => p.id).sort()).toEqual(projects.map((p) => p.id).sort());
      const events = ok(await execute(t.app, AuditEvents, { slug: org.slug, filter: { action: 'API_KEY_ROTATE' } }, { token: org.owner.token }));
      expect(events.organization!.auditEvents!.edges).toHaveLength(1);
    } finally {
      await direct.close();
      await t.close();
      await db.close();
      await proxy.close();
    }
  }, 60_000);
});
