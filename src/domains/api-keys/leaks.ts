import type { ApiKeyLeakAction } from '../../generated/prisma/enums.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { recordAudit } from '../audit/record.ts';
import { recordKeyEvent } from './key-events.ts';
import type { KeyVerifier } from './hashing.ts';
import { parseKey, visiblePrefix } from '../../lib/key-format.ts';
import type { SecretTags } from '../../lib/secret-tag.ts';
import { revokeLockedKey, type KeyChangeOrigin } from './service.ts';

// Keys found in public by a secret scanner (README, "Leaked keys"). A report names a string that looks like a key;
// it acts on a key only when that string is the key's full secret, verified exactly as authentication would verify
// it. The public id alone proves nothing: it is printed in the console, in logs and in webhook payloads, so a
// report that acted on it would let anyone revoke a victim's key by committing `ksk_<their id>_<anything>` to a
// public repository (SECURITY.md, "Leaked keys").

/** One finding of a report: the string found and where. */
export type LeakFinding = { token: string; url: string | null; source: string | null };

/**
 * The key whose full secret `token` is, or null — for a malformed token, a bad checksum, an unknown or deleted key
 * and a wrong secret alike. Decided by the key's verification tag when it has one under the current tag secret,
 * else by argon2 through the shared verifier (bounded: it throws VerifierBusyError when it would wait too long).
 */
export async function keyOfLeakedSecret(
  prisma: PrismaClient,
  deps: { verifier: KeyVerifier; tags: SecretTags | null },
  token: string,
): Promise<{ id: string } | null> {
  const parsed = parseKey(token);
  if (!parsed) return null;
  const row = await prisma.apiKey.findUnique({ where: { publicId: parsed.publicId }, select: { id: true, secretHash: true, secretTag: true } });
  if (!row) return null;
  const tagged = deps.tags ? deps.tags.check(row.secretTag, token) : 'unknown';
  if (tagged === 'mismatch') return null;
  // 'previous-match' is a match (the tag is rewritten by the next authentication, not by a leak report).
  if (tagged === 'unknown' && !(await deps.verifier.verify(row.secretHash, token))) return null;
  return { id: row.id };
}

export type LeakOutcome =
  /** First report of the key: stored on it, and the key revoked or flagged. */
  | { kind: 'reported'; action: ApiKeyLeakAction; publicId: string }
  /** A report of an already reported key from a place not recorded yet: audited, and announced again. */
  | { kind: 'reported_again'; action: ApiKeyLeakAction; publicId: string }
  /** The same place reported again (a scanner's retry): nothing changes. */
  | { kind: 'duplicate'; publicId: string }
  /** The key was deleted between verification and the change. */
  | { kind: 'gone' };

/**
 * Records a verified leak of key `keyId`, in one transaction: the organization's `leakedKeyAction` decides —
 * REVOKE revokes the key through the normal revocation (unless it is revoked already), FLAG only marks it. The
 * first report is stored on the key; every report of a new place is audited (`api_key.leak_report`, with the URL
 * and source) and sent as `api_key.leaked`. The action of a report is REVOKED when the key is revoked after it
 * (now or before), FLAGGED when it still works.
 */
export async function recordLeak(
  prisma: PrismaClient,
  origin: KeyChangeOrigin,
  keyId: string,
  finding: Omit<LeakFinding, 'token'>,
): Promise<LeakOutcome> {
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "ApiKey" WHERE id = ${keyId}::uuid FOR UPDATE`;
    if (!locked.length) return { kind: 'gone' } as const;
    const key = await tx.apiKey.findUniqueOrThrow({ where: { id: keyId }, include: { organization: { select: { leakedKeyAction: true } } } });
    const place = { url: finding.url, source: finding.source };
    const first = key.leakedAt === null;
    if (!first) {
      const earlier = await tx.auditEvent.findMany({
        where: { organizationId: key.organizationId, targetType: 'ApiKey', targetId: key.id, action: 'api_key.leak_report' },
        select: { changes: true },
      });
      const samePlace = earlier.some((e) => {
        const c = e.changes as { url?: unknown; source?: unknown } | null;
        return (c?.url ?? null) === place.url && (c?.source ?? null) === place.source;
      });
      if (samePlace) return { kind: 'duplicate', publicId: key.publicId } as const;
    }
    let current = key;
    if (key.organization.leakedKeyAction === 'REVOKE' && key.status !== 'REVOKED') {
      current = { ...(await revokeLockedKey(origin, tx, key)), organization: key.organization };
    }
    const action: ApiKeyLeakAction = current.status === 'REVOKED' ? 'REVOKED' : 'FLAGGED';
    await tx.apiKey.update({
      where: { id: key.id },
      data: first
        ? { leakedAt: origin.clock.now(), leakUrl: place.url, leakSource: place.source, leakAction: action }
        : { leakAction: action },
    });
    await recordAudit(tx, origin, {
      organizationId: key.organizationId,
      action: 'api_key.leak_report',
      targetType: 'ApiKey',
      targetId: key.id,
      changes: { url: place.url, source: place.source, action, prefix: visiblePrefix(key.publicId), firstReport: first },
    });
    await recordKeyEvent(tx, origin, 'api_key.leaked', current, { leak: { ...place, action } });
    return { kind: first ? 'reported' : 'reported_again', action, publicId: key.publicId } as const;
  });
}
