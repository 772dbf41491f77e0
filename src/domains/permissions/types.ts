import { MEMBER_ROLES, PERMISSIONS, PERMISSION_NAMES, ROLE_PERMISSIONS, type Permission } from '../../authz/catalog.ts';
import type { MemberRole } from '../../generated/prisma/enums.ts';
import { builder } from '../../graphql/builder.ts';
import { PermissionLevelEnum } from '../api-keys/types.ts';
import { MemberRoleEnum } from '../organizations/types.ts';

// The permission catalog as data for clients: the console's editors, the CLI, and the README's table read this.

const RiskEnum = builder.enumType('PermissionRisk', {
  description: 'What a leaked key holding the permission could do.',
  values: {
    LOW: { description: 'Read data.' },
    MEDIUM: { description: 'Change or start things inside projects.' },
    HIGH: { description: 'Change who may do what, delete data, or mint credentials.' },
  },
});

const PermissionRef = builder.objectRef<Permission>('Permission').implement({
  description: 'One permission of the catalog: what a role includes and a key can be granted.',
  fields: (t) => ({
    name: t.string({ description: '`resource:action`, as `@requiresPermission` and key grants name it.', resolve: (p) => p }),
    resource: t.string({ resolve: (p) => p.split(':')[0] }),
    action: t.string({ resolve: (p) => p.split(':')[1] }),
    description: t.string({ resolve: (p) => PERMISSIONS[p].description }),
    risk: t.field({ type: RiskEnum, resolve: (p) => PERMISSIONS[p].risk }),
    implies: t.stringList({ description: 'Permissions this one includes (a write includes its read).', resolve: (p) => [...PERMISSIONS[p].implies] }),
    levels: t.field({
      type: [PermissionLevelEnum],
      description: "Where a key's grant of it can apply: the key's whole reach (ORGANIZATION), named projects, named workflows.",
      resolve: (p) => [...PERMISSIONS[p].levels],
    }),
  }),
});

const RolePermissionsRef = builder.objectRef<MemberRole>('RolePermissions').implement({
  description: "A member role as a set of permissions: what a person in it may do, and the most their keys may do.",
  fields: (t) => ({
    role: t.field({ type: MemberRoleEnum, resolve: (r) => r }),
    permissions: t.stringList({ resolve: (r) => PERMISSION_NAMES.filter((p) => ROLE_PERMISSIONS[r].has(p)) }),
  }),
});

builder.queryField('availablePermissions', (t) =>
  t.field({
    type: [PermissionRef],
    authScopes: { user: true, apiKey: true },
    description: 'Every permission, in catalog order: the one list that people (through roles) and keys (through grants) are checked against.',
    resolve: () => PERMISSION_NAMES,
  }),
);

builder.queryField('rolePermissions', (t) =>
  t.field({
    type: [RolePermissionsRef],
    authScopes: { user: true, apiKey: true },
    description: 'What each member role may do. A service key (owned by the organization) may do at most what an ADMIN may.',
    resolve: () => [...MEMBER_ROLES],
  }),
);
