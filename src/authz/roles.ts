import type { MemberRole } from '../generated/prisma/enums.ts';

// Pure permission rules: who may do what inside an organization. Callers establish membership first; a
// non-member never reaches these (they get not-found).

export const canManageOrganization = (role: MemberRole): boolean => role === 'OWNER' || role === 'ADMIN';
export const canManageProjects = canManageOrganization;
export const canManageApiKeys = canManageOrganization;

/** ADMINs manage members but cannot touch OWNERs or create them. */
export function canChangeMember(actor: MemberRole, target: MemberRole, newRole?: MemberRole): boolean {
  if (!canManageOrganization(actor)) return false;
  if (actor === 'OWNER') return true;
  return target !== 'OWNER' && newRole !== 'OWNER';
}
