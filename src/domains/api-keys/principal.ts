import type { ApiKeyLevel } from '../../generated/prisma/enums.ts';
import type { ScopeGrant } from './scopes.ts';

/** An API key that passed every identity and state check for this request. Never holds the secret. */
export type AuthenticatedKey = {
  id: string;
  publicId: string;
  organizationId: string;
  level: ApiKeyLevel;
  projectId: string | null;
  allProjects: boolean;
  /** Selected projects of an organization-level key (empty otherwise). */
  projectIds: string[];
  scopes: ScopeGrant[];
};
