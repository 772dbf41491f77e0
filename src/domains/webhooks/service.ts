import type { Context } from '../../context.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import type { Prisma, WebhookDelivery, WebhookEndpoint } from '../../generated/prisma/client.ts';
import { accessAllows, lacks, organizationPlace, requireOrganization } from '../../authz/access.ts';
import { changedFields, recordAudit } from '../audit/record.ts';
import { requireApiAccess } from '../../authz/plans.ts';
import { newSigningSecret } from '../../lib/secret-box.ts';
import type { WebhookEventType } from './events.ts';

// Webhook endpoints: OWNER/ADMIN of a plan with API access. Every function runs in the caller's transaction and
// writes its audit event there. The signing secret leaves this module only in the create/rotate return value.

export const MAX_ENDPOINTS_PER_ORGANIZATION = 50;

export type EndpointInput = { url: string; description: string | null; events: WebhookEventType[] };
export type IssuedEndpoint = { webhookEndpoint: WebhookEndpoint; secret: string };

/** Without key material (JWKS, and neither KEY_TAG_SECRET nor WEBHOOK_SECRET_KEY) secrets cannot be stored: refused. */
function sealer(ctx: Context) {
  if (!ctx.webhookSecrets) throw ValidationError.field(['input'], 'webhooks are not configured on this server (WEBHOOK_SECRET_KEY)');
  return ctx.webhookSecrets;
}

function checkEvents(events: WebhookEventType[]): WebhookEventType[] {
  if (new Set(events).size !== events.length) throw ValidationError.field(['input', 'events'], 'must not contain duplicates');
  return events;
}

export async function createEndpoint(ctx: Context, tx: Prisma.TransactionClient, organizationId: string, input: EndpointInput): Promise<IssuedEndpoint> {
  const { organization } = await requireOrganization(ctx, organizationId, 'webhook:manage', tx);
  requireApiAccess(organization);
  const events = checkEvents(input.events);
  // The row lock serialises concurrent creations in the organization, so that two of them cannot both pass the count.
  await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${organizationId}::uuid FOR UPDATE`;
  if ((await tx.webhookEndpoint.count({ where: { organizationId } })) >= MAX_ENDPOINTS_PER_ORGANIZATION) {
    throw ValidationError.field(['input', 'organizationId'], `an organization can have at most ${MAX_ENDPOINTS_PER_ORGANIZATION} webhook endpoints`);
  }
  const secret = newSigningSecret();
  const webhookEndpoint = await tx.webhookEndpoint.create({
    data: { organizationId, url: input.url, description: input.description, events, secretCiphertext: sealer(ctx).seal(secret) },
  });
  await recordAudit(tx, ctx, {
    organizationId,
    action: 'webhook_endpoint.create',
    targetType: 'WebhookEndpoint',
    targetId: webhookEndpoint.id,
    changes: { url: webhookEndpoint.url, description: webhookEndpoint.description, events },
  });
  return { webhookEndpoint, secret };
}

/** Loads an endpoint for a change, locked: another organization's → not found; MEMBER → forbidden. */
async function lockEndpoint(ctx: Context, tx: Prisma.TransactionClient, id: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "WebhookEndpoint" WHERE id = ${id}::uuid FOR UPDATE`;
  if (!locked.length) throw new NotFoundError('WebhookEndpoint');
  const endpoint = await tx.webhookEndpoint.findUniqueOrThrow({ where: { id } });
  const access = await requireOrganization(ctx, endpoint.organizationId, undefined, tx).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError('WebhookEndpoint') : error;
  });
  if (!accessAllows(access, 'webhook:manage')) throw lacks(ctx, 'webhook:manage', organizationPlace(access));
  requireApiAccess(access.organization);
  return endpoint;
}

export type EndpointChanges = { url?: string; description?: string | null; events?: WebhookEventType[]; enabled?: boolean };

