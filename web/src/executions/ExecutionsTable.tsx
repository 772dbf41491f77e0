import { Fragment, useState } from 'react';
import { Badge, Button, Code, Table, Text } from '@mantine/core';
import { useQuery } from 'urql';
import type { ConsoleExecutionRowFragment, ExecutionStatus } from '../gql/graphql.ts';
import { formatDateSeconds } from '../lib/format.ts';
import { ExecutionPayloadQuery } from './documents.ts';
import { STICKY_END } from '../ui/tables.ts';

const STATUS: Record<ExecutionStatus, { label: string; color: string }> = {
  QUEUED: { label: 'Queued', color: 'gray' },
  RUNNING: { label: 'Running', color: 'blue' },
  SUCCEEDED: { label: 'Succeeded', color: 'green' },
  FAILED: { label: 'Failed', color: 'red' },
};

/** Executions with status, time, workflow and the key that started them; each payload is loaded when opened. */
export function ExecutionsTable({
  label,
  executions,
  workflowName,
  empty,
}: {
  label: string;
  executions: ConsoleExecutionRowFragment[];
  workflowName: (id: string) => string | undefined;
  empty: string;
}) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setOpen(next);
  };
  if (executions.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Status</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th>Workflow</Table.Th>
            <Table.Th>Key</Table.Th>
            {/* Pinned to the right edge while a phone scrolls the table sideways: the payload stays one tap away. */}
            <Table.Th className={STICKY_END}>Payload</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {executions.map((e) => {
            const status = STATUS[e.status];
            const shown = open.has(e.id);
            return (
              <Fragment key={e.id}>
                <Table.Tr data-testid="execution-row">
                  <Table.Td miw={120}>
                    <Badge variant="light" color={status.color}>
                      {status.label}
                    </Badge>
                  </Table.Td>
                  <Table.Td miw={130}>{formatDateSeconds(e.createdAt)}</Table.Td>
                  <Table.Td>{workflowName(e.workflowId) ?? 'A deleted workflow'}</Table.Td>
                  <Table.Td>
                    <Text ff="monospace" size="sm">
                      {e.triggeredByKeyPrefix ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td className={STICKY_END}>
                    <Button size="compact-xs" variant="default" onClick={() => toggle(e.id)} aria-expanded={shown}>
                      {shown ? 'Hide payload' : 'Show payload'}
                    </Button>
                  </Table.Td>
                </Table.Tr>
                {shown ? (
                  <Table.Tr>
                    <Table.Td colSpan={5}>
                      <Payload id={e.id} />
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Payload({ id }: { id: string }) {
  const [{ data, fetching, error }] = useQuery({ query: ExecutionPayloadQuery, variables: { id } });
  if (error) return <Text size="sm" c="red">The payload could not be loaded: {error.message}</Text>;
  if (fetching || !data) return <Text size="sm">Loading…</Text>;
  const payload = data.node && 'payload' in data.node ? data.node.payload : null;
  if (payload == null) return <Text size="sm" c="dimmed">No payload</Text>;
  return (
    <Code block data-testid="payload" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
      {JSON.stringify(payload, null, 2)}
    </Code>
  );
}
