import { canChangeMember, canManageApiKeys, canManageOrganization, canManageProjects } from './roles.ts';
import { canRead, type Standing } from './read-rules.ts';

/**
 * What the viewer may do in one organization, derived from the same rules the mutations and reads enforce, so that a
 * client (the console) asks instead of keeping its own copy of "OWNER or ADMIN". One function: when the rules move to
 * a permission catalog, this is the one place that maps them to the capabilities a client sees.
 *
 * A capability says the role allows it; the plan is a separate fact (`Organization.apiAccess`): a TEAM owner and a
 * FREE owner both `manageKeys`, and the FREE one gets `UpgradeRequiredError` when trying.
 */
export type Capabilities = {
  manageKeys: boolean;
  manageProjects: boolean;
  /** Invite, change roles, remove (an ADMIN never touches an OWNER: the mutations refuse that case by case). */
  manageMembers: boolean;
  readWebhooks: boolean;
  manageWebhooks: boolean;
  readAudit: boolean;
  updateOrganization: boolean;
};

export function capabilitiesOf(standing: Standing): Capabilities {
  const role = standing.role;
  return {
    manageKeys: role !== null && canManageApiKeys(role),
    manageProjects: role !== null && canManageProjects(role),
    manageMembers: role !== null && canChangeMember(role, 'MEMBER'),
    readWebhooks: canRead('WebhookEndpoint', standing),
    // The webhook mutations require the organization's managers (webhooks/service.ts).
    manageWebhooks: role !== null && canManageOrganization(role),
    readAudit: canRead('AuditEvent', standing),
    updateOrganization: role !== null && canManageOrganization(role),
  };
}