export async function updateEndpoint(ctx: Context, tx: Prisma.TransactionClient, id: string, input: EndpointChanges): Promise<WebhookEndpoint> {
  const endpoint = await lockEndpoint(ctx, tx, id);
  const simple = changedFields(endpoint, { url: input.url, description: input.description, enabled: input.enabled });
  const data: Prisma.WebhookEndpointUpdateInput = { ...simple.data };
  // Enabled again by a person, or pointed elsewhere: the run of failures (if any) starts over.
  if ((input.enabled === true && !endpoint.enabled) || 'url' in simple.data) Object.assign(data, { failingSince: null, lastFailedAt: null });
  if (input.enabled === true && !endpoint.enabled) Object.assign(data, { autoDisabledAt: null });
  const changes: Record<string, unknown> = { ...simple.changes };
  if (input.events) {
    const events = checkEvents(input.events);
    if ([...events].sort().join() !== [...endpoint.events].sort().join()) {
      data.events = events;
      changes.events = { from: endpoint.events, to: events };
    }
  }
  if (!Object.keys(changes).length) return endpoint;
  const updated = await tx.webhookEndpoint.update({ where: { id }, data });
  await recordAudit(tx, ctx, { organizationId: endpoint.organizationId, action: 'webhook_endpoint.update', targetType: 'WebhookEndpoint', targetId: id, changes });
  return updated;
}

export async function rotateEndpointSecret(ctx: Context, tx: Prisma.TransactionClient, id: string): Promise<IssuedEndpoint> {
  const endpoint = await lockEndpoint(ctx, tx, id);
  const secret = newSigningSecret();
  const webhookEndpoint = await tx.webhookEndpoint.update({ where: { id }, data: { secretCiphertext: sealer(ctx).seal(secret) } });
  await recordAudit(tx, ctx, { organizationId: endpoint.organizationId, action: 'webhook_endpoint.rotate_secret', targetType: 'WebhookEndpoint', targetId: id });
  return { webhookEndpoint, secret };
}

export async function deleteEndpoint(ctx: Context, tx: Prisma.TransactionClient, id: string): Promise<void> {
  const endpoint = await lockEndpoint(ctx, tx, id);
  await tx.webhookEndpoint.delete({ where: { id } });
  await recordAudit(tx, ctx, {
    organizationId: endpoint.organizationId,
    action: 'webhook_endpoint.delete',
    targetType: 'WebhookEndpoint',
    targetId: id,
    changes: { url: endpoint.url },
  });
}

/**
 * Sends one event to its endpoint again: a new delivery of the same event (same `webhook-id`, so a receiver that
 * already has it can drop it), attempted now with a fresh retry schedule. A delivery of that event to that endpoint
 * that is still pending is not duplicated: its next attempt is brought forward to now (or, if it is being attempted
 * right now, left to that attempt), and it is returned.
 */
export async function redeliverEvent(ctx: Context, tx: Prisma.TransactionClient, deliveryId: string): Promise<WebhookDelivery> {
  const source = await tx.webhookDelivery.findUnique({ where: { id: deliveryId } });
  if (!source) throw new NotFoundError('WebhookDelivery');
  const endpoint = await lockEndpoint(ctx, tx, source.endpointId).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError('WebhookDelivery') : error;
  });
  if (!endpoint.enabled) throw ValidationError.field(['input', 'deliveryId'], 'its endpoint is disabled: enable it first');
  const now = ctx.clock.now();
  const pending = await tx.webhookDelivery.findFirst({ where: { endpointId: source.endpointId, eventId: source.eventId, status: 'PENDING' } });
  // A pending delivery is brought forward (keeping its count of attempts), unless an instance is attempting it right
  // now: then it is returned as it is (taking it from under its lease would send it twice at once).
  const beingSent = pending?.leasedUntil && pending.leasedUntil > now;
  const delivery = pending
    ? beingSent
      ? pending
      : await tx.webhookDelivery.update({ where: { id: pending.id }, data: { nextAttemptAt: now } })
    : await tx.webhookDelivery.create({
        data: {
          organizationId: source.organizationId,
          endpointId: source.endpointId,
          eventId: source.eventId,
          eventType: source.eventType,
          payload: source.payload as Prisma.InputJsonValue,
          nextAttemptAt: now,
          createdAt: now,
        },
      });
  await recordAudit(tx, ctx, {
    organizationId: endpoint.organizationId,
    action: 'webhook_endpoint.redeliver',
    targetType: 'WebhookEndpoint',
    targetId: endpoint.id,
    changes: { eventId: source.eventId, eventType: source.eventType },
  });
  return delivery;
}
