import type { Clock } from '../../clock.ts';
import type { Organization, PrismaClient } from '../../generated/prisma/client.ts';
import { VerifierBusyError, type KeyVerifier } from './hashing.ts';
import type { KeyStateCache } from './key-state.ts';
import type { AuthThrottle } from './throttle.ts';
import { parseKey } from './key-format.ts';
import { validUntil } from './lifecycle.ts';
import type { AuthenticatedKey } from './principal.ts';
import { parseStoredScopes } from './scopes.ts';

export type AuthFailure =
  | 'malformed' // wrong format or checksum: rejected without touching the database
  | 'unknown' // no key with this public id (never existed, or deleted)
  | 'bad_secret'
  | 'inactive'
  | 'revoked'
  | 'expired'; // past expiresAt or the end of a rotation grace period

export type AuthResult =
  | { ok: true; key: AuthenticatedKey }
  | { ok: false; failure: AuthFailure }
  | { ok: false; failure: 'plan'; plan: Organization['plan'] }
  | { ok: false; failure: 'throttled'; retryAfterSeconds: number };

/**
 * Authenticates an API key, in this order: format and checksum (no I/O) → key row by public id → secret against
 * the argon2id hash (paid once per key per process, see KeyVerifier) → status, expiry, plan. The key's state comes
 * from KeyStateCache, which is invalidated by database notifications at commit (or bypassed when it cannot be), so
 * revocation, deletion, deactivation and rotation take effect on the very next request on every instance. Scope
 * and target checks happen in the resolvers.
 */
export class ApiKeyAuthenticator {
  constructor(
    private readonly verifier: KeyVerifier,
    private readonly keyStates: KeyStateCache,
    private readonly throttle: AuthThrottle,
    private readonly clock: Clock,
  ) {}

  async authenticate(prisma: PrismaClient, token: string, clientIp: string | null = null): Promise<AuthResult> {
    const parsed = parseKey(token);
    if (!parsed) return { ok: false, failure: 'malformed' };
    const row = await this.keyStates.get(prisma, parsed.publicId);
    const known = row ? this.verifier.knownVerdict(row.secretHash, token) : undefined;
    if (known === undefined) {
      // What follows costs argon2 (or was a database miss): only within the failure budget.
      const verdict = await this.throttle.check(prisma, parsed.publicId, clientIp);
      if (verdict.limited) return { ok: false, failure: 'throttled', retryAfterSeconds: verdict.retryAfterSeconds };
    }
    let verified: boolean;
    try {
      verified = row !== null && (known ?? (await this.verifier.verify(row.secretHash, token)));
    } catch (error) {
      if (error instanceof VerifierBusyError) return { ok: false, failure: 'throttled', retryAfterSeconds: 1 };
      throw error;
    }
    if (!row || !verified) {
      if (known === undefined) await this.throttle.recordFailure(prisma, parsed.publicId, clientIp);
      return { ok: false, failure: row ? 'bad_secret' : 'unknown' };
    }
    if (row.status === 'REVOKED') return { ok: false, failure: 'revoked' };
    if (row.status === 'INACTIVE') return { ok: false, failure: 'inactive' };
    const until = validUntil(row);
    if (until && this.clock.now().getTime() >= until.getTime()) return { ok: false, failure: 'expired' };
    if (row.plan === 'FREE') return { ok: false, failure: 'plan', plan: row.plan };
    return {
      ok: true,
      key: {
        id: row.id,
        publicId: row.publicId,
        organizationId: row.organizationId,
        level: row.level,
        projectId: row.projectId,
        allProjects: row.allProjects,
        projectIds: row.projectIds,
        scopes: parseStoredScopes(row.scopes),
      },
    };
  }
}

/** Whether an authenticated key reaches a project (its own, all projects, or a selected one). */
export function keyReachesProject(key: AuthenticatedKey, project: { id: string; organizationId: string }): boolean {
  if (project.organizationId !== key.organizationId) return false;
  if (key.level === 'PROJECT') return key.projectId === project.id;
  return key.allProjects || key.projectIds.includes(project.id);
}
