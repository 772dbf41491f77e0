import { randomUUID } from 'node:crypto';
import type { Context } from '../../context.ts';
import type { ApiKey, Prisma } from '../../generated/prisma/client.ts';
import { toGlobalId } from '../../graphql/ids.ts';
import { visiblePrefix } from '../api-keys/key-format.ts';

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
  ORGANIZATION_MEMBER_ADDED: {
    value: 'organization.member_added',
    description: 'Someone accepted an invitation and became a member (`data.id` is the member, `data.role` their role).',
  },
} as const;

export type WebhookEventType = (typeof WEBHOOK_EVENTS)[keyof typeof WEBHOOK_EVENTS]['value'];
type KeyEventType = Exclude<WebhookEventType, `organization.${string}`>;

export type ExpiryWarning = 'P30D' | 'P7D' | 'P1D' | 'PT1H';

/**
 * The JSON body of every event (README, "Webhooks"). Ids are global ids, as in the API; never a secret or a hash.
 */
export type WebhookEventPayload = KeyEventPayload | MemberEventPayload;

type Actor = { id: string | null; label: string };

/** `organization.member_*` events: the membership, its user and role; the email is the one the invitation named. */
export type MemberEventPayload = {
  type: Exclude<WebhookEventType, KeyEventType>;
  timestamp: string;
  data: { id: string; organizationId: string; userId: string; email: string; role: string; actor: Actor };
};

export type KeyEventPayload = {
  type: KeyEventType;
  timestamp: string;
  data: {
    id: string;
    prefix: string;
    name: string;
    organizationId: string;
    projectId: string | null;
    actor: Actor;
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
  };
};

function actorOf(ctx: Pick<Context, 'principal'>): Actor {
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

type KeyFacts = Pick<ApiKey, 'id' | 'publicId' | 'name' | 'organizationId' | 'projectId'>;

/**
 * The transactional outbox: writes one pending delivery per enabled endpoint of the key's organization subscribed to
 * `type`, inside the caller's transaction (next to its audit event), so a rolled-back change leaves no event and a
 * committed one always has its deliveries, whatever happens to the process afterwards.
 */
export async function recordKeyEvent(
  tx: Prisma.TransactionClient,
  ctx: Pick<Context, 'principal' | 'clock'>,
  type: KeyEventType,
  keys: KeyFacts | KeyFacts[],
  extra: { successorId?: string; expiresAt?: string; expiry?: KeyEventPayload['data']['expiry']; leak?: NonNullable<KeyEventPayload['data']['leak']> } = {},
): Promise<void> {
  const list = Array.isArray(keys) ? keys : [keys];
  if (!list.length) return;
  const now = ctx.clock.now();
  const actor = actorOf(ctx);
  const payloads = list.map((key): KeyEventPayload => ({
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
    },
  }));
  await insertDeliveries(tx, now, type, list.map((k) => k.organizationId), payloads);
}

/** The outbox for a membership event, like `recordKeyEvent` (inside the caller's transaction). */
export async function recordMemberEvent(
  tx: Prisma.TransactionClient,
  ctx: Pick<Context, 'principal' | 'clock'>,
  type: MemberEventPayload['type'],
  member: { id: string; organizationId: string; userId: string; role: string },
  email: string,
): Promise<void> {
  const now = ctx.clock.now();
  const payload: MemberEventPayload = {
    type,
    timestamp: now.toISOString(),
    data: {
      id: toGlobalId('Member', member.id),
      organizationId: toGlobalId('Organization', member.organizationId),
      userId: toGlobalId('User', member.userId),
      email,
      role: member.role,
      actor: actorOf(ctx),
    },
  };
  await insertDeliveries(tx, now, type, [member.organizationId], [payload]);
}

async function insertDeliveries(
  tx: Prisma.TransactionClient,
  now: Date,
  type: WebhookEventType,
  organizationIds: string[],
  payloads: WebhookEventPayload[],
): Promise<void> {
  // One statement whether or not there are endpoints: a mutation in an organization with webhooks costs one round
  // trip more than before webhooks existed (the lookup), not two.
  await tx.$executeRaw`
    INSERT INTO "WebhookDelivery" (id, "organizationId", "endpointId", "eventId", "eventType", payload, "nextAttemptAt", "createdAt")
    SELECT gen_random_uuid(), e."organizationId", e.id, k.event_id, ${type}, k.payload, ${now}::timestamptz, ${now}::timestamptz
    FROM unnest(
      ${organizationIds}::uuid[],
      ${organizationIds.map(() => randomUUID())}::uuid[],
      ${payloads.map((p) => JSON.stringify(p))}::jsonb[]
    ) AS k(organization_id, event_id, payload)
    JOIN "WebhookEndpoint" e ON e."organizationId" = k.organization_id AND e.enabled AND ${type} = ANY (e.events)`;
}
