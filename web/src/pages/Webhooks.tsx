import { useState, type ReactNode } from 'react';
import { Alert, Badge, Button, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import type { ConsoleWebhookEndpointFragment, ConsoleWebhookOrganizationQuery } from '../gql/graphql.ts';
import { RequestErrorAlert, formatDate } from '../errors.tsx';
import { Link } from '../router.tsx';
import { DELIVERY_STATUS, WEBHOOK_EVENT_LABELS } from '../webhook-events.ts';
import { EndpointDialog, WEBHOOK_CONTEXT, useEndpointActions } from './WebhookDialogs.tsx';
import { WebhookEndpointsQuery, WebhookOrganizationQuery } from './webhookDocuments.ts';

export type WebhookOrg = NonNullable<ConsoleWebhookOrganizationQuery['organization']>;

/**
 * The organization around a webhooks screen, and who may see it: webhooks are for owners and admins, so anyone else
 * gets words saying so (never the refused query's error).
 */
export function WebhookScreen({ slug, title, children }: { slug: string; title?: string; children: (org: WebhookOrg) => ReactNode }) {
  const [{ data, error, fetching }, refetch] = useQuery({ query: WebhookOrganizationQuery, variables: { slug } });
  if (error) return <RequestErrorAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  const org = data?.organization;
  if (!org) return fetching ? <Text>Loading…</Text> : <Alert color="yellow" title="Organization not found">There is no organization “{slug}” for you. <Link to="/">Back to your organizations</Link></Alert>;
  if (org.viewerRole !== 'OWNER' && org.viewerRole !== 'ADMIN') {
    return (
      <Stack>
        <Text size="sm" c="dimmed">
          <Link to={`/orgs/${org.slug}`}>{org.name}</Link>
        </Text>
        <Title order={1}>{title ?? 'Webhooks'}</Title>
        <Alert color="blue" title="Only owners and admins can see webhooks" role="status">
          Webhook endpoints and their deliveries are visible to the owners and admins of {org.name} only
          {org.viewerRole ? `; your role is ${org.viewerRole}. Ask an owner or admin if you need a change here.` : '.'}
        </Alert>
      </Stack>
    );
  }
  return <>{children(org)}</>;
}

export function WebhooksPage({ slug }: { slug: string }) {
  return <WebhookScreen slug={slug}>{(org) => <EndpointList org={org} />}</WebhookScreen>;
}

export function EventList({ events }: { events: (keyof typeof WEBHOOK_EVENT_LABELS)[] }) {
  return (
    <Group gap={4}>
      {events.map((e) => (
        <Badge key={e} variant="outline" color="gray" tt="none" fw={500}>
          {WEBHOOK_EVENT_LABELS[e].label}
        </Badge>
      ))}
    </Group>
  );
}

/** After this long with every attempt failing, the server disables an endpoint (`autoDisabledAt`). */
const FAILING_LIMIT_MS = 5 * 86_400_000;

type Health = Pick<ConsoleWebhookEndpointFragment, 'enabled' | 'failingSince' | 'autoDisabledAt'>;

export function EnabledBadge({ endpoint }: { endpoint: Health }) {
  if (endpoint.autoDisabledAt) {
    return (
      <Badge color="red" variant="filled">
        Disabled automatically
      </Badge>
    );
  }
  return (
    <Stack gap={4} align="flex-start">
      <Badge color={endpoint.enabled ? 'green' : 'gray'} variant="light">
        {endpoint.enabled ? 'Enabled' : 'Disabled'}
      </Badge>
      {endpoint.enabled && endpoint.failingSince ? (
        <Badge color="orange" variant="light" tt="none">
          Failing since {formatDate(endpoint.failingSince)}
        </Badge>
      ) : null}
    </Stack>
  );
}

/**
 * What the server did or will do about an endpoint whose deliveries fail: disabled it after 5 days (red, with the way
 * back), or the date it will if nothing succeeds before (orange).
 */
export function HealthAlert({ endpoint, action }: { endpoint: Health; action?: ReactNode }) {
  if (endpoint.autoDisabledAt) {
    return (
      <Alert color="red" variant="filled" title="Disabled automatically after 5 days of failed deliveries">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">
            Keysmith disabled this endpoint on {formatDate(endpoint.autoDisabledAt)}
            {endpoint.failingSince ? `: every delivery attempt had failed since ${formatDate(endpoint.failingSince)}` : ''}. It receives no new
            events. Fix the receiver, enable the endpoint, then redeliver the events it missed from the delivery log.
          </Text>
          {action}
        </Stack>
      </Alert>
    );
  }
  if (endpoint.enabled && endpoint.failingSince) {
    const deadline = new Date(Date.parse(endpoint.failingSince) + FAILING_LIMIT_MS).toISOString();
    return (
      <Alert color="orange" title="Deliveries to this endpoint are failing" role="status">
        Every attempt since {formatDate(endpoint.failingSince)} has failed. Unless one succeeds before {formatDate(deadline)}, Keysmith disables
        the endpoint automatically.
      </Alert>
    );
  }
  return null;
}

/** The endpoints that need attention, above the list: disabled by the server, or failing. */
function HealthSummary({ endpoints, detailsOf }: { endpoints: ConsoleWebhookEndpointFragment[]; detailsOf: (id: string) => string }) {
  const disabled = endpoints.filter((e) => e.autoDisabledAt);
  const failing = endpoints.filter((e) => e.enabled && e.failingSince);
  const list = (items: ConsoleWebhookEndpointFragment[]) => (
    <Stack gap={2} mt={4}>
      {items.map((e) => (
        <Text size="sm" key={e.id} style={{ overflowWrap: 'anywhere' }}>
          <Link to={detailsOf(e.id)}>{e.url}</Link>
          {e.autoDisabledAt ? ` — disabled ${formatDate(e.autoDisabledAt)}` : ` — failing since ${formatDate(e.failingSince)}`}
        </Text>
      ))}
    </Stack>
  );
  return (
    <>
      {disabled.length ? (
        <Alert color="red" title={disabled.length === 1 ? '1 endpoint was disabled automatically' : `${disabled.length} endpoints were disabled automatically`}>
          <Text size="sm">Every delivery failed for 5 days, so no new events are sent there. Fix the receiver, then enable the endpoint again.</Text>
          {list(disabled)}
        </Alert>
      ) : null}
      {failing.length ? (
        <Alert color="orange" title={failing.length === 1 ? 'Deliveries to 1 endpoint are failing' : `Deliveries to ${failing.length} endpoints are failing`} role="status">
          <Text size="sm">An endpoint whose deliveries keep failing for 5 days is disabled automatically.</Text>
          {list(failing)}
        </Alert>
      ) : null}
    </>
  );
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
          {org.apiAccess ? <Button onClick={() => setAdding(true)}>Add endpoint</Button> : null}
        </Group>
      </Group>
      <Text size="sm" maw={820}>
        Keysmith POSTs a JSON event to each enabled endpoint when something happens to one of {org.name}’s API keys. Every delivery is
        signed with the endpoint’s secret (Standard Webhooks: <Code>webhook-id</Code>, <Code>webhook-timestamp</Code>,{' '}
        <Code>webhook-signature</Code>) and retried with back-off for about two days until the endpoint answers 2xx.
      </Text>
      {!org.apiAccess ? (
        <Alert color="yellow" title="Upgrade required" role="status">
          The {org.plan} plan has no API access: webhook endpoints cannot be added or changed. Ask an operator to move {org.name} to TEAM or ENTERPRISE.
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
                      {org.apiAccess ? (
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
