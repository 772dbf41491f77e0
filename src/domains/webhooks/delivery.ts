import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Logger } from 'pino';
import { Webhook } from 'standardwebhooks';
import type { Clock } from '../../clock.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { SecretBox } from '../../lib/secret-box.ts';
import { recordAudit, SYSTEM_ORIGIN } from '../audit/record.ts';
import { webhookIdOf } from './events.ts';
import { isPublicAddress, RefusedAddressError, refusedHost, type UrlPolicy } from '../../lib/url-policy.ts';

/** Wait after the 1st, 2nd... failed attempt; after the last one the delivery is given up (FAILED). */
export const RETRY_SCHEDULE_MS = [5_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 5 * 3_600_000, 10 * 3_600_000, 24 * 3_600_000];
export const MAX_ATTEMPTS = RETRY_SCHEDULE_MS.length + 1;
export const ATTEMPT_TIMEOUT_MS = 10_000;
/** A claimed delivery is not claimed again (by any instance) for this long: longer than one attempt can take. */
const LEASE_MS = 60_000;
const MAX_RESPONSE_BYTES = 64 * 1024;
/** Delivered and given-up deliveries are kept this long (the log, redelivery), then pruned. Pending ones are kept. */
export const DELIVERY_RETENTION_MS = 30 * 86_400_000;
/** An endpoint whose attempts have all failed for this long is disabled (and the disabling audited). */
export const DISABLE_AFTER_FAILING_MS = 5 * 86_400_000;
/**
 * When an endpoint that is failing now will be disabled if nothing succeeds before: the first failed attempt from
 * then on disables it (recordEndpointHealth). Null when it is not failing or is not enabled (already disabled).
 */
export function autoDisablesAt(endpoint: { enabled: boolean; failingSince: Date | null }): Date | null {
  if (!endpoint.enabled || !endpoint.failingSince) return null;
  return new Date(endpoint.failingSince.getTime() + DISABLE_AFTER_FAILING_MS);
}
/** Failures further apart than the longest retry wait (24 h), plus slack, are not one run of failures. */
export const FAILURE_RUN_GAP_MS = 25 * 3_600_000;

/** When the attempt numbered `attempts` (1-based) failed: the next attempt's time, or null to give up. */
export function nextAttemptAfterFailure(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + RETRY_SCHEDULE_MS[attempts - 1]);
}

/** DNS resolution that refuses non-public addresses, used as the connection's lookup: what is checked is what is dialled. */
function guardedLookup(policy: UrlPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { all: true, verbatim: true, family: options.family }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const refused = !policy.allowPrivateAddresses && addresses.find((a) => !isPublicAddress(a.address));
      if (refused || !addresses.length) {
        return callback(new RefusedAddressError(`refused: ${hostname} resolves to a non-public address`), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

type AttemptResult = { status: number | null; error: string | null; refused: boolean };

/** One POST: 10 s time-out, no redirect followed (a 3xx is a failure), at most 64 KiB of the answer read. */
export function post(url: URL, headers: Record<string, string>, body: string, policy: UrlPolicy): Promise<AttemptResult> {
  return new Promise((resolve) => {
    if (policy.requireHttps && url.protocol !== 'https:') return resolve({ status: null, error: 'refused: not an https URL', refused: true });
    // Literal addresses never reach `lookup`, and loopback names need no DNS answer to be refused: checked here.
    const refusedBecause = policy.allowPrivateAddresses ? null : refusedHost(url);
    if (refusedBecause) return resolve({ status: null, error: `refused: ${refusedBecause}`, refused: true });
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      lookup: guardedLookup(policy),
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    request.on('response', (response) => {
      let read = 0;
      response.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_RESPONSE_BYTES) response.destroy();
      });
      const done = () => resolve({ status: response.statusCode ?? null, error: null, refused: false });
      response.on('end', done);
      response.on('close', done);
      response.on('error', done);
    });
    request.on('error', (error) => {
      const refused = error instanceof RefusedAddressError;
      const message = error.name === 'AbortError' || error.name === 'TimeoutError' ? 'timed out after 10 s' : error.message;
      resolve({ status: null, error: message.slice(0, 300), refused });
    });
    request.end(body);
  });
}

