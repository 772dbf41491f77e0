import type { WebhookDeliveryStatus, WebhookEventType } from '../gql/graphql.ts';

/**
 * Words for each webhook event type, as the create and edit dialogs offer them and the delivery log shows them. A
 * Record over the generated enum: a new event type fails the console's typecheck until it has its words.
 */
export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, { label: string; description: string; type: string }> = {
  API_KEY_CREATED: { label: 'Key created', description: 'An API key was created.', type: 'api_key.created' },
  API_KEY_UPDATED: { label: 'Key changed', description: 'Its name, note, owner, status, access or allowed addresses changed.', type: 'api_key.updated' },
  API_KEY_ROTATED: { label: 'Key rotated', description: 'A key was replaced by a new one.', type: 'api_key.rotated' },
  API_KEY_REVOKED: { label: 'Key revoked', description: 'A key was revoked and stopped working.', type: 'api_key.revoked' },
  API_KEY_DELETED: { label: 'Key deleted', description: 'A key was deleted.', type: 'api_key.deleted' },
  API_KEY_EXPIRING: { label: 'Key expiring soon', description: '30, 7 and 1 days before a key expires, and before a rotation grace period ends.', type: 'api_key.expiring' },
  API_KEY_EXPIRED: { label: 'Key expired', description: 'A key reached its expiry (or the end of its grace period).', type: 'api_key.expired' },
  API_KEY_LEAKED: { label: 'Key leaked', description: 'A secret scanner found a key in public; it was revoked or flagged.', type: 'api_key.leaked' },
  API_KEY_QUOTA_LOW: { label: 'Key quota low', description: 'A trigger took a key\'s credits to its low threshold or below.', type: 'api_key.quota_low' },
  API_KEY_QUOTA_EXHAUSTED: { label: 'Key quota used up', description: 'A trigger used a key\'s last credit: it starts nothing more until the refill.', type: 'api_key.quota_exhausted' },
  ORGANIZATION_MEMBER_ADDED: { label: 'Member added', description: 'Someone accepted an invitation and joined the organization.', type: 'organization.member_added' },
};

export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENT_LABELS) as WebhookEventType[];

export const DELIVERY_STATUS: Record<WebhookDeliveryStatus, { label: string; color: string }> = {
  SUCCEEDED: { label: 'Succeeded', color: 'green' },
  PENDING: { label: 'Pending', color: 'yellow' },
  FAILED: { label: 'Failed', color: 'red' },
};
