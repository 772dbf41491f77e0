import { describe, expect } from 'vitest';
import { as, execute, ok } from './support/client.ts';
import { dbId, test } from './support/fixtures.ts';
import { projectKey } from './support/keys.ts';
import { ApiKeyNode, RotateApiKey, UpdateOrganization } from './support/operations.ts';

describe('rotation and the maximum key lifetime', () => {
  test("refuses to copy settings that a lowered maximum lifetime no longer allows, and changes nothing", async ({ t, org, owner, project }) => {
    const never = await projectKey(t.app, owner, project.id, { name: 'never', policy: 'NEVER' });
    const monthly = await projectKey(t.app, owner, project.id, { name: 'monthly', policy: 'DAYS_30' });
    const weekly = await projectKey(t.app, owner, project.id, { name: 'weekly', policy: 'DAYS_7' });
    const lowered = ok(await execute(t.app, UpdateOrganization, { input: { id: org.id, maxKeyLifetimeDays: 10 } }, { token: owner.token }));
    expect(lowered.updateOrganization).toMatchObject({ __typename: 'OrganizationPayload', organization: { maxKeyLifetimeDays: 10 } });
    const rows = () => t.db.prisma.apiKey.findMany({ where: { organizationId: dbId(org.id) }, orderBy: { id: 'asc' } });
    const before = await rows();

    for (const key of [never, monthly]) {
      const refused = ok(await execute(t.app, RotateApiKey, { input: { id: key.apiKey.id, gracePeriodSeconds: 60 } }, { token: owner.token }));
      const error = as(refused.rotateApiKey, 'ValidationError');
      expect(error.issues).toEqual([{ path: ['input', 'id'], message: expect.stringContaining('maximum key lifetime of 10 days') }]);
      const still = ok(await execute(t.app, ApiKeyNode, { id: key.apiKey.id }, { token: owner.token })).node;
      expect(still).toMatchObject({ status: 'ACTIVE', rotatedTo: null, graceEndsAt: null });
    }
    expect(await rows()).toEqual(before);

    // A policy within the new maximum still rotates.
    const rotated = as(
      ok(await execute(t.app, RotateApiKey, { input: { id: weekly.apiKey.id } }, { token: owner.token })).rotateApiKey,
      'RotateApiKeyPayload',
    );
    expect(rotated.apiKey).toMatchObject({ name: 'weekly', expiryPolicy: 'DAYS_7', status: 'ACTIVE' });
  });
});
