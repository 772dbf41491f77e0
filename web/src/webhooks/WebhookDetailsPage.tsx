import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Code, CopyButton, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import type { ConsoleWebhookDeliveryFragment } from '../gql/graphql.ts';
import { AuditEventsTable } from '../audit/AuditEventsTable.tsx';
import { formatDate, formatDateSeconds } from '../lib/format.ts';
import { Link, navigate } from '../lib/router.tsx';
import { RequestErrorAlert } from '../ui/errors.tsx';
import { MutationFailureAlert, useMutation } from '../ui/mutation.tsx';
import { RedeliverWebhookEvent, WEBHOOK_CONTEXT, WebhookEndpointQuery } from './documents.ts';
import { EventList } from './EventList.tsx';
import { DELIVERY_STATUS, WEBHOOK_EVENT_LABELS } from './events.ts';
import { EnabledBadge, HealthAlert } from './health.tsx';
import { useEndpointActions } from './useEndpointActions.tsx';
import { WebhookScreen, type WebhookOrg } from './WebhookScreen.tsx';

export function WebhookDetailsPage({ slug, id }: { slug: string; id: string }) {
  return <WebhookScreen slug={slug} title="Webhook endpoint">{(org) => <EndpointDetails org={org} id={id} />}</WebhookScreen>;
}

/**
 * While a delivery is pending, the log refreshes itself: every 3 s while one is due within about a minute (a delivery
 * being attempted shows the end of its one-minute claim as its next attempt), else just after the next one is due.
 */
function useRefreshWhilePending(deliveries: ConsoleWebhookDeliveryFragment[], refresh: () => void) {
  const due = deliveries.filter((d) => d.status === 'PENDING').map((d) => (d.nextAttemptAt ? Date.parse(d.nextAttemptAt) : Date.now()));
  const next = due.length ? Math.min(...due) : null;
  useEffect(() => {
    if (next === null) return;
    const wait = next - Date.now();
    const timer = setTimeout(refresh, wait <= 70_000 ? 3_000 : Math.min(5 * 60_000, wait + 1_000));
    return () => clearTimeout(timer);
  });
}

function retryText(delivery: ConsoleWebhookDeliveryFragment): string {
  if (delivery.status !== 'PENDING' || !delivery.nextAttemptAt) return '—';
  const seconds = Math.round((Date.parse(delivery.nextAttemptAt) - Date.now()) / 1000);
  if (seconds <= 0) return 'Due now';
  // Not attempted yet but not due either: an instance has claimed it and is sending it.
  if (delivery.attempts === 0) return 'Being sent';
  const soon = seconds < 120 ? `in ${seconds} s` : seconds < 7200 ? `in ${Math.round(seconds / 60)} min` : `in ${Math.round(seconds / 3600)} h`;
  return `${soon} (${formatDateSeconds(delivery.nextAttemptAt)})`;
}

function EndpointDetails({ org, id }: { org: WebhookOrg; id: string }) {
  const [{ data, error, fetching }, refetch] = useQuery({ query: WebhookEndpointQuery, variables: { slug: org.slug, id }, context: WEBHOOK_CONTEXT });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const manage = org.viewerCan.manageWebhooks && org.apiAccess;
  const list = `/orgs/${org.slug}/webhooks`;
  const actions = useEndpointActions({ onChanged: reload, onDeleted: () => navigate(list) });
  const endpoint = data?.node?.__typename === 'WebhookEndpoint' ? data.node : null;
  useRefreshWhilePending(endpoint?.recentDeliveries ?? [], reload);
  if (error) return <RequestErrorAlert error={error} onRetry={reload} />;
  if (!endpoint) {
    return fetching ? (
      <Text>Loading…</Text>
    ) : (
      <Alert color="yellow" title="Endpoint not found">
        There is no such webhook endpoint in {org.name}. <Link to={list}>Back to the webhooks</Link>
      </Alert>
    );
  }
  const rows: [string, React.ReactNode][] = [
    ['URL', <Text key="u" ff="monospace" size="sm" style={{ overflowWrap: 'anywhere' }}>{endpoint.url}</Text>],
    ['Description', endpoint.description ?? '—'],
    ['Events', <EventList key="e" events={endpoint.events} />],
    ['State', <EnabledBadge key="s" endpoint={endpoint} />],
    ['Created', formatDate(endpoint.createdAt)],
    ['Updated', formatDate(endpoint.updatedAt)],
  ];
  const deliveries = endpoint.recentDeliveries;

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        <Link to={`/orgs/${org.slug}`}>{org.name}</Link> / <Link to={list}>Webhooks</Link>
      </Text>
      <Group justify="space-between" align="flex-start">
        <Title order={1} style={{ overflowWrap: 'anywhere' }} maw={900}>
          {endpoint.description || endpoint.url}
        </Title>
        <Group gap="xs">
          <Button variant="default" onClick={reload} loading={fetching}>
            Refresh
          </Button>
          {manage ? (
            <>
              <Button variant="default" onClick={() => actions.open({ kind: 'edit', endpoint })}>
                Edit
              </Button>
              <Button variant="default" onClick={() => actions.toggle(endpoint)}>
                {endpoint.enabled ? 'Disable' : 'Enable'}
              </Button>
              <Button variant="default" onClick={() => actions.open({ kind: 'rotate', endpoint })}>
                Rotate secret
              </Button>
              <Button color="red" onClick={() => actions.open({ kind: 'delete', endpoint })}>
                Delete
              </Button>
            </>
          ) : null}
        </Group>
      </Group>
      {actions.failureAlert}
      <HealthAlert
        endpoint={endpoint}
        action={
          manage ? (
            <Button variant="white" color="red" onClick={() => actions.toggle(endpoint)}>
              Enable the endpoint
            </Button>
          ) : null
        }
      />
      {!endpoint.enabled && !endpoint.autoDisabledAt ? (
        <Alert color="gray" title="This endpoint is disabled" role="status">
          It receives no new events until it is enabled again. Deliveries already pending still go out.
        </Alert>
      ) : null}
      <Paper withBorder p="md" maw={900}>
        <Table aria-label="Endpoint details">
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th scope="row" w={140}>
                  {label}
                </Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <DeliveryLog deliveries={deliveries} endpointEnabled={endpoint.enabled} canChange={manage} onChanged={reload} />
      <Title order={2} size="h4">
        History
      </Title>
      <AuditEventsTable slug={org.slug} events={data?.organization?.auditEvents?.edges.map((e) => e.node) ?? []} />
      {actions.dialogs}
    </Stack>
  );
}