type Claimed = { id: string; endpointId: string; eventId: string; payload: unknown; attempts: number };

export type DispatcherOptions = {
  prisma: PrismaClient;
  logger: Logger;
  clock: Clock;
  secrets: SecretBox;
  policy: UrlPolicy;
  pollIntervalMs: number;
  /**
   * Events that come from time passing rather than from a request (today the keys' expiry notices): the loop runs
   * it every `expiryScanIntervalMs`, before a round; it returns how many events it wrote.
   */
  scheduledEvents: (prisma: PrismaClient, clock: Clock) => Promise<number>;
  expiryScanIntervalMs: number;
  batchSize?: number;
};

/**
 * The per-instance delivery loop. Each round claims due deliveries with `FOR UPDATE SKIP LOCKED` and a lease (so
 * that with many instances each delivery is attempted by one at a time, and one whose instance died is retried once
 * the lease runs out), then sends them outside any transaction and records the outcome.
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<number> = Promise.resolve(0);
  private stopped = false;

  constructor(private readonly options: DispatcherOptions) {}

  start(): void {
    let lastScan = -Infinity;
    const tick = () => {
      if (this.stopped) return;
      const scanDue = performance.now() - lastScan >= this.options.expiryScanIntervalMs;
      if (scanDue) lastScan = performance.now();
      // A failed chore (logged) does not hold up delivery.
      const chores = scanDue ? this.runChores().catch((error: unknown) => this.options.logger.warn({ err: error }, 'webhook chores failed')) : Promise.resolve();
      void chores
        .then(() => this.runOnce())
        .catch((error: unknown) => this.options.logger.warn({ err: error }, 'webhook delivery round failed'))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.options.pollIntervalMs).unref();
        });
    };
    this.timer = setTimeout(tick, 0).unref();
  }

  /** Stops the loop and waits for the attempts in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.round.catch(() => {});
  }

  /** One round (serialised within the instance): returns how many deliveries were attempted. */
  runOnce(): Promise<number> {
    this.round = this.round.catch(() => 0).then(() => this.attemptDue());
    return this.round;
  }

  /**
   * The loop's slower chores (serialised with delivery rounds): produces the expiry notices due now, and prunes
   * finished deliveries past their retention. Returns how many expiry events were written.
   */
  runChores(): Promise<number> {
    const { prisma, clock } = this.options;
    const scan = this.round
      .catch(() => 0)
      .then(async () => {
        const produced = await this.options.scheduledEvents(prisma, clock);
        const cutoff = new Date(clock.now().getTime() - DELIVERY_RETENTION_MS);
        await prisma.$executeRaw`
          DELETE FROM "WebhookDelivery" WHERE id IN (
            SELECT id FROM "WebhookDelivery" WHERE "createdAt" < ${cutoff}::timestamptz AND status <> 'PENDING' LIMIT 5000
          )`;
        return produced;
      });
    this.round = scan.then(() => 0);
    return scan;
  }

  /** Rounds until nothing is due (tests, and shutdown-free catch-up). */
  async drain(): Promise<void> {
    while ((await this.runOnce()) > 0);
  }

  private async attemptDue(): Promise<number> {
    const { prisma, clock } = this.options;
    const now = clock.now();
    const lease = new Date(now.getTime() + LEASE_MS);
    const claimed = await prisma.$queryRaw<Claimed[]>`
      UPDATE "WebhookDelivery" SET "nextAttemptAt" = ${lease}::timestamptz, "leasedUntil" = ${lease}::timestamptz
      WHERE id IN (
        SELECT id FROM "WebhookDelivery"
        WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now}::timestamptz
        ORDER BY "nextAttemptAt", id
        LIMIT ${this.options.batchSize ?? 20}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING id, "endpointId", "eventId", payload, attempts`;
    await Promise.all(claimed.map((d) => this.attempt(d)));
    return claimed.length;
  }

  private async attempt(delivery: Claimed): Promise<void> {
    const { prisma, clock, secrets, policy, logger } = this.options;
    const endpoint = await prisma.webhookEndpoint.findUnique({ where: { id: delivery.endpointId }, select: { url: true, secretCiphertext: true } });
    if (!endpoint) return; // deleted meanwhile (its deliveries went with it)
    const body = JSON.stringify(delivery.payload);
    const webhookId = webhookIdOf(delivery.eventId);
    // Receivers compare the timestamp with their wall clock: signed with the real time, whatever the injected clock.
    const sentAt = new Date();
    const signature = new Webhook(secrets.open(endpoint.secretCiphertext)).sign(webhookId, sentAt, body);
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Keysmith-Webhooks/1',
      'webhook-id': webhookId,
      'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
      'webhook-signature': signature,
    };
    const started = performance.now();
    const result = await post(new URL(endpoint.url), headers, body, policy);
    const durationMs = Math.round(performance.now() - started);
    const attempts = delivery.attempts + 1;
    const now = clock.now();
    const succeeded = result.status !== null && result.status >= 200 && result.status < 300;
    const next = succeeded || result.refused ? null : nextAttemptAfterFailure(attempts, now);
    await prisma.webhookDelivery.updateMany({
      where: { id: delivery.id, status: 'PENDING' },
      data: {
        attempts,
        status: succeeded ? 'SUCCEEDED' : next ? 'PENDING' : 'FAILED',
        nextAttemptAt: next,
        leasedUntil: null,
        lastAttemptAt: now,
        responseStatus: result.status,
        durationMs,
        lastError: succeeded ? null : (result.error ?? `HTTP ${result.status}`),
      },
    });
    if (!succeeded) logger.info({ webhookId, attempts, status: result.status, error: result.error }, 'webhook delivery failed');
    await this.recordEndpointHealth(delivery.endpointId, succeeded, now);
  }

  /**
   * A success ends the endpoint's run of failures; a failure starts one (or continues it), and one that has lasted
   * 5 days disables the endpoint, audited, in one transaction. The row lock makes this happen once when several
   * instances record failures for the endpoint at the same time.
   */
  private async recordEndpointHealth(endpointId: string, succeeded: boolean, now: Date): Promise<void> {
    const { prisma, logger } = this.options;
    if (succeeded) {
      await prisma.webhookEndpoint.updateMany({ where: { id: endpointId, failingSince: { not: null } }, data: { failingSince: null, lastFailedAt: null } });
      return;
    }
    const disabled = await prisma.$transaction(async (tx) => {
      // A failure starts a new run when there is none, or when the last failure is older than the longest retry gap
      // (the endpoint got nothing to fail on in between: it has not been failing all along).
      const gap = new Date(now.getTime() - FAILURE_RUN_GAP_MS);
      await tx.$executeRaw`
        UPDATE "WebhookEndpoint"
        SET "failingSince" = CASE WHEN "failingSince" IS NULL OR "lastFailedAt" IS NULL OR "lastFailedAt" < ${gap}::timestamptz
                                  THEN ${now}::timestamptz ELSE "failingSince" END,
            "lastFailedAt" = ${now}::timestamptz
        WHERE id = ${endpointId}::uuid`;
      const cutoff = new Date(now.getTime() - DISABLE_AFTER_FAILING_MS);
      const rows = await tx.$queryRaw<{ organizationId: string; failingSince: Date; url: string }[]>`
        UPDATE "WebhookEndpoint" SET enabled = false, "autoDisabledAt" = ${now}::timestamptz, "updatedAt" = ${now}::timestamptz
        WHERE id = ${endpointId}::uuid AND enabled AND "failingSince" <= ${cutoff}::timestamptz
        RETURNING "organizationId", "failingSince", url`;
      if (!rows.length) return false;
      await recordAudit(tx, SYSTEM_ORIGIN, {
        organizationId: rows[0].organizationId,
        action: 'webhook_endpoint.auto_disable',
        targetType: 'WebhookEndpoint',
        targetId: endpointId,
        changes: { enabled: { from: true, to: false }, failingSince: rows[0].failingSince.toISOString(), url: rows[0].url },
      });
      return true;
    });
    if (disabled) logger.warn({ endpointId }, 'webhook endpoint disabled after 5 days of failed deliveries');
  }
}
