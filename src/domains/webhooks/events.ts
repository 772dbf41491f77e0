import { randomUUID } from 'node:crypto';
import type { Context } from '../../context.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { toGlobalId } from '../../graphql/ids.ts';

/** The events endpoints can subscribe to: GraphQL enum value → stored/sent type. */
export const WEBHOOK_EVENTS = {
  API_KEY_CREATED: { value: 'api_key.created', description: 'An API key was created.' },
  API_KEY_UPDATED: { value: 'api_key.updated', description: "An API key's name, note, owner, status, access or IP allowlist changed." },
  API_KEY_ROTATED: { value: 'api_key.rotated', description: 'An API key was rotated; `data.successorId` is the new key.' },
  API_KEY_REVOKED: { value: 'api_key.revoked', description: 'An API key was revoked.' },
  API_KEY_DELETED: { value: 'api_key.deleted', description: 'An API key was deleted.' },
  API_KEY_EXPIRING: {
    value: 'api_key.expiring',
    description: 'An API key stops working soon: 30, 7 and 1 days before `expiresAt`, and before the end of a rotation grace period longer than 1 hour. Each warning is sent once. `data.expiresAt` is when, `data.expiry` says which warning.',
  },
  API_KEY_EXPIRED: { value: 'api_key.expired', description: 'An API key reached its `expiresAt` (or the end of its rotation grace period) and no longer authenticates.' },
  API_KEY_LEAKED: {
    value: 'api_key.leaked',
    description: 'A secret scanner reported the key found in public (`data.leak.url`); it was revoked or only flagged, per the organization setting (`data.leak.action`).',
  },
  API_KEY_QUOTA_LOW: {
    value: 'api_key.quota_low',
    description: "A trigger took the key's quota credits to its `lowThreshold` or below (once per fall; again after a refill). `data.quota` has the credits left.",
  },
  API_KEY_QUOTA_EXHAUSTED: {
    value: 'api_key.quota_exhausted',
    description: "A trigger used the key's last quota credit: it starts nothing more until the refill (`data.quota.refillsAt`). Once per emptying.",
  },
  ORGANIZATION_MEMBER_ADDED: {
    value: 'organization.member_added',
    description: 'Someone accepted an invitation and became a member (`data.id` is the member, `data.role` their role).',
  },
} as const;

export type WebhookEventType = (typeof WEBHOOK_EVENTS)[keyof typeof WEBHOOK_EVENTS]['value'];

/** Who caused an event, as every payload names them (`data.actor`). */
export type EventActor = { id: string | null; label: string };

export function eventActor(ctx: Pick<Context, 'principal'>): EventActor {
  const p = ctx.principal;
  if (p?.kind === 'user') return { id: toGlobalId('User', p.user.id), label: p.user.email ?? p.user.subject };
  if (p?.kind === 'apiKey') return { id: toGlobalId('ApiKey', p.key.id), label: `api-key:${p.key.publicId}` };
  if (p?.kind === 'system') return { id: null, label: p.label };
  return { id: null, label: 'system' };
}

/** The `webhook-id` of an event: the same on every attempt and every redelivery of it, so receivers can de-duplicate. */
export function webhookIdOf(eventId: string): string {
  return `msg_${eventId.replaceAll('-', '')}`;
}

/**
 * The transactional outbox: writes one pending delivery per enabled endpoint of each event's organization subscribed
 * to `type`, inside the caller's transaction (next to its audit event), so a rolled-back change leaves no event and a
 * committed one always has its deliveries, whatever happens to the process afterwards. Payloads are the JSON bodies
 * receivers get (README, "Webhooks"): global ids, never a secret or a hash.
 */
export async function enqueueEvents(
  tx: Prisma.TransactionClient,
  now: Date,
  type: WebhookEventType,
  events: { organizationId: string; payload: unknown }[],
): Promise<void> {
  if (!events.length) return;
  // One statement whether or not there are endpoints: a mutation in an organization with webhooks costs one round
  // trip more than before webhooks existed (the lookup), not two.
  await tx.$executeRaw`
    INSERT INTO "WebhookDelivery" (id, "organizationId", "endpointId", "eventId", "eventType", payload, "nextAttemptAt", "createdAt")
    SELECT gen_random_uuid(), e."organizationId", e.id, k.event_id, ${type}, k.payload, ${now}::timestamptz, ${now}::timestamptz
    FROM unnest(
      ${events.map((e) => e.organizationId)}::uuid[],
      ${events.map(() => randomUUID())}::uuid[],
      ${events.map((e) => JSON.stringify(e.payload))}::jsonb[]
    ) AS k(organization_id, event_id, payload)
    JOIN "WebhookEndpoint" e ON e."organizationId" = k.organization_id AND e.enabled AND ${type} = ANY (e.events)`;
}
