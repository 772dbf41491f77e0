import { useState } from 'react';
import { Alert, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from 'urql';
import { ROLE_WORDS } from '../ui/words.ts';
import type { AuditAction, AuditEventFilter } from '../gql/graphql.ts';
import { Link } from '../lib/router.tsx';
import { RequestErrorAlert } from '../ui/errors.tsx';
import { AUDIT_ACTION_OPTIONS } from './actions.ts';
import { AuditEventsTable } from './AuditEventsTable.tsx';
import { AuditQuery, AuditViewerQuery } from './documents.ts';

export function AuditPage({ slug }: { slug: string }) {
  const [action, setAction] = useState<AuditAction | null>(null);
  const [actor, setActor] = useState<string | null>(null);
  const [target, setTarget] = useState('');
  // Sent once typing pauses, as the key search.
  const [targetName] = useDebouncedValue(target.trim(), 300);
  const [after, setAfter] = useState<string | undefined>();
  const filter: AuditEventFilter = {
    ...(action ? { action } : {}),
    ...(actor ? { actorId: actor } : {}),
    ...(targetName ? { targetName } : {}),
  };
  // The audit log is for owners and admins: anyone else gets words saying so, and the log is never asked for.
  const [who, refetchWho] = useQuery({ query: AuditViewerQuery, variables: { slug } });
  const viewer = who.data?.organization;
  const manager = !!viewer?.viewerCan.readAudit;
  const [{ data, error, fetching }, refetch] = useQuery({ query: AuditQuery, variables: { slug, filter, after }, pause: !manager });
  if (who.error) return <RequestErrorAlert error={who.error} onRetry={() => refetchWho({ requestPolicy: 'network-only' })} />;
  if (viewer && !manager) {
    return (
      <Stack>
        <Text size="sm" c="dimmed">
          <Link to={`/orgs/${viewer.slug}`}>{viewer.name}</Link>
        </Text>
        <Title order={1}>Audit log</Title>
        <Alert color="blue" title="Only owners and admins can see the audit log" role="status">
          The audit log of {viewer.name} is visible to its owners and admins only
          {viewer.viewerRole ? `; your role is ${ROLE_WORDS[viewer.viewerRole]}.` : '.'}
        </Alert>
      </Stack>
    );
  }
  if (error) return <RequestErrorAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  const org = data?.organization;
  if (!org) return fetching || who.fetching || (manager && !data) ? <Text>Loading…</Text> : <Alert color="yellow" title="Organization not found">There is no organization “{slug}” for you.</Alert>;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        <Link to={`/orgs/${org.slug}`}>{org.name}</Link>
      </Text>
      <Title order={1}>Audit log</Title>
      <Group align="flex-end" role="search">
        <Select label="Action" placeholder="Any" clearable searchable data={AUDIT_ACTION_OPTIONS} value={action} onChange={(v) => (setAction(v as AuditAction | null), setAfter(undefined))} w={{ base: '100%', xs: 220 }} />
        <Select
          label="Actor"
          placeholder="Anyone"
          clearable
          data={(org.members?.edges ?? []).map((e) => ({ value: e.node.user.id, label: e.node.user.email ?? e.node.user.id }))}
          value={actor}
          onChange={(v) => (setActor(v), setAfter(undefined))}
          w={{ base: '100%', xs: 240 }}
        />
        <TextInput
          label="Key or endpoint name"
          placeholder="Part of a name, description or URL"
          value={target}
          onChange={(e) => (setTarget(e.currentTarget.value), setAfter(undefined))}
          w={{ base: '100%', xs: 260 }}
        />
      </Group>
      <AuditEventsTable slug={org.slug} events={(org.auditEvents?.edges ?? []).map((e) => e.node)} />
      <Group>
        {after ? (
          <Button variant="default" onClick={() => setAfter(undefined)}>
            First page
          </Button>
        ) : null}
        <Button variant="default" disabled={!org.auditEvents?.pageInfo.hasNextPage} onClick={() => setAfter(org.auditEvents?.pageInfo.endCursor ?? undefined)}>
          Next page
        </Button>
      </Group>
    </Stack>
  );
}