/** The event body as sent, pretty-printed, with a copy button. */
function PayloadDialog({ delivery, onClose }: { delivery: ConsoleWebhookDeliveryFragment | null; onClose: () => void }) {
  const json = delivery ? JSON.stringify(delivery.payload, null, 2) : '';
  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close dialog' }} opened={delivery !== null} onClose={onClose} title="Event payload" size="xl">
      {delivery ? (
        <Stack>
          <Text size="sm">
            {WEBHOOK_EVENT_LABELS[delivery.eventType].label} ({WEBHOOK_EVENT_LABELS[delivery.eventType].type}), <Code>webhook-id: {delivery.webhookId}</Code>
          </Text>
          <Code block data-testid="payload" style={{ maxHeight: 480, overflow: 'auto' }}>
            {json}
          </Code>
          <Group justify="space-between">
            <CopyButton value={json}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy}>
                  {copied ? 'Copied' : 'Copy JSON'}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>Close</Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}

/**
 * The latest deliveries: event, status, attempts, the last answer and the next retry; each one's payload, and
 * "Redeliver" to send its event again (same webhook-id, a fresh retry schedule; a pending one is brought forward).
 */
function DeliveryLog({
  deliveries,
  endpointEnabled,
  canChange,
  onChanged,
}: {
  deliveries: ConsoleWebhookDeliveryFragment[];
  endpointEnabled: boolean;
  canChange: boolean;
  onChanged: () => void;
}) {
  const [viewing, setViewing] = useState<ConsoleWebhookDeliveryFragment | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const redeliverMutation = useMutation(RedeliverWebhookEvent, (d) => d.redeliverWebhookEvent, WEBHOOK_CONTEXT);

  async function redeliver(delivery: ConsoleWebhookDeliveryFragment) {
    setBusy(delivery.id);
    setSent(null);
    const payload = await redeliverMutation.run({ input: { deliveryId: delivery.id } });
    setBusy(null);
    if (payload?.__typename === 'RedeliverWebhookEventPayload') {
      setSent(`${WEBHOOK_EVENT_LABELS[delivery.eventType].label} (${payload.delivery.webhookId}) is being sent again.`);
      onChanged();
    }
  }

  return (
    <>
      <Title order={2} size="h4">
        Deliveries
      </Title>
      <Text size="sm" c="dimmed">
        The latest 20, newest first. A failed attempt is retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 24 h; then the delivery is given up.
        {deliveries.some((d) => d.status === 'PENDING') ? ' This list refreshes itself while a delivery is pending.' : ''}
        {canChange && !endpointEnabled ? ' Enable the endpoint to redeliver its events.' : ''}
      </Text>
      <MutationFailureAlert failure={redeliverMutation.failure} />
      {sent ? (
        <Alert color="green" role="status" withCloseButton closeButtonLabel="Dismiss" onClose={() => setSent(null)}>
          {sent}
        </Alert>
      ) : null}
      <Table.ScrollContainer minWidth={1200}>
        <Table striped aria-label="Deliveries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Time</Table.Th>
              <Table.Th>Event</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Attempts</Table.Th>
              <Table.Th>HTTP status</Table.Th>
              <Table.Th>Duration</Table.Th>
              <Table.Th>Last error</Table.Th>
              <Table.Th>Next retry</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deliveries.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={9}>
                  <Text c="dimmed">No deliveries yet: they appear here when a subscribed key event happens.</Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
            {deliveries.map((d) => (
              <Table.Tr key={d.id} data-testid="delivery-row">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDateSeconds(d.createdAt)}
                  <Text size="xs" c="dimmed" ff="monospace" title="The webhook-id header: the same on every attempt and redelivery of the event">
                    {d.webhookId}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {WEBHOOK_EVENT_LABELS[d.eventType].label}
                  <Text size="xs" c="dimmed" ff="monospace">
                    {WEBHOOK_EVENT_LABELS[d.eventType].type}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={DELIVERY_STATUS[d.status].color} variant="light">
                    {DELIVERY_STATUS[d.status].label}
                  </Badge>
                </Table.Td>
                <Table.Td>{d.attempts}</Table.Td>
                <Table.Td>{d.responseStatus ?? '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.durationMs !== null ? `${d.durationMs} ms` : '—'}</Table.Td>
                <Table.Td maw={260} style={{ overflowWrap: 'anywhere' }}>
                  {d.lastError ?? '—'}
                </Table.Td>
                <Table.Td>{retryText(d)}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-xs" variant="default" onClick={() => setViewing(d)}>
                      Payload
                    </Button>
                    {canChange ? (
                      <Button size="compact-xs" variant="default" disabled={!endpointEnabled} loading={busy === d.id} onClick={() => redeliver(d)}>
                        Redeliver
                      </Button>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <PayloadDialog delivery={viewing} onClose={() => setViewing(null)} />
    </>
  );
}
