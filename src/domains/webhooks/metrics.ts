import { Counter, Gauge, type Registry } from 'prom-client';
import type { Clock } from '../../clock.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { DeliveryStats } from './delivery.ts';

/**
 * Webhook delivery on GET /metrics, so that an operator sees a stall: outcomes recorded by this instance (counters),
 * and the queue every instance shares (gauges read from the database at scrape time).
 */
export function registerWebhookMetrics(registry: Registry, deps: { dispatcher: { stats: DeliveryStats } | null; prisma: PrismaClient; clock: Clock }): void {
  const counter = (name: string, help: string, read: (stats: DeliveryStats) => number) => {
    let seen = 0;
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        const now = deps.dispatcher ? read(deps.dispatcher.stats) : 0;
        if (now > seen) this.inc(now - seen);
        seen = now;
      },
    });
  };
  counter('keysmith_webhook_deliveries_delivered_total', 'webhook deliveries this instance delivered (a 2xx answer)', (s) => s.delivered);
  counter('keysmith_webhook_deliveries_failed_total', 'webhook deliveries this instance gave up (last attempt failed, or refused)', (s) => s.failed);
  counter('keysmith_webhook_attempts_retried_total', 'failed webhook attempts this instance scheduled for a retry', (s) => s.retried);

  // Both gauges come from one query per scrape: the depth gauge (collected first) reads the queue, and the age gauge
  // takes that reading. (A reading kept until the next macrotask was served again to a scrape that followed at once.)
  const readQueue = async () => {
    const now = deps.clock.now();
    const [row] = await deps.prisma.$queryRaw<{ depth: bigint; oldest: Date | null }[]>`
      SELECT count(*) AS depth, min("nextAttemptAt") FILTER (WHERE "nextAttemptAt" <= ${now}::timestamptz) AS oldest
      FROM "WebhookDelivery" WHERE status = 'PENDING'`;
    return { depth: Number(row.depth), oldestDueSeconds: row.oldest ? Math.max(0, (now.getTime() - row.oldest.getTime()) / 1000) : 0 };
  };
  let reading: ReturnType<typeof readQueue> | null = null;
  new Gauge({
    name: 'keysmith_webhook_queue_depth',
    help: 'webhook deliveries pending (due now or waiting for a retry), all instances',
    registers: [registry],
    async collect() {
      reading = readQueue();
      this.set((await reading).depth);
    },
  });
  new Gauge({
    name: 'keysmith_webhook_oldest_pending_age_seconds',
    help: 'how long the oldest due, unclaimed webhook delivery has waited for an attempt (0: none waiting); growing means a stall',
    registers: [registry],
    async collect() {
      const mine = reading ?? readQueue();
      reading = null;
      this.set((await mine).oldestDueSeconds);
    },
  });
}
