import type { Context } from '../../context.ts';
import type { ApiKey, Prisma } from '../../generated/prisma/client.ts';
import { toGlobalId } from '../../graphql/ids.ts';
import { visiblePrefix } from '../../lib/key-format.ts';
import { enqueueEvents, eventActor, type EventActor, type WebhookEventType } from '../webhooks/events.ts';

// The `api_key.*` events: what their payload says about a key. The webhooks domain only stores and delivers them.

/** The `api_key.*` event types. */
export type KeyEventType = Extract<WebhookEventType, `api_key.${string}`>;

export type ExpiryWarning = 'P30D' | 'P7D' | 'P1D' | 'PT1H';

/**
 * The JSON body of every event (README, "Webhooks"). Ids are global ids, as in the API; never a secret or a hash.
 */
export type WebhookEventPayload = {
  type: KeyEventType;
  timestamp: string;
  data: {
    id: string;
    prefix: string;
    name: string;
    organizationId: string;
    projectId: string | null;
    actor: EventActor;
    successorId?: string;
    /** `api_key.expiring` / `api_key.expired`: when the key stops (stopped) working. */
    expiresAt?: string;
    /**
     * `api_key.expiring` / `api_key.expired`: why it stops (its own expiry, or the end of a rotation grace period) and,
     * for a warning, how long before (ISO 8601 duration: P30D, P7D, P1D; PT1H before a grace period ends).
     */
    expiry?: { reason: 'EXPIRY' | 'GRACE_END'; warning: ExpiryWarning | null };
    /** `api_key.leaked`: where the secret was found, and what was done. */
    leak?: { url: string | null; source: string | null; action: 'REVOKED' | 'FLAGGED' };
    /** `api_key.quota_low` / `api_key.quota_exhausted`: the credits left after the trigger, and the next refill. */
    quota?: { remaining: number; lowThreshold: number | null; refillsAt: string | null };
  };
};

type KeyFacts = Pick<ApiKey, 'id' | 'publicId' | 'name' | 'organizationId' | 'projectId'>;

/** Queues `type` for each key, inside the caller's transaction (the outbox: see enqueueEvents). */
export async function recordKeyEvent(
  tx: Prisma.TransactionClient,
  ctx: Pick<Context, 'principal' | 'clock'>,
  type: KeyEventType,
  keys: KeyFacts | KeyFacts[],
  extra: {
    successorId?: string;
    expiresAt?: string;
    expiry?: WebhookEventPayload['data']['expiry'];
    leak?: NonNullable<WebhookEventPayload['data']['leak']>;
    quota?: NonNullable<WebhookEventPayload['data']['quota']>;
  } = {},
): Promise<void> {
  const list = Array.isArray(keys) ? keys : [keys];
  if (!list.length) return;
  const now = ctx.clock.now();
  const actor = eventActor(ctx);
  const events = list.map((key) => {
    const payload: WebhookEventPayload = {
      type,
      timestamp: now.toISOString(),
      data: {
        id: toGlobalId('ApiKey', key.id),
        prefix: visiblePrefix(key.publicId),
        name: key.name,
        organizationId: toGlobalId('Organization', key.organizationId),
        projectId: key.projectId ? toGlobalId('Project', key.projectId) : null,
        actor,
        ...(extra.successorId ? { successorId: toGlobalId('ApiKey', extra.successorId) } : {}),
        ...(extra.expiresAt ? { expiresAt: extra.expiresAt } : {}),
        ...(extra.expiry ? { expiry: extra.expiry } : {}),
        ...(extra.leak ? { leak: extra.leak } : {}),
        ...(extra.quota ? { quota: extra.quota } : {}),
      },
    };
    return { organizationId: key.organizationId, payload };
  });
  await enqueueEvents(tx, now, type, events);
}
