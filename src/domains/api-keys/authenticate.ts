import { createHash, hash } from 'node:crypto';
import type { Clock } from '../../clock.ts';
import type { Organization, PrismaClient } from '../../generated/prisma/client.ts';
import { VerifierBusyError, type KeyVerifier } from './hashing.ts';
import type { KeyState, KeyStateCache } from './key-state.ts';
import type { AuthThrottle } from './throttle.ts';
import { planIncludesApiAccess } from '../../authz/plans.ts';
import { parseKey, unverifiedPublicId } from '../../lib/key-format.ts';
import { validUntil } from './lifecycle.ts';
import type { AuthenticatedKey } from '../../context.ts';
import type { SecretTags } from '../../lib/secret-tag.ts';
import { parseStoredGrants } from '../../authz/grants.ts';
import { parseStoredRateLimits } from './rate-limits.ts';

/** Failures decided before (or without) a verified secret: one identical answer, nothing about the key. */
export type AuthFailure =
  | 'malformed' // wrong format or checksum: rejected without touching the database
  | 'unknown'; // no key with this public id (never existed, or deleted)

/**
 * Failures of a key whose secret was verified: only its holder can get here, so the answer says why (and since when).
 * `rotated`: the key was replaced by rotation and `at` is the end of its grace period.
 */
export type StateFailure =
  | { failure: 'inactive' }
  | { failure: 'revoked'; at: Date | null }
  | { failure: 'expired'; at: Date; rotated: boolean };

export type AuthResult =
  | { ok: true; key: AuthenticatedKey }
  | { ok: false; failure: AuthFailure }
  // A wrong secret for a key that exists: the same answer as 'unknown' to the caller; `keyId` only counts the call
  // in that key's usage (INVALID), which its owner reads.
  | { ok: false; failure: 'bad_secret'; keyId: string }
  | ({ ok: false; keyId: string } & StateFailure)
  | { ok: false; failure: 'plan'; plan: Organization['plan'] }
  | { ok: false; failure: 'throttled'; retryAfterSeconds: number };

/**
 * Authenticates an API key, in this order: format and checksum (no I/O) → key row by public id → secret → status,
 * expiry, plan. Status and expiry are judged only after the secret is verified (see `judge`): a holder of the secret
 * learns why the key fails, anyone else learns nothing. The secret is decided by the key's stored verification tag when it has one under the current tag
 * secret or the previous one during a rotation (one HMAC, on any instance, see SecretTags), else against the argon2id hash (once per key per process, see
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
    // An unknown key id does the HMAC a known one does, so that its answer is not measurably faster.
    if (!row) this.tags?.checkAbsent(token);
    const tagged = row && this.tags ? this.tags.check(row.secretTag, token) : 'unknown';
    if (tagged === 'mismatch' && row) {
      // Decided without argon2; the failure still counts, so that guessing costs the same budget as elsewhere.
      const slot = await this.throttle.reserve(prisma, parsed.publicId, clientIp);
      if (slot.limited) return { ok: false, failure: 'throttled', retryAfterSeconds: slot.retryAfterSeconds };
      return { ok: false, failure: 'bad_secret', keyId: row.id };
    }
    if (tagged === 'unknown') {
      const known = row ? this.verifier.knownVerdict(row.secretHash, token) : undefined;
      if (known === false && row) return { ok: false, failure: 'bad_secret', keyId: row.id };
      if (known === undefined) {
        const attempt = await this.costlyAttempt(prisma, parsed.publicId, row?.secretHash ?? null, token, clientIp);
        if ('retryAfterSeconds' in attempt) return { ok: false, failure: 'throttled', retryAfterSeconds: attempt.retryAfterSeconds };
        if (!row) return { ok: false, failure: 'unknown' };
        if (!attempt.verified) return { ok: false, failure: 'bad_secret', keyId: row.id };
      }
      if (row && this.tags) this.writeTag(prisma, row.id, row.secretHash, token);
    }
    // Right by the previous tag secret (a rotation in progress): rewritten under the current one, argon2 never runs.
    if (tagged === 'previous-match' && row) this.writeTag(prisma, row.id, row.secretHash, token);
    if (!row) return { ok: false, failure: 'unknown' };
    return this.judge(row);
  }

  /**
   * The warm path, without I/O or a promise: the answer when this process has the key's state cached and its secret
   * is decided right by the tag or a remembered verdict; undefined when `authenticate` must decide (a wrong secret
   * included, since failures are throttled in the database).
   */
  authenticateCached(token: string): AuthResult | undefined {
    // A key already verified right against this very cached state: one SHA-256 and a comparison.
    const publicId = unverifiedPublicId(token);
    const state = publicId === null ? undefined : this.keyStates.peek(publicId);
    if (!state) return parseKey(token) ? undefined : { ok: false, failure: 'malformed' };
    const digest = hash('sha256', token, 'base64');
    const known = this.warm.get(state);
    if (known?.digest === digest) return this.judge(state, known.key);
    if (!parseKey(token)) return { ok: false, failure: 'malformed' };
    const tagged = this.tags ? this.tags.check(state.secretTag, token) : 'unknown';
    // A mismatch is throttled, and a previous-secret match rewrites its tag: both need `authenticate`.
    if (tagged === 'mismatch' || tagged === 'previous-match') return undefined;
    if (tagged === 'unknown' && this.verifier.knownVerdict(state.secretHash, token) !== true) return undefined;
    const result = this.judge(state);
    if (result.ok) this.warm.set(state, { digest, key: result.key });
    return result;
  }

  /**
   * Per cached key state (dropped with it when the state changes): SHA-256 of the one full key verified right for it,
   * and the principal built from it. Digests, never keys.
   */
  private readonly warm = new WeakMap<KeyState, { digest: string; key: AuthenticatedKey }>();

  /** Status, expiry and plan of a key whose secret was right (`built`: its principal, when already made). */
  private judge(row: KeyState, built?: AuthenticatedKey): AuthResult {
    if (row.status === 'REVOKED') return { ok: false, failure: 'revoked', at: row.revokedAt, keyId: row.id };
    if (row.status === 'INACTIVE') return { ok: false, failure: 'inactive', keyId: row.id };
    const until = validUntil(row);
    if (until && this.clock.now().getTime() >= until.getTime()) {
      return { ok: false, failure: 'expired', keyId: row.id, at: until, rotated: row.graceEndsAt !== null && row.graceEndsAt.getTime() === until.getTime() };
    }
    if (!planIncludesApiAccess(row.plan)) return { ok: false, failure: 'plan', plan: row.plan };
    return {
      ok: true,
      key: built ?? {
        id: row.id,
        publicId: row.publicId,
        organizationId: row.organizationId,
        level: row.level,
        projectId: row.projectId,
        allProjects: row.allProjects,
        projectIds: row.projectIds,
        grants: parseStoredGrants(row.grants),
        ownerRole: row.ownerRole,
        ownedByOrganization: row.ownedByOrganization,
        ownerId: row.ownerId,
        createdById: row.createdById,
        ipAllowlist: row.ipAllowlist,
        rateLimits: parseStoredRateLimits(row.rateLimits),
        hasQuota: row.hasQuota,
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
