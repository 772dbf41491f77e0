import type { MemberRole } from '../generated/prisma/enums.ts';
import type { Context } from '../context.ts';
import { PermissionDeniedError } from '../errors.ts';
import { accessAllows, lacks, organizationPlace, type OrgAccess } from './access.ts';

// Pure rules about members beyond the permission sets of the catalog (catalog.ts). Callers establish standing in the
// organization first; a non-member never reaches these (they get not-found).

/** ADMINs manage members but cannot touch OWNERs or create them. */
export function canChangeMember(actor: MemberRole, target: MemberRole, newRole?: MemberRole): boolean {
  if (actor !== 'OWNER' && actor !== 'ADMIN') return false;
  if (actor === 'OWNER') return true;
  return target !== 'OWNER' && newRole !== 'OWNER';
}

/** The role a caller acts with: a person's own; a key's owner's (a service key acts as an ADMIN). */
export function actingRole(access: Pick<OrgAccess, 'role' | 'key'>): MemberRole | null {
  if (access.key) return access.key.ownedByOrganization ? 'ADMIN' : access.key.ownerRole;
  return access.role;
}

/** `member:manage`, and the OWNER rule on top of it. */
export function mayChangeMember(access: Pick<OrgAccess, 'role' | 'key'>, target: MemberRole, newRole?: MemberRole): boolean {
  const actor = actingRole(access);
  return actor !== null && accessAllows(access, 'member:manage') && canChangeMember(actor, target, newRole);
}

/**
 * Refuses a member change the caller may not make: without `member:manage` (naming it), or an ADMIN (or a key acting
 * as one) touching an OWNER.
 */
export function requireChangeMember(ctx: Context, access: OrgAccess, target: MemberRole, newRole?: MemberRole): void {
  if (!accessAllows(access, 'member:manage')) {
    throw lacks(ctx, 'member:manage', organizationPlace(access));
  }
  if (!mayChangeMember(access, target, newRole)) throw new PermissionDeniedError('Only an OWNER may change OWNERs or make someone an OWNER', 'member:manage');
}
