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
import type { SecretTags } from './secret-tag.ts';
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
 * Authenticates an API key, in this order: format and checksum (no I/O) → key row by public id → secret → status,
 * expiry, plan. The secret is decided by the key's stored verification tag when it has one under the current tag
 * secret (one HMAC, on any instance, see SecretTags), else against the argon2id hash (once per key per process, see
 * KeyVerifier), after which the tag is written for every instance. Only failures are throttled: a secret known to
 * be right is never refused, however many wrong ones were sent for the same key id. The key's state comes
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
    private readonly tags: SecretTags | null = null,
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
    const tagged = row && this.tags ? this.tags.check(row.secretTag, token) : 'unknown';
    if (tagged === 'mismatch') {
      // Decided without argon2; the failure still counts, so that guessing costs the same budget as elsewhere.
      const slot = await this.throttle.reserve(prisma, parsed.publicId, clientIp);
      if (slot.limited) return { ok: false, failure: 'throttled', retryAfterSeconds: slot.retryAfterSeconds };
      return { ok: false, failure: 'bad_secret' };
    }
    if (tagged === 'unknown') {
      const known = row ? this.verifier.knownVerdict(row.secretHash, token) : undefined;
      if (known === false) return { ok: false, failure: 'bad_secret' };
      if (known === undefined) {
        const attempt = await this.costlyAttempt(prisma, parsed.publicId, row?.secretHash ?? null, token, clientIp);
        if ('retryAfterSeconds' in attempt) return { ok: false, failure: 'throttled', retryAfterSeconds: attempt.retryAfterSeconds };
        if (!row || !attempt.verified) return { ok: false, failure: row ? 'bad_secret' : 'unknown' };
      }
      if (row && this.tags) this.writeTag(prisma, row.id, row.secretHash, token);
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

  /** Tags written by this process, so that a key verified by argon2 writes its tag once, not on every request. */
  private readonly tagsWritten = new Set<string>();

  /** Stores the key's tag for every instance (a fresh one included) after argon2 said yes; best effort. */
  private writeTag(prisma: PrismaClient, keyId: string, secretHash: string, token: string): void {
    if (this.tagsWritten.has(keyId)) return;
    if (this.tagsWritten.size >= 100_000) this.tagsWritten.clear();
    this.tagsWritten.add(keyId);
    const tag = this.tags!.tag(token);
    prisma.$executeRaw`UPDATE "ApiKey" SET "secretTag" = ${tag} WHERE id = ${keyId}::uuid AND "secretHash" = ${secretHash}`.catch(() =>
      this.tagsWritten.delete(keyId),
    );
  }
}

type Attempt = { verified: boolean } | { retryAfterSeconds: number };
