import { createHash } from 'node:crypto';
import type { Clock } from '../../clock.ts';
import type { Organization, PrismaClient } from '../../generated/prisma/client.ts';
import { VerifierBusyError, type KeyVerifier } from './hashing.ts';
import type { KeyStateCache } from './key-state.ts';
import type { AuthThrottle } from './throttle.ts';
import { planIncludesApiAccess } from '../organizations/plans.ts';
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

  /** Attempts in flight, by SHA-256(stored hash ‖ key): identical concurrent requests share one, and one reservation. */
  private readonly attempts = new Map<string, Promise<Attempt>>();

  /**
   * An attempt that costs argon2 (or was a database miss), within the failure budget: the slot is reserved in the
   * database before the cost is paid, so that concurrent attempts cannot all pass one check, and handed back when
   * the secret turns out right.
   */
  private costlyAttempt(prisma: PrismaClient, publicId: string, storedHash: string | null, token: string, clientIp: string | null): Promise<Attempt> {
    const id = createHash('sha256').update(storedHash ?? `unknown:${publicId}`).update('\0').update(token).digest('base64');
    let attempt = this.attempts.get(id);
    if (!attempt) {
      attempt = (async (): Promise<Attempt> => {
        const slot = await this.throttle.reserve(prisma, publicId, clientIp);
        if (slot.limited) return { retryAfterSeconds: slot.retryAfterSeconds };
        try {
          const verified = storedHash !== null && (await this.verifier.verify(storedHash, token));
          if (verified) await slot.release();
          return { verified };
        } catch (error) {
          await slot.release();
          if (error instanceof VerifierBusyError) return { retryAfterSeconds: 1 };
          throw error;
        }
      })().finally(() => this.attempts.delete(id));
      this.attempts.set(id, attempt);
    }
    return attempt;
  }

  async authenticate(prisma: PrismaClient, token: string, clientIp: string | null = null): Promise<AuthResult> {
    const parsed = parseKey(token);
    if (!parsed) return { ok: false, failure: 'malformed' };
    const row = await this.keyStates.get(prisma, parsed.publicId);
    const known = row ? this.verifier.knownVerdict(row.secretHash, token) : undefined;
    if (known === false) return { ok: false, failure: 'bad_secret' };
    if (known === undefined) {
      const attempt = await this.costlyAttempt(prisma, parsed.publicId, row?.secretHash ?? null, token, clientIp);
      if ('retryAfterSeconds' in attempt) return { ok: false, failure: 'throttled', retryAfterSeconds: attempt.retryAfterSeconds };
      if (!row || !attempt.verified) return { ok: false, failure: row ? 'bad_secret' : 'unknown' };
    }
    if (!row) return { ok: false, failure: 'unknown' };
    if (row.status === 'REVOKED') return { ok: false, failure: 'revoked' };
    if (row.status === 'INACTIVE') return { ok: false, failure: 'inactive' };
    const until = validUntil(row);
    if (until && this.clock.now().getTime() >= until.getTime()) return { ok: false, failure: 'expired' };
    if (!planIncludesApiAccess(row.plan)) return { ok: false, failure: 'plan', plan: row.plan };
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
        ipAllowlist: row.ipAllowlist,
      },
    };
  }
}

type Attempt = { verified: boolean } | { retryAfterSeconds: number };
