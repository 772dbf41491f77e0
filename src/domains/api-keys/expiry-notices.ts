import type { Clock } from '../../clock.ts';
import type { ApiKeyStatus } from '../../generated/prisma/enums.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { validUntil } from './lifecycle.ts';
import { recordKeyEvent, type ExpiryWarning } from './key-events.ts';

// `api_key.expiring` and `api_key.expired`: produced by a scan that every delivering instance runs. The rules (which
// notice is due) are pure; `ApiKeyNotice`'s primary key makes each notice happen once however many instances scan.

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Warnings before a key's own expiry, longest first. */
export const EXPIRY_WARNINGS: { name: ExpiryWarning; ms: number }[] = [
  { name: 'P30D', ms: 30 * DAY_MS },
  { name: 'P7D', ms: 7 * DAY_MS },
  { name: 'P1D', ms: DAY_MS },
];
/** Warnings before the end of a rotation grace period (at most a day long): only for grace periods longer than 1 h. */
export const GRACE_WARNINGS: { name: ExpiryWarning; ms: number }[] = [{ name: 'PT1H', ms: HOUR_MS }];
/** `api_key.expired` is produced up to this long after the fact (a scan that was not running catches up)… */
export const EXPIRED_LOOKBACK_MS = 7 * DAY_MS;
/** …and warnings look this far ahead. */
const LOOKAHEAD_MS = EXPIRY_WARNINGS[0].ms;

export type NoticeKey = {
  status: ApiKeyStatus;
  createdAt: Date;
  rotatedAt: Date | null;
  expiresAt: Date | null;
  graceEndsAt: Date | null;
};

export type DueNotice = {
  /** Identity of the notice for this key: `<reason>:<warning or EXPIRED>:<instant>`. */
  notice: string;
  type: 'api_key.expiring' | 'api_key.expired';
  reason: 'EXPIRY' | 'GRACE_END';
  /** The instant the key stops working. */
  until: Date;
  warning: ExpiryWarning | null;
};

/**
 * The notice due for a key at `now`, if any. A key stops working at its expiry or, if earlier, at the end of its
 * rotation grace period (`reason`). Before that, the warning due is the nearest threshold already reached, and only
 * if the key existed before that threshold (a key created with 7 days to live gets no "7 days left"; one whose
 * 30-day warning was missed while nothing scanned gets the 7-day one, not a late 30-day one). After it,
 * `api_key.expired`, within the look-back. Revoked keys get nothing: they stopped working for another reason.
 */
export function dueNotice(key: NoticeKey, now: Date): DueNotice | null {
  if (key.status === 'REVOKED') return null;
  const until = validUntil(key);
  if (!until) return null;
  const reason = key.graceEndsAt && (!key.expiresAt || key.graceEndsAt < key.expiresAt) ? 'GRACE_END' : 'EXPIRY';
  const left = until.getTime() - now.getTime();
  if (left <= 0) {
    if (-left > EXPIRED_LOOKBACK_MS) return null;
    return { notice: `${reason}:EXPIRED:${until.toISOString()}`, type: 'api_key.expired', reason, until, warning: null };
  }
  const start = (reason === 'GRACE_END' ? (key.rotatedAt ?? key.createdAt) : key.createdAt).getTime();
  const thresholds = reason === 'GRACE_END' ? GRACE_WARNINGS : EXPIRY_WARNINGS;
  const reached = thresholds.filter((w) => left <= w.ms && until.getTime() - w.ms > start);
  if (!reached.length) return null;
  const nearest = reached.reduce((a, b) => (b.ms < a.ms ? b : a));
  return { notice: `${reason}:${nearest.name}:${until.toISOString()}`, type: 'api_key.expiring', reason, until, warning: nearest.name };
}

type Candidate = NoticeKey & {
  id: string;
  organizationId: string;
  projectId: string | null;
  name: string;
  publicId: string;
  /** Event types an enabled endpoint of the key's organization takes: a notice no endpoint takes is not used up. */
  wanted: string[];
};

const BATCH = 500;
/** Notices (and their events) written per transaction: short transactions, whatever the backlog. */
const PRODUCE_CHUNK = 100;

/**
 * One scan: the keys that stop working within the look-ahead (or did within the look-back) in organizations with an
 * enabled endpoint subscribed to these events; for each due notice of a type some endpoint takes, the notice row and
 * its event in one transaction (per chunk).
 * Two instances scanning at once both try to insert the same notice: the second waits for the first's commit and
 * inserts nothing, so it writes no event. Returns how many events were produced.
 */
export async function scanExpiryNotices(prisma: PrismaClient, clock: Clock): Promise<number> {
  const now = clock.now();
  const from = new Date(now.getTime() - EXPIRED_LOOKBACK_MS);
  const to = new Date(now.getTime() + LOOKAHEAD_MS);
  let produced = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const candidates = await prisma.$queryRaw<Candidate[]>`
      WITH wanted AS (
        SELECT e."organizationId", array_agg(DISTINCT t) AS types
        FROM "WebhookEndpoint" e, unnest(e.events) AS t
        WHERE e.enabled AND t IN ('api_key.expiring', 'api_key.expired')
        GROUP BY e."organizationId"
      )
      SELECT k.id, k."organizationId", k."projectId", k.name, k."publicId", k.status, k."createdAt", k."rotatedAt", k."expiresAt", k."graceEndsAt",
        w.types AS wanted
      FROM "ApiKey" k JOIN wanted w ON w."organizationId" = k."organizationId"
      WHERE k.id > ${after}::uuid AND k.status <> 'REVOKED'
        AND (k."expiresAt" BETWEEN ${from}::timestamptz AND ${to}::timestamptz OR k."graceEndsAt" BETWEEN ${from}::timestamptz AND ${to}::timestamptz)
      ORDER BY k.id
      LIMIT ${BATCH}`;
    if (!candidates.length) return produced;
    after = candidates[candidates.length - 1].id;
    const due = candidates.flatMap((key) => {
      const notice = dueNotice(key, now);
      return notice && key.wanted.includes(notice.type) ? [{ key, notice }] : [];
    });
    for (let i = 0; i < due.length; i += PRODUCE_CHUNK) produced += await produce(prisma, clock, due.slice(i, i + PRODUCE_CHUNK));
    if (candidates.length < BATCH) return produced;
  }
}

async function produce(prisma: PrismaClient, clock: Clock, due: { key: Candidate; notice: DueNotice }[]): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const inserted = await tx.$queryRaw<{ apiKeyId: string; notice: string }[]>`
      INSERT INTO "ApiKeyNotice" ("apiKeyId", notice, "createdAt")
      SELECT n.key, n.notice, ${clock.now()}::timestamptz
      FROM unnest(${due.map((d) => d.key.id)}::uuid[], ${due.map((d) => d.notice.notice)}::text[]) AS n(key, notice)
      ON CONFLICT DO NOTHING
      RETURNING "apiKeyId", notice`;
    const fresh = new Set(inserted.map((row) => `${row.apiKeyId} ${row.notice}`));
    const system = { principal: null, clock };
    for (const { key, notice } of due) {
      if (!fresh.has(`${key.id} ${notice.notice}`)) continue;
      await recordKeyEvent(tx, system, notice.type, key, {
        expiresAt: notice.until.toISOString(),
        expiry: { reason: notice.reason, warning: notice.warning },
      });
    }
    return fresh.size;
  });
}
