import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Logger } from 'pino';
import { Webhook } from 'standardwebhooks';
import type { Clock } from '../../clock.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { UnreadableSecretError, type SecretBox } from '../../lib/secret-box.ts';
import type { Database, Listener } from '../../db/client.ts';
import { recordAudit, SYSTEM_ORIGIN } from '../audit/record.ts';
import { webhookIdOf } from './events.ts';
import { isPublicAddress, RefusedAddressError, refusedHost, type UrlPolicy } from '../../lib/url-policy.ts';

/** Wait after the 1st, 2nd... failed attempt; after the last one the delivery is given up (FAILED). */
export const RETRY_SCHEDULE_MS = [5_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 5 * 3_600_000, 10 * 3_600_000, 24 * 3_600_000];
export const MAX_ATTEMPTS = RETRY_SCHEDULE_MS.length + 1;
export const ATTEMPT_TIMEOUT_MS = 10_000;
type ClaimOutcome = 'full' | 'partial' | 'busy';
/** A claimed delivery is not claimed again (by any instance) for this long: longer than one attempt can take (it starts at once). */
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

type Resolve = (hostname: string, options: dns.LookupAllOptions, callback: (error: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void) => void;

/**
 * DNS resolution that refuses non-public addresses, used as the connection's lookup: what is checked is what is
 * dialled. Every answer is checked, not only the first: the connection may use any of them.
 */
export function guardedLookup(policy: UrlPolicy, resolve: Resolve = dns.lookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { all: true, verbatim: true, family: options.family }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const refused = !policy.allowPrivateAddresses && addresses.some((a) => !isPublicAddress(a.address));
      if (refused || !addresses.length) {
        return callback(new RefusedAddressError(`refused: ${hostname} resolves to a non-public address`), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

type AttemptResult = { status: number | null; error: string | null; refused: boolean };

/** Connections to receivers are kept open between attempts (a connection is dialled only after the guarded lookup). */
const agents = { http: new http.Agent({ keepAlive: true, maxFreeSockets: 16 }), https: new https.Agent({ keepAlive: true, maxFreeSockets: 16 }) };

/** One POST: time-out (10 s), no redirect followed (a 3xx is a failure), at most 64 KiB of the answer read. */
export function post(url: URL, headers: Record<string, string>, body: string, policy: UrlPolicy, timeoutMs = ATTEMPT_TIMEOUT_MS, fresh = false): Promise<AttemptResult> {
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
      // A retry after a kept-alive connection failed gets a connection of its own.
      agent: fresh ? false : url.protocol === 'https:' ? agents.https : agents.http,
      signal: AbortSignal.timeout(timeoutMs),
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
    request.on('error', (error: NodeJS.ErrnoException) => {
      // The receiver closed a kept-alive connection just as it was reused: nothing was received, so try once more on
      // a new connection (Node's documented pattern) instead of counting a failure the receiver never saw.
      if (request.reusedSocket && !fresh && error.code === 'ECONNRESET') return resolve(post(url, headers, body, policy, timeoutMs, true));
      const refused = error instanceof RefusedAddressError;
      const message = error.name === 'AbortError' || error.name === 'TimeoutError' ? `timed out after ${timeoutMs / 1000} s` : error.message;
      resolve({ status: null, error: message.slice(0, 300), refused });
    });
    request.end(body);
  });
}

/** A claimed delivery: `attempts` already counts the attempt being made; `leaseToken` fences its outcome. */
type Claimed = { id: string; endpointId: string; eventId: string; payload: unknown; attempts: number; leaseToken: string };

export const WEBHOOK_OUTBOX_CHANNEL = 'keysmith_webhook_outbox';
/** The HKDF `info` of the signing secrets' box (src/lib/secret-box.ts). */
export const SIGNING_SECRETS_INFO = 'keysmith webhook signing secrets';

export type DispatcherOptions = {
  prisma: PrismaClient;
  logger: Logger;
  clock: Clock;
  secrets: SecretBox;
  policy: UrlPolicy;
  /** The longest the loop sleeps when nothing is due: it catches retries coming due (new events wake it at once). */
  pollIntervalMs: number;
  /**
   * Events that come from time passing rather than from a request (today the keys' expiry notices): the loop runs
   * it every `expiryScanIntervalMs`, before a round; it returns how many events it wrote.
   */
  scheduledEvents: (prisma: PrismaClient, clock: Clock) => Promise<number>;
  expiryScanIntervalMs: number;
  /** Most deliveries one claim takes (default 100). */
  batchSize?: number;
  /** Attempts in flight at once (default 64), and to one endpoint (default 8). */
  concurrency?: number;
  concurrencyPerEndpoint?: number;
  attemptTimeoutMs?: number;
  /** LISTENs for the outbox's notifications (database trigger): the loop wakes at once when deliveries are written. */
  listen?: Database['listen'];
};

/** Counts since start, per instance (GET /metrics). */
export type DeliveryStats = { delivered: number; failed: number; retried: number };

/**
 * The per-instance delivery loop. It claims due deliveries with `FOR UPDATE SKIP LOCKED`, a lease and a claim token
 * (so that with many instances each delivery is attempted by one at a time, one whose instance died is retried once
 * the lease runs out, and only the holder of the current claim records an outcome), and sends them outside any
 * transaction in a pool of slots: at most `concurrency` attempts at once, at most `concurrencyPerEndpoint` to one
 * endpoint, so that a slow endpoint holds only its own slots. It claims again at once while claims come back full or
 * a slot frees, wakes on the outbox's notification, and otherwise sleeps `pollIntervalMs`.
 *
 * Each claim counts the attempt it starts: an attempt whose outcome was never recorded (its instance crashed, or was
 * paused past its lease) still shows in `attempts`, so the log accounts for every request a receiver may have got.
 */
export class WebhookDispatcher {
  private stopped = false;
  private loop: Promise<void> | null = null;
  private listener: Listener | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly perEndpoint = new Map<string, number>();
  private woken = false;
  private wakeUp: (() => void) | null = null;
  /** Serialises claims within the instance (the loop and runOnce/drain). */
  private claiming: Promise<unknown> = Promise.resolve();
  readonly stats: DeliveryStats = { delivered: 0, failed: 0, retried: 0 };

  constructor(private readonly options: DispatcherOptions) {}

  private get concurrency() {
    return this.options.concurrency ?? 64;
  }

  private get concurrencyPerEndpoint() {
    return Math.min(this.options.concurrencyPerEndpoint ?? 8, this.concurrency);
  }

  start(): void {
    if (this.loop || this.stopped) return;
    this.loop = this.run();
  }

  /** Final: no claim is made once it has been called; resolves when the loop has ended and every attempt is recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loop;
    await this.claiming.catch(() => {});
    while (this.inFlight.size) await Promise.all(this.inFlight);
    await this.listener?.stop();
    this.listener = null;
  }

  /** Ends the current sleep of the loop (or the next one, if it is awake). */
  private wake(): void {
    if (this.wakeUp) this.wakeUp();
    else this.woken = true;
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken || this.stopped) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      this.wakeUp = done;
    });
  }

  private async run(): Promise<void> {
    const { logger, listen } = this.options;
    if (listen) {
      try {
        this.listener = await listen(WEBHOOK_OUTBOX_CHANNEL, () => this.wake(), () => this.wake());
      } catch (error) {
        logger.warn({ err: error }, 'webhook outbox notifications unavailable: polling only');
      }
    }
    let lastScan = -Infinity;
    while (!this.stopped) {
      if (performance.now() - lastScan >= this.options.expiryScanIntervalMs) {
        lastScan = performance.now();
        // A failed chore (logged) does not hold up delivery.
        await this.runChores().catch((error: unknown) => logger.warn({ err: error }, 'webhook chores failed'));
        if (this.stopped) break;
      }
      let outcome: ClaimOutcome = 'partial';
      try {
        outcome = (await this.claimAndStart()).outcome;
      } catch (error) {
        logger.warn({ err: error }, 'webhook delivery claim failed');
      }
      // A full claim: more may be due now. Otherwise sleep until an event, a freed slot or the poll interval.
      if (outcome !== 'full') await this.sleep(this.options.pollIntervalMs);
    }
  }

  /** One claim, and its attempts awaited (tests; the loop does not wait for them): how many were attempted. */
  async runOnce(): Promise<number> {
    if (this.stopped) return 0;
    const { started } = await this.claimAndStart();
    await Promise.all(started);
    return started.length;
  }

  /** Claims until nothing is due (tests, and shutdown-free catch-up). */
  async drain(): Promise<void> {
    while ((await this.runOnce()) > 0);
  }

  /**
   * The loop's slower chores: produces the expiry notices due now, gives up deliveries whose last attempt never
   * recorded an outcome, and prunes finished deliveries past their retention. Returns how many expiry events were
   * written.
   */
  async runChores(): Promise<number> {
    const { prisma, clock } = this.options;
    const produced = await this.options.scheduledEvents(prisma, clock);
    const now = clock.now();
    const cutoff = new Date(now.getTime() - DELIVERY_RETENTION_MS);
    await prisma.$executeRaw`
      UPDATE "WebhookDelivery"
      SET status = 'FAILED', "nextAttemptAt" = NULL, "leasedUntil" = NULL, "leaseToken" = NULL,
          "lastError" = 'no outcome recorded for the last attempt (its instance stopped or paused past its lease)'
      WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now}::timestamptz AND attempts >= ${MAX_ATTEMPTS}`;
    await prisma.$executeRaw`
      DELETE FROM "WebhookDelivery" WHERE id IN (
        SELECT id FROM "WebhookDelivery" WHERE "createdAt" < ${cutoff}::timestamptz AND status <> 'PENDING' LIMIT 5000
      )`;
    return produced;
  }

  private claimAndStart(): Promise<{ outcome: ClaimOutcome; started: Promise<void>[] }> {
    const next = this.claiming.catch(() => {}).then(() => this.claimNow());
    this.claiming = next;
    return next;
  }

  private async claimNow(): Promise<{ outcome: ClaimOutcome; started: Promise<void>[] }> {
    const free = this.concurrency - this.inFlight.size;
    if (this.stopped || free <= 0) return { outcome: 'busy', started: [] };
    const { prisma, clock } = this.options;
    const limit = Math.min(this.options.batchSize ?? 100, free);
    const perEndpoint = this.concurrencyPerEndpoint;
    const busy = [...this.perEndpoint.entries()];
    const saturated = busy.filter(([, n]) => n >= perEndpoint).map(([id]) => id);
    const now = clock.now();
    const lease = new Date(now.getTime() + LEASE_MS);
    // The oldest due deliveries (of endpoints with a free slot here), ranked per endpoint so that one endpoint's
    // backlog does not fill the claim, and no endpoint gets more than its free slots. An expired lease (its instance
    // stopped or paused) is re-claimed: its attempt already counts, and says it recorded no outcome.
    const claimed = await prisma.$queryRaw<Claimed[]>`
      UPDATE "WebhookDelivery" d
      SET "nextAttemptAt" = ${lease}::timestamptz, "leasedUntil" = ${lease}::timestamptz, "leaseToken" = gen_random_uuid(),
          attempts = d.attempts + 1,
          "lastError" = CASE WHEN d."leasedUntil" IS NOT NULL
                             THEN 'attempt ' || d.attempts || ': no outcome recorded (its instance stopped or paused past its lease)'
                             ELSE d."lastError" END
      FROM (
        SELECT id FROM (
          SELECT c.id, c."nextAttemptAt", row_number() OVER (PARTITION BY c."endpointId" ORDER BY c."nextAttemptAt", c.id) + COALESCE(b.n, 0) AS rank
          FROM (
            SELECT id, "endpointId", "nextAttemptAt" FROM "WebhookDelivery"
            WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now}::timestamptz AND attempts < ${MAX_ATTEMPTS}
              AND NOT ("endpointId" = ANY (${saturated}::uuid[]))
            ORDER BY "nextAttemptAt", id
            LIMIT ${limit * 4}
            FOR UPDATE SKIP LOCKED
          ) c
          LEFT JOIN unnest(${busy.map(([id]) => id)}::uuid[], ${busy.map(([, n]) => n)}::int[]) AS b(endpoint_id, n) ON b.endpoint_id = c."endpointId"
        ) ranked
        WHERE rank <= ${perEndpoint}
        ORDER BY rank, "nextAttemptAt", id
        LIMIT ${limit}
      ) picked
      WHERE d.id = picked.id
      RETURNING d.id, d."endpointId", d."eventId", d.payload, d.attempts, d."leaseToken"`;
    const started = claimed.map((delivery) => this.track(delivery));
    return { outcome: claimed.length === limit ? 'full' : 'partial', started };
  }

  /** Runs one attempt in a slot; a freed slot wakes the loop when it may let more be claimed. */
  private track(delivery: Claimed): Promise<void> {
    this.perEndpoint.set(delivery.endpointId, (this.perEndpoint.get(delivery.endpointId) ?? 0) + 1);
    const attempt = this.attempt(delivery)
      .catch((error: unknown) => this.options.logger.error({ err: error, deliveryId: delivery.id }, 'webhook attempt could not be recorded'))
      .finally(() => {
        this.inFlight.delete(attempt);
        const left = (this.perEndpoint.get(delivery.endpointId) ?? 1) - 1;
        if (left > 0) this.perEndpoint.set(delivery.endpointId, left);
        else this.perEndpoint.delete(delivery.endpointId);
        // Any freed slot may let a due delivery go out (a partial claim shaped by the per-endpoint limit leaves work
        // behind): wake the loop, which claims at once and sleeps again if nothing is due.
        this.wake();
      });
    this.inFlight.add(attempt);
    return attempt;
  }

  /** Signs with the endpoint's secret (sealed again under the current key if an older one opened it), sends, records. */
  private async prepare(endpoint: { id: string; url: string; secretCiphertext: string }, delivery: Claimed): Promise<AttemptResult & { ourFault: boolean }> {
    const { prisma, secrets, policy, logger } = this.options;
    let secret: string;
    try {
      const opened = secrets.openDetailed(endpoint.secretCiphertext);
      secret = opened.plaintext;
      if (opened.openedWithPrevious) {
        await prisma.$executeRaw`
          UPDATE "WebhookEndpoint" SET "secretCiphertext" = ${secrets.seal(secret)}
          WHERE id = ${endpoint.id}::uuid AND "secretCiphertext" = ${endpoint.secretCiphertext}`;
      }
    } catch (error) {
      if (!(error instanceof UnreadableSecretError)) throw error;
      logger.error({ endpointId: endpoint.id }, 'webhook signing secret cannot be decrypted: WEBHOOK_SECRET_KEY (or the secret it defaults to) changed; set WEBHOOK_SECRET_KEY_PREVIOUS to the old value (SECURITY.md)');
      return { status: null, error: `not sent: the signing secret cannot be decrypted on this server (${error.message})`, refused: false, ourFault: true };
    }
    const body = JSON.stringify(delivery.payload);
    const webhookId = webhookIdOf(delivery.eventId);
    // Receivers compare the timestamp with their wall clock: signed with the real time, whatever the injected clock.
    const sentAt = new Date();
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Keysmith-Webhooks/1',
      'webhook-id': webhookId,
      'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(webhookId, sentAt, body),
    };
    return { ...(await post(new URL(endpoint.url), headers, body, policy, this.options.attemptTimeoutMs)), ourFault: false };
  }

  private async attempt(delivery: Claimed): Promise<void> {
    const { prisma, clock, logger } = this.options;
    const endpoint = await prisma.webhookEndpoint.findUnique({ where: { id: delivery.endpointId }, select: { id: true, url: true, secretCiphertext: true } });
    if (!endpoint) return; // deleted meanwhile (its deliveries went with it)
    const started = performance.now();
    const result = await this.prepare(endpoint, delivery);
    const durationMs = Math.round(performance.now() - started);
    const attempts = delivery.attempts;
    const now = clock.now();
    const succeeded = result.status !== null && result.status >= 200 && result.status < 300;
    const next = succeeded || result.refused ? null : nextAttemptAfterFailure(attempts, now);
    // Fenced on the claim: once the lease ran out and another claim was made, this outcome is no longer the last word.
    const recorded = await prisma.webhookDelivery.updateMany({
      where: { id: delivery.id, status: 'PENDING', leaseToken: delivery.leaseToken },
      data: {
        status: succeeded ? 'SUCCEEDED' : next ? 'PENDING' : 'FAILED',
        nextAttemptAt: next,
        leasedUntil: null,
        leaseToken: null,
        lastAttemptAt: now,
        responseStatus: result.status,
        durationMs,
        lastError: succeeded ? null : (result.error ?? `HTTP ${result.status}`),
      },
    });
    const webhookId = webhookIdOf(delivery.eventId);
    if (!recorded.count) {
      logger.warn({ webhookId, attempts }, 'webhook attempt finished after its lease ran out: a later attempt is recorded instead');
      return;
    }
    if (succeeded) this.stats.delivered++;
    else if (next) this.stats.retried++;
    else this.stats.failed++;
    if (!succeeded) logger.info({ webhookId, attempts, status: result.status, error: result.error }, 'webhook delivery failed');
    // The endpoint is not to blame for a secret this server cannot read: its health is left alone.
    if (!result.ourFault) await this.recordEndpointHealth(delivery.endpointId, succeeded, now);
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
