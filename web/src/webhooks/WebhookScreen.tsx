import type { ReactNode } from 'react';
import { Alert, Stack, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import type { ConsoleWebhookOrganizationQuery } from '../gql/graphql.ts';
import { Link } from '../lib/router.tsx';
import { RequestErrorAlert } from '../ui/errors.tsx';
import { WebhookOrganizationQuery } from './documents.ts';
import { ROLE_WORDS } from '../ui/words.ts';

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
  if (!org.viewerCan.readWebhooks) {
    return (
      <Stack>
        <Text size="sm" c="dimmed">
          <Link to={`/orgs/${org.slug}`}>{org.name}</Link>
        </Text>
        <Title order={1}>{title ?? 'Webhooks'}</Title>
        <Alert color="blue" title="Only owners and admins can see webhooks" role="status">
          Webhook endpoints and their deliveries are visible to the owners and admins of {org.name} only
          {org.viewerRole ? `; your role is ${ROLE_WORDS[org.viewerRole]}. Ask an owner or admin if you need a change here.` : '.'}
        </Alert>
      </Stack>
    );
  }
  return <>{children(org)}</>;
}
