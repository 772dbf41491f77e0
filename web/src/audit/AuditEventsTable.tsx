import { Code, Table, Text } from '@mantine/core';
import type { AuditAction } from '../gql/graphql.ts';
import { formatDate } from '../lib/format.ts';
import { AUDIT_ACTION_LABELS } from './actions.ts';

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
