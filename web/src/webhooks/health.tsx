import type { ReactNode } from 'react';
import { Alert, Badge, Stack, Text } from '@mantine/core';
import type { ConsoleWebhookEndpointFragment } from '../gql/graphql.ts';
import { formatDate } from '../lib/format.ts';
import { Link } from '../lib/router.tsx';

type Health = Pick<ConsoleWebhookEndpointFragment, 'enabled' | 'failingSince' | 'disablesAt' | 'autoDisabledAt'>;

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
    // When is the server's to say (`disablesAt`): the console does not keep its own copy of the 5-day rule.
    return (
      <Alert color="orange" title="Deliveries to this endpoint are failing" role="status">
        Every attempt since {formatDate(endpoint.failingSince)} has failed. Unless one succeeds before {formatDate(endpoint.disablesAt)}, Keysmith disables
        the endpoint automatically.
      </Alert>
    );
  }
  return null;
}

/** The endpoints that need attention, above the list: disabled by the server, or failing. */
export function HealthSummary({ endpoints, detailsOf }: { endpoints: ConsoleWebhookEndpointFragment[]; detailsOf: (id: string) => string }) {
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
