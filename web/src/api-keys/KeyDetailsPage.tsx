import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { graphql } from '../gql/index.ts';
import type { ConsoleKeyRowFragment } from '../gql/graphql.ts';
import { formatDate } from '../lib/format.ts';
import { Link, navigate } from '../lib/router.tsx';
import { CopyId } from '../ui/CopyId.tsx';
import { SecretDialog } from '../ui/SecretDialog.tsx';
import { ExecutionsTable } from '../executions/ExecutionsTable.tsx';
import { DeleteKeyDialog } from './DeleteKeyDialog.tsx';
import { EditKeyDialog } from './EditKeyDialog.tsx';
import { RevokeKeyDialog } from './RevokeKeyDialog.tsx';
import { RotateKeyDialog } from './RotateKeyDialog.tsx';
import { RotationNote } from './RotationNote.tsx';
import { UseThisKey } from './UseThisKey.tsx';
import { RequestErrorAlert } from '../ui/errors.tsx';
import { AuditEventsTable } from '../audit/AuditEventsTable.tsx';
import { STATUS_COLOR } from './status.ts';
import { EXPIRY_WORDS, STATUS_WORDS } from '../ui/words.ts';
import { UsageChart } from './UsageChart.tsx';
import { KeyLimitsPanel } from './KeyLimitsPanel.tsx';
import { PermissionsOverview } from '../permissions/PermissionsOverview.tsx';

const CONTEXT = { additionalTypenames: ['ApiKey'] };
const EXECUTIONS_CONTEXT = { additionalTypenames: ['WorkflowExecution'] };

const KeyQuery = graphql(`
  query ConsoleKeyDetails($id: ID!) {
    node(id: $id) {
      __typename
      ... on ApiKey {
        ...ConsoleKeyRow
        ...ConsoleKeyLimits
        expiryPolicy
        revokedAt
        updatedAt
        lastUsedAddresses {
          address
          lastSeenAt
        }
        createdBy {
          id
          email
        }
        rotatedFrom {
          id
          name
          prefix
        }
        rotatedTo {
          id
          name
          prefix
        }
        organization {
          id
          name
          slug
          plan
          apiAccess
          viewerRole
          maxKeyLifetimeDays
          viewerCan {
            readAudit
            manageKeys
          }
          projects(first: 100) {
            edges {
              node {
                id
                name
                slug
              }
            }
          }
        }
      }
    }
  }
`);

/** The executions the key started, with the names of the workflows it reaches (an execution carries only ids). */
const KeyExecutionsQuery = graphql(`
  query ConsoleKeyExecutions($id: ID!) {
    node(id: $id) {
      ... on ApiKey {
        id
        executions(first: 10) {
          totalCount
          edges {
            node {
              ...ConsoleExecutionRow
            }
          }
        }
        projectAccess {
          projects {
            id
            workflows(first: 20) {
              edges {
                node {
                  id
                  name
                }
              }
            }
          }
        }
      }
    }
  }
`);

