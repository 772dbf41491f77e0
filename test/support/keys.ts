import { randomBytes } from 'node:crypto';
import { checksumOf } from '../../src/lib/key-format.ts';
import type { App } from '../../src/server.ts';
import { as, execute, ok } from './client.ts';
import type { TestOrg, TestUser } from './fixtures.ts';
import { CreateOrganizationApiKey, CreateProjectApiKey } from './operations.ts';

export type Scope = 'TRIGGER_WORKFLOWS' | 'READ_EXECUTIONS';

export async function projectKey(
  app: Pick<App, 'fetch'>,
  actor: TestUser,
  projectId: string,
  options: { scopes?: { scope: Scope; workflowIds?: string[] }[]; policy?: 'NEVER' | 'DAYS_7' | 'DAYS_30' | 'DAYS_60' | 'DAYS_90' | 'CUSTOM'; expiresAt?: string; name?: string } = {},
) {
  const result = ok(
    await execute(
      app,
      CreateProjectApiKey,
      {
        input: {
          projectId,
          name: options.name ?? 'CI key',
          scopes: options.scopes ?? [{ scope: 'TRIGGER_WORKFLOWS' }, { scope: 'READ_EXECUTIONS' }],
          expiry: { policy: options.policy ?? 'NEVER', expiresAt: options.expiresAt },
        },
      },
      { token: actor.token },
    ),
  );
  return as(result.createProjectApiKey, 'CreateApiKeyPayload');
}

export async function orgKey(
  app: Pick<App, 'fetch'>,
  org: TestOrg,
  access: { all: true } | { projectIds: string[] },
  options: { scopes?: { scope: Scope; workflowIds?: string[] }[] } = {},
) {
  const result = ok(
    await execute(
      app,
      CreateOrganizationApiKey,
      {
        input: {
          organizationId: org.id,
          name: 'Org key',
          scopes: options.scopes ?? [{ scope: 'TRIGGER_WORKFLOWS' }, { scope: 'READ_EXECUTIONS' }],
          expiry: { policy: 'NEVER' },
          projectAccess: access,
        },
      },
      { token: org.owner.token },
    ),
  );
  return as(result.createOrganizationApiKey, 'CreateApiKeyPayload');
}

/** A well-formed key with the real key's public id and a random wrong secret (valid checksum): only the secret check can reject it. */
export function wrongSecret(secret: string): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  const body = `${secret.slice(0, 17)}${Array.from(randomBytes(32), (b) => alphabet[b % 62]).join('')}`;
  return body + checksumOf(body);
}
