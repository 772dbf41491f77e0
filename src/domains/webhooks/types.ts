import { builder } from '../../graphql/builder.ts';
import { listBound } from '../../graphql/query-cost.ts';
import { OrganizationRef } from '../organizations/types.ts';
import { readableOrganizations, readsIn, readPermission } from '../../authz/read-rules.ts';
import { autoDisablesAt } from './delivery.ts';
import { WEBHOOK_EVENTS, type WebhookEventType, webhookIdOf } from './events.ts';

export const WebhookEventTypeEnum = builder.enumType('WebhookEventType', {
  description: 'A key event a webhook endpoint can subscribe to (sent as `type`, e.g. `api_key.created`).',
  values: WEBHOOK_EVENTS,
});

const WebhookDeliveryStatusEnum = builder.enumType('WebhookDeliveryStatus', {
  description: 'Where a delivery stands.',
  values: {
    PENDING: { description: 'Not yet delivered; attempted at `nextAttemptAt`.' },
    SUCCEEDED: { description: 'The endpoint answered 2xx.' },
    FAILED: { description: 'Every attempt of the retry schedule failed (or the address was refused); no more attempts.' },
  },
});

export const RECENT_DELIVERIES = 20;

export const WebhookDeliveryRef = builder.prismaNode('WebhookDelivery', {
  extensions: { requiresPermission: readPermission('WebhookDelivery') },
  description: 'One event sent (or to be sent) to one endpoint, and how its attempts went. OWNER and ADMIN only.',
  nullable: true,
  id: { field: 'id' },
  // Select mode: the payload (an event body) and lastError are loaded only when selected (see WorkflowExecution).
  select: { id: true, organizationId: true },
  authScopes: (delivery, ctx) => readsIn(ctx, 'WebhookDelivery', delivery.organizationId),
  findUnique: (id, ctx) => ({ id, endpoint: { organization: readableOrganizations(ctx, 'WebhookDelivery') } }),
  fields: (t) => ({
    webhookId: t.string({
      description: 'The `webhook-id` header: the same on every attempt and redelivery of one event, so receivers can drop duplicates.',
      select: { eventId: true },
      resolve: (d) => webhookIdOf(d.eventId),
    }),
    payload: t.field({ type: 'JSON', description: 'The event body as sent (README, "Webhooks"). Never a secret.', select: { payload: true }, resolve: (d) => d.payload }),
    eventType: t.field({ type: WebhookEventTypeEnum, select: { eventType: true }, resolve: (d) => d.eventType as WebhookEventType }),
    status: t.expose('status', { type: WebhookDeliveryStatusEnum }),
    attempts: t.exposeInt('attempts', { description: 'Attempts made so far.' }),
    responseStatus: t.exposeInt('responseStatus', { nullable: true, description: 'HTTP status of the last attempt (null: no answer).' }),
    durationMs: t.exposeInt('durationMs', { nullable: true, description: 'Duration of the last attempt.' }),
    lastError: t.exposeString('lastError', { nullable: true, description: 'Why the last attempt failed, when it got no HTTP answer.' }),
    lastAttemptAt: t.expose('lastAttemptAt', { type: 'DateTime', nullable: true }),
    nextAttemptAt: t.expose('nextAttemptAt', { type: 'DateTime', nullable: true, description: 'The next retry; null once delivered or given up.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const WebhookEndpointRef = builder.prismaNode('WebhookEndpoint', {
  extensions: { requiresPermission: readPermission('WebhookEndpoint') },
  description: 'Where the organization\'s key events are POSTed, signed (Standard Webhooks). OWNER and ADMIN only. The signing secret is never shown again after create/rotate.',
  nullable: true,
  id: { field: 'id' },
  authScopes: (endpoint, ctx) => readsIn(ctx, 'WebhookEndpoint', endpoint.organizationId),
  findUnique: (id, ctx) => ({ id, organization: readableOrganizations(ctx, 'WebhookEndpoint') }),
  fields: (t) => ({
    url: t.exposeString('url'),
    description: t.exposeString('description', { nullable: true }),
    events: t.field({ type: [WebhookEventTypeEnum], resolve: (e) => e.events as WebhookEventType[] }),
    enabled: t.exposeBoolean('enabled', { description: 'Disabled endpoints receive no new events.' }),
    failingSince: t.expose('failingSince', {
      type: 'DateTime',
      nullable: true,
      description: 'Start of the current run of failed attempts; null once one succeeds. After 5 days of failures the endpoint is disabled.',
    }),
    disablesAt: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'When the platform disables this failing endpoint unless a delivery succeeds before (5 days after `failingSince`; the first failed attempt from then on disables it); null when it is not failing or is disabled.',
      resolve: (endpoint) => autoDisablesAt(endpoint),
    }),
    autoDisabledAt: t.expose('autoDisabledAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the platform disabled the endpoint after 5 days of failed deliveries (audited); null once it is enabled again.',
    }),
    recentDeliveries: t.relation('deliveries', {
      description: `The latest ${RECENT_DELIVERIES} deliveries, newest first.`,
      extensions: listBound(RECENT_DELIVERIES),
      query: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: RECENT_DELIVERIES },
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectFields(OrganizationRef, (t) => ({
  webhookEndpoints: t.prismaConnection({
    type: WebhookEndpointRef,
    cursor: 'id',
    nullable: true,
    description: 'Webhook endpoints, oldest first. OWNER and ADMIN only (null with FORBIDDEN for others).',
    authScopes: (org, _args, ctx) => readsIn(ctx, 'WebhookEndpoint', org.id),
    resolve: (query, org, _args, ctx) =>
      ctx.prisma.webhookEndpoint.findMany({ ...query, where: { organizationId: org.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    totalCount: (org, _args, ctx) => ctx.prisma.webhookEndpoint.count({ where: { organizationId: org.id } }),
  }),
}));
