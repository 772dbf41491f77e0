import { z } from 'zod';
import { builder } from '../../graphql/builder.ts';
import { changeErrors } from '../../graphql/error-types.ts';
import { UpgradeRequiredError } from '../../errors.ts';
import { parseGlobalId, toGlobalId } from '../../graphql/ids.ts';
import { optionalText, rejectNulls } from '../../graphql/inputs.ts';
import { WEBHOOK_EVENTS, type WebhookEventType } from './events.ts';
import { createEndpoint, deleteEndpoint, redeliverEvent, rotateEndpointSecret, updateEndpoint } from './service.ts';
import { WebhookDeliveryRef, WebhookEndpointRef, WebhookEventTypeEnum } from './types.ts';
import { checkWebhookUrl, MAX_URL_LENGTH } from '../../lib/url-policy.ts';

const MAX_DESCRIPTION = 500;
const eventsValidation = z.array(z.unknown()).min(1, 'must list at least one event').max(Object.keys(WEBHOOK_EVENTS).length, 'lists too many events');
const urlDescription = `https URL (at most ${MAX_URL_LENGTH} characters) that receives the events; loopback, private and link-local addresses are refused.`;

const CreateWebhookEndpointInput = builder.inputType('CreateWebhookEndpointInput', {
  fields: (t) => ({
    organizationId: t.id({ required: true }),
    url: t.string({ required: true, description: urlDescription }),
    description: t.string({ validate: optionalText(MAX_DESCRIPTION) }),
    events: t.field({ type: [WebhookEventTypeEnum], required: true, validate: eventsValidation }),
  }),
});

const UpdateWebhookEndpointInput = builder.inputType('UpdateWebhookEndpointInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    url: t.string({ description: urlDescription }),
    description: t.string({ validate: optionalText(MAX_DESCRIPTION), description: 'Null or empty clears it.' }),
    events: t.field({ type: [WebhookEventTypeEnum], validate: eventsValidation.nullish() }),
    enabled: t.boolean({ description: 'False stops new events for this endpoint; pending deliveries still go out.' }),
  }),
});

const WebhookEndpointIdInput = (name: string) => builder.inputType(name, { fields: (t) => ({ id: t.id({ required: true }) }) });
const DeleteWebhookEndpointInput = WebhookEndpointIdInput('DeleteWebhookEndpointInput');
const RotateWebhookEndpointSecretInput = WebhookEndpointIdInput('RotateWebhookEndpointSecretInput');

const CreateWebhookEndpointPayload = builder.simpleObject('CreateWebhookEndpointPayload', {
  fields: (t) => ({
    webhookEndpoint: t.field({ type: WebhookEndpointRef }),
    secret: t.string({ description: 'The signing secret (`whsec_...`). Shown only here, once: store it now.' }),
  }),
});
const WebhookEndpointPayload = builder.simpleObject('WebhookEndpointPayload', { fields: (t) => ({ webhookEndpoint: t.field({ type: WebhookEndpointRef }) }) });
const RotateWebhookEndpointSecretPayload = builder.simpleObject('RotateWebhookEndpointSecretPayload', {
  fields: (t) => ({
    webhookEndpoint: t.field({ type: WebhookEndpointRef }),
    secret: t.string({ description: 'The new signing secret, in use from now on. Shown only here, once.' }),
  }),
});
const RedeliverWebhookEventInput = builder.inputType('RedeliverWebhookEventInput', {
  fields: (t) => ({ deliveryId: t.id({ required: true, description: 'Any delivery of the event to the endpoint (from `recentDeliveries`).' }) }),
});
const RedeliverWebhookEventPayload = builder.simpleObject('RedeliverWebhookEventPayload', {
  fields: (t) => ({ delivery: t.field({ type: WebhookDeliveryRef, description: 'The delivery that will send it (PENDING, due now).' }) }),
});
const DeleteWebhookEndpointPayload = builder.simpleObject('DeleteWebhookEndpointPayload', { fields: (t) => ({ deletedWebhookEndpointId: t.id() }) });

