import type { KeyState } from './key-state.ts';
import type { ScopeGrant } from './scopes.ts';

/** An API key that passed every identity and state check for this request. Never holds the secret or its hash. */
export type AuthenticatedKey = Pick<KeyState, 'id' | 'publicId' | 'organizationId' | 'level' | 'projectId' | 'allProjects' | 'ipAllowlist'> & {
  /** Selected projects of an organization-level key (empty otherwise). */
  projectIds: string[];
  scopes: ScopeGrant[];
};
