import { graphql } from '../gql/index.ts';

export const WebhookEndpointFields = graphql(`
  fragment ConsoleWebhookEndpoint on WebhookEndpoint {
    id
    url
    description
    events
    enabled
    failingSince
    disablesAt
    autoDisabledAt
    createdAt
    updatedAt
  }
`);

export const WebhookDeliveryFields = graphql(`
  fragment ConsoleWebhookDelivery on WebhookDelivery {
    id
    webhookId
    eventType
    status
    attempts
    responseStatus
    durationMs
    lastError
    lastAttemptAt
    nextAttemptAt
    createdAt
    payload
  }
`);

/** Who may see an organization's webhooks: asked first, so someone who may not never sends the query that is refused to them. */
export const WebhookOrganizationQuery = graphql(`
  query ConsoleWebhookOrganization($slug: String!) {
    organization(slug: $slug) {
      id
      name
      slug
      plan
      apiAccess
      viewerRole
      viewerCan {
        readWebhooks
        manageWebhooks
      }
    }
  }
`);

/** At most 50 endpoints per organization: one page holds them all. */
export const WebhookEndpointsQuery = graphql(`
  query ConsoleWebhookEndpoints($slug: String!) {
    organization(slug: $slug) {
      id
      webhookEndpoints(first: 50) {
        totalCount
        edges {
          node {
            ...ConsoleWebhookEndpoint
            recentDeliveries {
              id
              eventType
              status
              responseStatus
              createdAt
            }
          }
        }
      }
    }
  }
`);

export const WebhookEndpointQuery = graphql(`
  query ConsoleWebhookEndpointDetails($slug: String!, $id: ID!) {
    node(id: $id) {
      __typename
      ... on WebhookEndpoint {
        ...ConsoleWebhookEndpoint
        recentDeliveries {
          ...ConsoleWebhookDelivery
        }
      }
    }
    organization(slug: $slug) {
      id
      auditEvents(first: 20, filter: { targetId: $id }) {
        edges {
          node {
            id
            action
            actorLabel
            targetType
            targetId
            targetName
            changes
            createdAt
          }
        }
      }
    }
  }
`);

export const CreateWebhookEndpoint = graphql(`
  mutation ConsoleCreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      __typename
      ... on CreateWebhookEndpointPayload {
        secret
        webhookEndpoint {
          ...ConsoleWebhookEndpoint
        }
      }
      ...ConsoleMutationError
    }
  }
`);

export const UpdateWebhookEndpoint = graphql(`
  mutation ConsoleUpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(input: $input) {
      __typename
      ... on WebhookEndpointPayload {
        webhookEndpoint {
          ...ConsoleWebhookEndpoint
        }
      }
      ...ConsoleMutationError
    }
  }
`);

export const RotateWebhookEndpointSecret = graphql(`
  mutation ConsoleRotateWebhookEndpointSecret($input: RotateWebhookEndpointSecretInput!) {
    rotateWebhookEndpointSecret(input: $input) {
      __typename
      ... on RotateWebhookEndpointSecretPayload {
        secret
        webhookEndpoint {
          ...ConsoleWebhookEndpoint
        }
      }
      ...ConsoleMutationError
    }
  }
`);

export const DeleteWebhookEndpoint = graphql(`
  mutation ConsoleDeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {
    deleteWebhookEndpoint(input: $input) {
      __typename
      ... on DeleteWebhookEndpointPayload {
        deletedWebhookEndpointId
      }
      ...ConsoleMutationError
    }
  }
`);

export const RedeliverWebhookEvent = graphql(`
  mutation ConsoleRedeliverWebhookEvent($input: RedeliverWebhookEventInput!) {
    redeliverWebhookEvent(input: $input) {
      __typename
      ... on RedeliverWebhookEventPayload {
        delivery {
          ...ConsoleWebhookDelivery
        }
      }
      ...ConsoleMutationError
    }
  }
`);

/** Mutations that remove or add endpoints refetch the lists that show them (an empty list has no typename to match). */
export const WEBHOOK_CONTEXT = { additionalTypenames: ['WebhookEndpoint', 'WebhookDelivery'] };