const webhookErrors = { types: [...changeErrors, UpgradeRequiredError] };

builder.mutationField('createWebhookEndpoint', (t) =>
  t.field({
    authScopes: { changePermission: 'webhook:manage' },
    type: CreateWebhookEndpointPayload,
    description: 'Adds an endpoint that receives the chosen key events, signed with a new secret returned once. OWNER and ADMIN.',
    errors: webhookErrors,
    args: { input: t.arg({ type: CreateWebhookEndpointInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const organizationId = parseGlobalId(String(input.organizationId), 'Organization', ['input', 'organizationId']);
      const url = checkWebhookUrl(input.url, ctx.webhookUrlPolicy, ['input', 'url']);
      const endpointInput = { url, description: input.description || null, events: input.events as WebhookEventType[] };
      return ctx.prisma.$transaction((tx) => createEndpoint(ctx, tx, organizationId, endpointInput));
    },
  }),
);

builder.mutationField('updateWebhookEndpoint', (t) =>
  t.field({
    authScopes: { changePermission: 'webhook:manage' },
    type: WebhookEndpointPayload,
    description: "Changes an endpoint's URL, description, events or enabled flag. OWNER and ADMIN.",
    errors: webhookErrors,
    args: { input: t.arg({ type: UpdateWebhookEndpointInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = parseGlobalId(String(input.id), 'WebhookEndpoint', ['input', 'id']);
      rejectNulls(input, ['url', 'events', 'enabled']);
      const changes = {
        url: input.url === undefined ? undefined : checkWebhookUrl(input.url, ctx.webhookUrlPolicy, ['input', 'url']),
        description: input.description === undefined ? undefined : input.description || null,
        events: input.events as WebhookEventType[] | undefined,
        enabled: input.enabled,
      };
      return { webhookEndpoint: await ctx.prisma.$transaction((tx) => updateEndpoint(ctx, tx, id, changes)) };
    },
  }),
);

builder.mutationField('rotateWebhookEndpointSecret', (t) =>
  t.field({
    authScopes: { changePermission: 'webhook:manage' },
    type: RotateWebhookEndpointSecretPayload,
    description: 'Replaces the signing secret; deliveries from now on are signed with the new one. OWNER and ADMIN.',
    errors: webhookErrors,
    args: { input: t.arg({ type: RotateWebhookEndpointSecretInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = parseGlobalId(String(input.id), 'WebhookEndpoint', ['input', 'id']);
      return ctx.prisma.$transaction((tx) => rotateEndpointSecret(ctx, tx, id));
    },
  }),
);

builder.mutationField('deleteWebhookEndpoint', (t) =>
  t.field({
    authScopes: { changePermission: 'webhook:manage' },
    type: DeleteWebhookEndpointPayload,
    description: 'Deletes an endpoint and its pending deliveries. OWNER and ADMIN.',
    errors: webhookErrors,
    args: { input: t.arg({ type: DeleteWebhookEndpointInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = parseGlobalId(String(input.id), 'WebhookEndpoint', ['input', 'id']);
      await ctx.prisma.$transaction((tx) => deleteEndpoint(ctx, tx, id));
      return { deletedWebhookEndpointId: toGlobalId('WebhookEndpoint', id) };
    },
  }),
);

builder.mutationField('redeliverWebhookEvent', (t) =>
  t.field({
    authScopes: { changePermission: 'webhook:manage' },
    type: RedeliverWebhookEventPayload,
    description:
      'Sends an event to its endpoint again, now, with the same `webhook-id` and a fresh retry schedule. A delivery of it still pending is brought forward instead (keeping its attempts), or left alone while it is being attempted. The endpoint must be enabled. OWNER and ADMIN.',
    errors: webhookErrors,
    args: { input: t.arg({ type: RedeliverWebhookEventInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const deliveryId = parseGlobalId(String(input.deliveryId), 'WebhookDelivery', ['input', 'deliveryId']);
      return { delivery: await ctx.prisma.$transaction((tx) => redeliverEvent(ctx, tx, deliveryId)) };
    },
  }),
);