const KeyAuditQuery = graphql(`
  query ConsoleKeyAudit($slug: String!, $id: ID!) {
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

export function KeyDetailsPage({ slug, id }: { slug: string; id: string }) {
  const [{ data, error, fetching }, refetch] = useQuery({ query: KeyQuery, variables: { id }, context: CONTEXT });
  const key = data?.node?.__typename === 'ApiKey' ? data.node : null;
  const mayReadAudit = !!key?.organization.viewerCan.readAudit;
  const [audit, refetchAudit] = useQuery({ query: KeyAuditQuery, variables: { slug, id }, pause: !mayReadAudit });
  const [executions, refetchExecutions] = useQuery({ query: KeyExecutionsQuery, variables: { id }, context: EXECUTIONS_CONTEXT });
  const [dialog, setDialog] = useState<'edit' | 'rotate' | 'revoke' | 'delete' | null>(null);
  const [secret, setSecret] = useState<{ value: string; keyId: string } | null>(null);
  const reload = () => {
    refetch({ requestPolicy: 'network-only' });
    refetchExecutions({ requestPolicy: 'network-only' });
    if (mayReadAudit) refetchAudit({ requestPolicy: 'network-only' });
  };
  if (error) return <RequestErrorAlert error={error} onRetry={reload} />;
  if (!key) return fetching ? <Text>Loading…</Text> : <Alert color="yellow" title="Key not found">There is no such key for you.</Alert>;
  const org = key.organization;
  // The same rule as the key lists: the server says who may change this key, the plan whether keys can change at all.
  const manage = key.viewerCanManage && org.viewerCan.manageKeys && org.apiAccess;
  const projects = (org.projects?.edges ?? []).map((e) => e.node);
  const keyExecutions = executions.data?.node && 'executions' in executions.data.node ? executions.data.node : null;
  const workflowNames = new Map(keyExecutions?.projectAccess.projects.flatMap((p) => p.workflows.edges.map((e) => [e.node.id, e.node.name] as const)) ?? []);
  const rows: [string, React.ReactNode][] = [
    ['Id', <CopyId key="id" label="key id" id={key.id} />],
    ['Prefix', <Text ff="monospace" key="p">{key.prefix}</Text>],
    ['Status', <Badge key="s" variant="light" tt="none" color={STATUS_COLOR[key.status]}>{STATUS_WORDS[key.status]}</Badge>],
    ['Level', key.level === 'PROJECT' ? `Project key of ${key.project?.name}` : 'Organization key'],
    ['Project access', key.level === 'PROJECT' ? key.project?.name : key.projectAccess.all ? 'All projects, including future ones' : key.projectAccess.projects.map((p) => p.name).join(', ')],
    [
      'Allowed addresses',
      key.ipAllowlist.length ? (
        <Stack key="ip" gap={2} data-testid="allowlist">
          {key.ipAllowlist.map((entry) => (
            <Text key={entry} ff="monospace" size="sm">
              {entry}
            </Text>
          ))}
        </Stack>
      ) : (
        'Any address'
      ),
    ],
    ['Note', key.note ?? '—'],
    ['Owner', key.owner ? (key.owner.email ?? '—') : 'The organization (service key)'],
    ['Created', `${formatDate(key.createdAt)} by ${key.createdBy.email ?? '—'}`],
    ['Updated', formatDate(key.updatedAt)],
    ['Expiry', key.expiresAt ? `${formatDate(key.expiresAt)} (${EXPIRY_WORDS[key.expiryPolicy].toLowerCase()})` : 'Never'],
    ['Grace period ends', formatDate(key.graceEndsAt)],
    ['Revoked', formatDate(key.revokedAt)],
    ['Last used', formatDate(key.lastUsedAt)],
    ['Calls admitted', key.usageCount],
    ['Rotated from', key.rotatedFrom ? <Link key="rf" to={`/orgs/${slug}/api-keys/${encodeURIComponent(key.rotatedFrom.id)}`}>{key.rotatedFrom.prefix}</Link> : '—'],
    ['Rotated to', key.rotatedTo ? <Link key="rt" to={`/orgs/${slug}/api-keys/${encodeURIComponent(key.rotatedTo.id)}`}>{key.rotatedTo.prefix}</Link> : '—'],
  ];
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        <Link to={`/orgs/${key.organization.slug}/api-keys`}>{key.organization.name} / API keys</Link>
      </Text>
      <Group justify="space-between">
        <Title order={1}>{key.name}</Title>
        {manage ? (
          <Group gap="xs">
            <Button variant="default" onClick={() => setDialog('edit')}>
              Edit
            </Button>
            <Button variant="default" onClick={() => setDialog('rotate')} disabled={key.status === 'REVOKED' || !!key.graceEndsAt}>
              Rotate
            </Button>
            <Button variant="light" color="red" onClick={() => setDialog('revoke')} disabled={key.status === 'REVOKED'}>
              Revoke
            </Button>
            <Button color="red" onClick={() => setDialog('delete')}>
              Delete
            </Button>
          </Group>
        ) : null}
      </Group>
      <RotationNote apiKey={key} slug={slug} />
      {key.leak ? <LeakAlert leak={key.leak} stillWorks={key.status === 'ACTIVE' || key.status === 'INACTIVE'} /> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Table aria-label="Key details">
            <Table.Tbody>
              {rows.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th scope="row">{label}</Table.Th>
                  <Table.Td>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Stack>
          <KeyLimitsPanel apiKey={key} />
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              Permissions overview
            </Title>
            <PermissionsOverview apiKey={key} slug={slug} />
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              Recent addresses
            </Title>
            {key.lastUsedAddresses.length ? (
              <Table aria-label="Recent addresses">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Address</Table.Th>
                    <Table.Th>Last seen</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {key.lastUsedAddresses.map((a) => (
                    <Table.Tr key={a.address}>
                      <Table.Td ff="monospace">{a.address}</Table.Td>
                      <Table.Td>{formatDate(a.lastSeenAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : (
              <Text size="sm" c="dimmed">
                Not used yet
              </Text>
            )}
            <Text size="xs" c="dimmed" mt="xs">
              The last five distinct addresses the key was used from, most recent first.
            </Text>
          </Paper>
        </Stack>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            Use this key
          </Title>
          <UseThisKey keyId={key.id} />
        </Paper>
        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4">
              Recent executions
            </Title>
            <Button size="compact-sm" variant="default" onClick={() => refetchExecutions({ requestPolicy: 'network-only' })}>
              Refresh
            </Button>
          </Group>
          {executions.error ? (
            <Text size="sm" c="dimmed">
              The executions could not be loaded: {executions.error.message}
            </Text>
          ) : keyExecutions?.executions ? (
            <ExecutionsTable
              label="Recent executions"
              executions={keyExecutions.executions.edges.map((e) => e.node)}
              workflowName={(workflowId) => workflowNames.get(workflowId)}
              empty="This key has not started an execution yet."
            />
          ) : (
            <Text size="sm">Loading…</Text>
          )}
        </Paper>
      </SimpleGrid>
      <UsageChart id={key.id} />
      {mayReadAudit ? (
        <>
          <Title order={2} size="h4">
            History
          </Title>
          {audit.data ? (
            <AuditEventsTable slug={slug} events={audit.data.organization?.auditEvents?.edges.map((e) => e.node) ?? []} />
          ) : audit.error ? (
            <Text size="sm" c="dimmed">
              The history could not be loaded: {audit.error.message}
            </Text>
          ) : (
            <Text size="sm">Loading…</Text>
          )}
        </>
      ) : null}
      {dialog === 'edit' ? <EditKeyDialog apiKey={key} org={org} projects={projects} onClose={() => (setDialog(null), reload())} /> : null}
      {dialog === 'rotate' ? (
        <RotateKeyDialog
          apiKey={key}
          onClose={() => setDialog(null)}
          onRotated={(value, keyId) => {
            setDialog(null);
            setSecret({ value, keyId });
            reload();
          }}
        />
      ) : null}
      {dialog === 'revoke' ? <RevokeKeyDialog apiKey={key} onClose={() => (setDialog(null), reload())} /> : null}
      {dialog === 'delete' ? (
        <DeleteKeyDialog apiKey={key} onClose={() => setDialog(null)} onDeleted={() => navigate(`/orgs/${org.slug}/api-keys`)} />
      ) : null}
      <SecretDialog secret={secret?.value ?? null} title="Your rotated API key" onClose={() => setSecret(null)}>
        {secret ? <UseThisKey keyId={secret.keyId} secret={secret.value} /> : null}
      </SecretDialog>
    </Stack>
  );
}

/** Where a secret scanner found the key, and what was done about it (the first report; later ones are in History). */
function LeakAlert({ leak, stillWorks }: { leak: NonNullable<ConsoleKeyRowFragment['leak']>; stillWorks: boolean }) {
  return (
    <Alert color="red" variant="filled" title="This key was leaked">
      <Stack gap={6}>
        <Text size="sm">
          A secret scanner reported it {formatDate(leak.reportedAt)}, found in public{leak.source ? ` (${leak.source})` : ''}
          {leak.url ? ' at:' : '.'}
        </Text>
        {leak.url ? (
          <Anchor href={leak.url} target="_blank" rel="noopener noreferrer nofollow" c="white" underline="always" size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
            {leak.url}
          </Anchor>
        ) : null}
        <Text size="sm" fw={600}>
          {leak.action === 'REVOKED'
            ? 'It was revoked automatically and no longer works.'
            : stillWorks
              ? 'It was only flagged (this organization’s setting) and still works: rotate or revoke it now.'
              : 'It was flagged (this organization’s setting); it no longer works.'}
        </Text>
      </Stack>
    </Alert>
  );
}
