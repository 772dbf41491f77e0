import { z } from 'zod';

export const API_KEY_SCOPES = ['TRIGGER_WORKFLOWS', 'READ_EXECUTIONS'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
/** Most workflows one scope may be narrowed to (also the bound the query cost counts for `ApiKeyScopeGrant.workflows`). */
export const MAX_SCOPE_WORKFLOWS = 100;

/** One granted scope; `workflowIds: null` means every workflow the key can reach. */
export type ScopeGrant = { scope: ApiKeyScope; workflowIds: string[] | null };

/** Shape of the `ApiKey.scopes` JSON column; parsed on read so that a bad row can never widen access. */
export const storedScopes = z.array(
  z.object({ scope: z.enum(API_KEY_SCOPES), workflowIds: z.array(z.string()).nullable() }),
);

export function parseStoredScopes(value: unknown): ScopeGrant[] {
  const parsed = storedScopes.safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** Whether `grants` allow `scope` on `workflowId` (when given). */
export function grantsAllow(grants: ScopeGrant[], scope: ApiKeyScope, workflowId?: string): boolean {
  return grants.some(
    (g) => g.scope === scope && (g.workflowIds === null || workflowId === undefined || g.workflowIds.includes(workflowId)),
  );
}
