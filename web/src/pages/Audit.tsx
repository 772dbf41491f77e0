import { useState } from 'react';
import { Alert, Button, Code, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { graphql } from '../gql/index.ts';
import type { AuditAction, AuditEventFilter } from '../gql/graphql.ts';
import { AUDIT_ACTION_LABELS, AUDIT_ACTION_OPTIONS } from '../audit-actions.ts';
import { RequestErrorAlert, formatDate } from '../errors.tsx';
import { Link } from '../router.tsx';

export const AuditQuery = graphql(`
  query ConsoleAuditEvents($slug: String!, $filter: AuditEventFilter, $after: String) {
    organization(slug: $slug) {
      id
      name
      slug
      viewerRole
      members(first: 25) {
        edges {
          node {
            id
            user {
              id
              email
            }
          }
        }
      }
      auditEvents(first: 25, after: $after, filter: $filter) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            action
            actorLabel
            targetType
            targetId
            changes
            createdAt
          }
        }
      }
    }
  }
`);

const AuditViewerQuery = graphql(`
  query ConsoleAuditViewer($slug: String!) {
    organization(slug: $slug) {
      id
      name
      slug
      viewerRole
    }
  }
`);

/** Words for the kinds of targets (others are shown as the API names them). */
const TARGET_TYPES: Record<string, string> = {
  ApiKey: 'API key',
  WebhookEndpoint: 'Webhook endpoint',
  Organization: 'Organization',
  Project: 'Project',
  Workflow: 'Workflow',
  Member: 'Member',
};

export function AuditEventsTable({ events }: { events: { id: string; action: AuditAction; actorLabel: string; targetType: string; targetId: string; changes: unknown; createdAt: string }[] }) {
  return (
    <Table striped aria-label="Audit events">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th>Action</Table.Th>
          <Table.Th>Actor</Table.Th>
          <Table.Th>Target</Table.Th>
          <Table.Th>Changes</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {events.length === 0 ? (
          <Table.Tr>
            <Table.Td colSpan={5}>
              <Text c="dimmed">No events.</Text>
            </Table.Td>
          </Table.Tr>
        ) : null}
        {events.map((e) => (
          <Table.Tr key={e.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(e.createdAt)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{AUDIT_ACTION_LABELS[e.action]}</Table.Td>
            <Table.Td>{e.actorLabel}</Table.Td>
            <Table.Td maw={300}>
              {TARGET_TYPES[e.targetType] ?? e.targetType}{' '}
              <Text span size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {e.targetId}
              </Text>
            </Table.Td>
            <Table.Td miw={320}>
              <Code style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{JSON.stringify(e.changes)}</Code>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function AuditPage({ slug }: { slug: string }) {
  const [action, setAction] = useState<AuditAction | null>(null);
  const [actor, setActor] = useState<string | null>(null);
  const [target, setTarget] = useState('');
  const [after, setAfter] = useState<string | undefined>();
  const filter: AuditEventFilter = {
    ...(action ? { action } : {}),
    ...(actor ? { actorId: actor } : {}),
    ...(target.trim() ? { targetId: target.trim() } : {}),
  };
  // The audit log is for owners and admins: anyone else gets words saying so, and the log is never asked for.
  const [who, refetchWho] = useQuery({ query: AuditViewerQuery, variables: { slug } });
  const viewer = who.data?.organization;
  const manager = viewer?.viewerRole === 'OWNER' || viewer?.viewerRole === 'ADMIN';
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
          {viewer.viewerRole ? `; your role is ${viewer.viewerRole}.` : '.'}
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
        <Select label="Action" placeholder="Any" clearable searchable data={AUDIT_ACTION_OPTIONS} value={action} onChange={(v) => (setAction(v as AuditAction | null), setAfter(undefined))} w={220} />
        <Select
          label="Actor"
          placeholder="Anyone"
          clearable
          data={(org.members?.edges ?? []).map((e) => ({ value: e.node.user.id, label: e.node.user.email ?? e.node.user.id }))}
          value={actor}
          onChange={(v) => (setActor(v), setAfter(undefined))}
          w={240}
        />
        <TextInput label="Target (id)" placeholder="An API key or webhook endpoint id" value={target} onChange={(e) => (setTarget(e.currentTarget.value), setAfter(undefined))} w={260} />
      </Group>
      <AuditEventsTable events={(org.auditEvents?.edges ?? []).map((e) => e.node)} />
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
