import type { Context } from '../context.ts';
import type { Permission } from './catalog.ts';
import { mayIn } from './read-rules.ts';

/**
 * What the caller may do in one organization, read from the permission catalog that the mutations and reads enforce,
 * so that a client (the console) asks instead of keeping its own copy of "OWNER or ADMIN". Each capability is one
 * permission of the catalog: a person holds it through their role, a key through its grants (organization-wide).
 *
 * A capability says the permission is held; the plan is a separate fact (`Organization.apiAccess`): a TEAM owner and a
 * FREE owner both `manageKeys`, and the FREE one gets `UpgradeRequiredError` when trying.
 */
const CAPABILITIES = {
  manageKeys: 'api_key:create',
  manageProjects: 'project:create',
  manageWorkflows: 'workflow:create',
  /** Invite, change roles, remove (an ADMIN never touches an OWNER: the mutations refuse that case by case). */
  manageMembers: 'member:manage',
  readWebhooks: 'webhook:read',
  manageWebhooks: 'webhook:manage',
  readAudit: 'audit:read',
  readUsage: 'usage:read',
  updateOrganization: 'organization:update',
} as const satisfies Record<string, Permission>;

export type Capabilities = Record<keyof typeof CAPABILITIES, boolean>;

export async function capabilitiesIn(ctx: Context, organizationId: string): Promise<Capabilities> {
  const entries = await Promise.all(
    Object.entries(CAPABILITIES).map(async ([name, permission]) => [name, await mayIn(ctx, permission, organizationId)] as const),
  );
  return Object.fromEntries(entries) as Capabilities;
}
