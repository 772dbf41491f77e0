import { Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { AuditAction } from '../gql/graphql.ts';
import { formatDate } from '../lib/format.ts';
import { Link } from '../lib/router.tsx';
import { CopyId } from '../ui/CopyId.tsx';
import { AUDIT_ACTION_LABELS } from './actions.ts';
import { changeLines, type ChangeValue } from './changes.ts';

/** Words for the kinds of targets (others are shown as the API names them). */
const TARGET_TYPES: Record<string, string> = {
  ApiKey: 'API key',
  WebhookEndpoint: 'Webhook endpoint',
  Organization: 'Organization',
  Project: 'Project',
  Workflow: 'Workflow',
  Member: 'Member',
  Invitation: 'Invitation',
};

export type AuditEventRow = {
  id: string;
  action: AuditAction;
  actorLabel: string;
  targetType: string;
  targetId: string;
  targetName?: string | null;
  changes: unknown;
  createdAt: string;
};

/** Where a target has a page of its own in the console. */
function targetHref(slug: string, type: string, id: string): string | null {
  if (type === 'ApiKey') return `/orgs/${slug}/api-keys/${encodeURIComponent(id)}`;
  if (type === 'WebhookEndpoint') return `/orgs/${slug}/webhooks/${encodeURIComponent(id)}`;
  if (type === 'Organization') return `/orgs/${slug}`;
  return null;
}

function Target({ event, slug }: { event: AuditEventRow; slug: string }) {
  const kind = TARGET_TYPES[event.targetType] ?? event.targetType;
  const name = event.targetName ?? 'no longer exists';
  const href = event.targetName ? targetHref(slug, event.targetType, event.targetId) : null;
  return (
    <Group gap={6} wrap="wrap">
      <Text span size="sm" c="dimmed">
        {kind}
      </Text>
      {href ? <Link to={href}>{name}</Link> : <Text span size="sm" fs={event.targetName ? undefined : 'italic'}>{name}</Text>}
      <CopyId id={event.targetId} label={`id of ${kind} ${event.targetName ?? ''}`.trim()} hideId />
    </Group>
  );
}

function Value({ value, field }: { value: ChangeValue; field: string }) {
  return (
    <>
      {value.text}
      {value.ids.map((id, i) => (
        <span key={id} style={{ marginLeft: 4 }}>
          <CopyId id={id} label={`id of ${field}${value.ids.length > 1 ? ` ${i + 1}` : ''}`} hideId />
        </span>
      ))}
    </>
  );
}

function Changes({ changes }: { changes: unknown }) {
  const lines = changeLines(changes);
  if (!lines.length) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {lines.map((line) => (
        <Text key={line.field} size="sm" component="li" style={{ overflowWrap: 'anywhere' }}>
          <Text span fw={600} size="sm">
            {line.field}:
          </Text>{' '}
          {line.from ? (
            <>
              <Value value={line.from} field={`old ${line.field}`} /> → <Value value={line.to} field={`new ${line.field}`} />
            </>
          ) : (
            <Value value={line.to} field={line.field} />
          )}
        </Text>
      ))}
    </Stack>
  );
}

/** Audit events: a table on wide screens, one card per event on a phone. */
export function AuditEventsTable({ events, slug }: { events: AuditEventRow[]; slug: string }) {
  const narrow = useMediaQuery('(max-width: 48em)');
  const empty = <Text c="dimmed">No events.</Text>;
  if (narrow) {
    return (
      <Stack gap="xs" aria-label="Audit events" role="list">
        {events.length === 0 ? empty : null}
        {events.map((e) => (
          <Paper key={e.id} withBorder p="sm" role="listitem">
            <Stack gap={4}>
              <Text fw={600} size="sm">
                {AUDIT_ACTION_LABELS[e.action]}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDate(e.createdAt)} · {e.actorLabel}
              </Text>
              <Target event={e} slug={slug} />
              <Changes changes={e.changes} />
            </Stack>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={760} type="native">
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
              <Table.Td colSpan={5}>{empty}</Table.Td>
            </Table.Tr>
          ) : null}
          {events.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(e.createdAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{AUDIT_ACTION_LABELS[e.action]}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{e.actorLabel}</Table.Td>
              <Table.Td maw={300}><Target event={e} slug={slug} /></Table.Td>
              <Table.Td miw={280}>
                <Changes changes={e.changes} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
