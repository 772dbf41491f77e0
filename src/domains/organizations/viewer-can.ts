import { builder } from '../../graphql/builder.ts';
import { capabilitiesIn, type Capabilities } from '../../authz/capabilities.ts';
import { OrganizationRef } from './types.ts';

const OrganizationCapabilities = builder.simpleObject('OrganizationCapabilities', {
  description:
    'What the viewer may do in this organization, by their role (the rules in SECURITY.md, "Who can read and change what"). ' +
    'Plan limits are separate: see `Organization.apiAccess`. A client shows or hides actions by these instead of deciding from `viewerRole`.',
  fields: (t) => ({
    manageKeys: t.boolean({ description: 'Create, change, rotate, revoke and delete API keys.' }),
    manageProjects: t.boolean({ description: 'Create, rename and delete projects.' }),
    manageWorkflows: t.boolean({ description: "Create, rename and delete the projects' workflows." }),
    manageMembers: t.boolean({ description: 'Invite, change roles and remove members (an ADMIN never an OWNER).' }),
    readWebhooks: t.boolean({ description: 'See webhook endpoints and their deliveries.' }),
    manageWebhooks: t.boolean({ description: 'Add, change, rotate the secret of, delete and redeliver webhook endpoints.' }),
    readAudit: t.boolean({ description: 'Read the audit log.' }),
    readUsage: t.boolean({ description: "Read keys' usage: `ApiKey.usage`, `usageOverview`, `usageExport`." }),
    updateOrganization: t.boolean({ description: "Change the organization's settings (e.g. `leakedKeyAction`)." }),
  }),
});

builder.prismaObjectFields(OrganizationRef, (t) => ({
  viewerCan: t.field({
    type: OrganizationCapabilities,
    description: "What the viewer may do here; all false for a platform operator who is not a member.",
    resolve: (org, _args, ctx): Promise<Capabilities> => capabilitiesIn(ctx, org.id),
  }),
}));
