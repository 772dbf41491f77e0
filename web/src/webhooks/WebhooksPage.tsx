import { useState } from 'react';
import { Alert, Badge, Button, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { formatDate } from '../lib/format.ts';
import { Link } from '../lib/router.tsx';
import { RequestErrorAlert } from '../ui/errors.tsx';
import { WEBHOOK_CONTEXT, WebhookEndpointsQuery } from './documents.ts';
import { EndpointDialog } from './EndpointDialog.tsx';
import { EventList } from './EventList.tsx';
import { DELIVERY_STATUS, WEBHOOK_EVENT_LABELS } from './events.ts';
import { EnabledBadge, HealthSummary } from './health.tsx';
import { useEndpointActions } from './useEndpointActions.tsx';
import { WebhookScreen, type WebhookOrg } from './WebhookScreen.tsx';
import { PLAN_WORDS } from '../ui/words.ts';

export function WebhooksPage({ slug }: { slug: string }) {
  return <WebhookScreen slug={slug}>{(org) => <EndpointList org={org} />}</WebhookScreen>;
}

function EndpointList({ org }: { org: WebhookOrg }) {
  const [{ data, error, fetching }, refetch] = useQuery({ query: WebhookEndpointsQuery, variables: { slug: org.slug }, context: WEBHOOK_CONTEXT });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [adding, setAdding] = useState(false);
  const actions = useEndpointActions({ onChanged: reload });
  if (error) return <RequestErrorAlert error={error} onRetry={reload} />;
  const connection = data?.organization?.webhookEndpoints;
  const endpoints = connection?.edges.map((e) => e.node) ?? [];
  const detailsOf = (id: string) => `/orgs/${org.slug}/webhooks/${encodeURIComponent(id)}`;
  const manage = org.viewerCan.manageWebhooks && org.apiAccess;

  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Text size="sm" c="dimmed">
            <Link to={`/orgs/${org.slug}`}>{org.name}</Link>
          </Text>
          <Title order={1}>Webhooks</Title>
        </div>
        <Group>
          <Button variant="default" onClick={reload} loading={fetching && !!data}>
            Refresh
          </Button>
          {manage ? <Button onClick={() => setAdding(true)}>Add endpoint</Button> : null}
        </Group>
      </Group>
      <Text size="sm" maw={820}>
        Keysmith POSTs a JSON event to each enabled endpoint when something happens to one of {org.name}’s API keys. Every delivery is
        signed with the endpoint’s secret (Standard Webhooks: <Code>webhook-id</Code>, <Code>webhook-timestamp</Code>,{' '}
        <Code>webhook-signature</Code>) and retried with back-off for about two days until the endpoint answers 2xx.
      </Text>
      {!org.apiAccess ? (
        <Alert color="yellow" title="Upgrade required" role="status">
          The {PLAN_WORDS[org.plan]} plan has no API access: webhook endpoints cannot be added or changed. Ask an operator to move {org.name} to the Team or Enterprise plan.
        </Alert>
      ) : null}
      {actions.failureAlert}
      <HealthSummary endpoints={endpoints} detailsOf={detailsOf} />
      {!data && fetching ? (
        <Text>Loading…</Text>
      ) : (
        <Table.ScrollContainer minWidth={1000}>
          <Table striped aria-label="Webhook endpoints" verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Endpoint</Table.Th>
                <Table.Th>Events</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>Last delivery</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {endpoints.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text c="dimmed">No webhook endpoints yet.{org.apiAccess ? ' Add one to receive key events.' : ''}</Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
              {endpoints.map((endpoint) => {
                const last = endpoint.recentDeliveries[0];
                return (
                  <Table.Tr key={endpoint.id} data-testid="endpoint-row">
                    <Table.Td maw={360} style={{ overflowWrap: 'anywhere' }}>
                      <Link to={detailsOf(endpoint.id)}>{endpoint.url}</Link>
                      {endpoint.description ? (
                        <Text size="sm" c="dimmed">
                          {endpoint.description}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td maw={320}>
                      <EventList events={endpoint.events} />
                    </Table.Td>
                    <Table.Td>
                      <EnabledBadge endpoint={endpoint} />
                    </Table.Td>
                    <Table.Td>
                      {last ? (
                        <Stack gap={2}>
                          <Group gap={6}>
                            <Badge color={DELIVERY_STATUS[last.status].color} variant="light">
                              {DELIVERY_STATUS[last.status].label}
                            </Badge>
                            {last.responseStatus !== null ? <Text size="xs">HTTP {last.responseStatus}</Text> : null}
                          </Group>
                          <Text size="xs" c="dimmed">
                            {WEBHOOK_EVENT_LABELS[last.eventType].label}, {formatDate(last.createdAt)}
                          </Text>
                        </Stack>
                      ) : (
                        <Text size="sm" c="dimmed">
                          None yet
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {manage ? (
                        <Group gap={4} w={250}>
                          <Button size="compact-xs" variant="default" onClick={() => actions.open({ kind: 'edit', endpoint })}>
                            Edit
                          </Button>
                          <Button size="compact-xs" variant="default" onClick={() => actions.toggle(endpoint)}>
                            {endpoint.enabled ? 'Disable' : 'Enable'}
                          </Button>
                          <Button size="compact-xs" variant="default" onClick={() => actions.open({ kind: 'rotate', endpoint })}>
                            Rotate secret
                          </Button>
                          <Button size="compact-xs" variant="filled" color="red" onClick={() => actions.open({ kind: 'delete', endpoint })}>
                            Delete
                          </Button>
                        </Group>
                      ) : (
                        <Link to={detailsOf(endpoint.id)}>Deliveries</Link>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {connection ? (
        <Text size="sm" c="dimmed">
          {connection.totalCount} of at most 50 endpoints
        </Text>
      ) : null}
      {adding ? (
        <EndpointDialog
          organizationId={org.id}
          onClose={() => setAdding(false)}
          onCreated={(secret) => {
            setAdding(false);
            actions.showSecret(secret, 'The signing secret of your new endpoint');
            reload();
          }}
        />
      ) : null}
      {actions.dialogs}
    </Stack>
  );
}
