import { useId, useState } from 'react';
import { Box, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { graphql } from '../gql/index.ts';
import type { UsageGranularity } from '../gql/graphql.ts';
import { RequestErrorAlert } from '../ui/errors.tsx';
import { calls, OUTCOME_ORDER, OUTCOMES, outcomesSeen, type OutcomeField } from '../usage/outcomes.ts';

const UsageQuery = graphql(`
  query ConsoleKeyUsage($id: ID!, $granularity: UsageGranularity!, $last: Int!) {
    node(id: $id) {
      __typename
      ... on ApiKey {
        id
        usage(granularity: $granularity, last: $last) {
          start
          outcomes {
            ...ConsoleOutcomeCounts
          }
        }
      }
    }
  }
`);

type View = { granularity: UsageGranularity; last: number; label: string; unit: string };
const VIEWS: Record<'days' | 'hours', View> = {
  days: { granularity: 'DAY', last: 30, label: 'Last 30 days', unit: 'day' },
  hours: { granularity: 'HOUR', last: 48, label: 'Last 48 hours', unit: 'hour' },
};

/** Bucket starts in UTC, like every time in the console: days as "23 Nov", hours as "23 Nov, 14:00". */
function bucketLabel(start: string, granularity: UsageGranularity): string {
  const date = new Date(start);
  const day = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  if (granularity === 'DAY') return day;
  return `${day}, ${date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })}`;
}

const BAR = 10;
const GAP = 3;
const HEIGHT = 120;

/**
 * Calls per day (last 30 days) or per hour (last 48 hours) as SVG bars stacked by outcome (succeeded at the bottom,
 * then each kind of refusal), with a legend and a table of the same figures.
 */
export function UsageChart({ id }: { id: string }) {
  const [view, setView] = useState<'days' | 'hours'>('days');
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const { granularity, last, label, unit } = VIEWS[view];
  const [{ data, error }, refetch] = useQuery({ query: UsageQuery, variables: { id, granularity, last }, requestPolicy: 'cache-and-network' });
  const buckets = data?.node?.__typename === 'ApiKey' ? data.node.usage : null;
  const total = buckets?.reduce((n, b) => n + b.outcomes.total, 0) ?? 0;
  const refused = buckets?.reduce((n, b) => n + b.outcomes.refused, 0) ?? 0;
  const peak = buckets?.reduce((best, b) => (b.outcomes.total > best.outcomes.total ? b : best), buckets[0]);
  const max = Math.max(1, peak?.outcomes.total ?? 0);
  const width = last * (BAR + GAP) - GAP;
  const seen = outcomesSeen((buckets ?? []).map((b) => b.outcomes));
  const sumOf = (field: OutcomeField) => buckets?.reduce((n, b) => n + b.outcomes[field], 0) ?? 0;
  const summary =
    buckets && peak
      ? `Calls per ${unit} (UTC), ${label.toLowerCase()}: ${calls(total)} in total, ${calls(refused)} refused` +
        (peak.outcomes.total > 0 ? `, at most ${calls(peak.outcomes.total)} in one ${unit} (${bucketLabel(peak.start, granularity)}).` : '.')
      : '';

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Usage
        </Title>
        <SegmentedControl
          aria-label="Usage period"
          value={view}
          onChange={(v) => setView(v as 'days' | 'hours')}
          data={[
            { value: 'days', label: VIEWS.days.label },
            { value: 'hours', label: VIEWS.hours.label },
          ]}
        />
      </Group>
      {error ? <RequestErrorAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {buckets && peak ? (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {calls(total)} {view === 'days' ? 'in the last 30 days' : 'in the last 48 hours'}, per {unit} (UTC)
            {refused > 0 ? `; ${calls(refused)} refused` : ''}
          </Text>
          <Group gap="xs" align="stretch" wrap="nowrap">
            <Stack justify="space-between" gap={0} style={{ minWidth: '2.5rem' }} aria-hidden="true">
              <Text size="xs" c="dimmed" ta="right">
                {max.toLocaleString('en-GB')}
              </Text>
              <Text size="xs" c="dimmed" ta="right">
                0
              </Text>
            </Stack>
            <svg
              role="img"
              aria-label={summary}
              viewBox={`0 0 ${width} ${HEIGHT}`}
              preserveAspectRatio="none"
              style={{ width: '100%', height: HEIGHT, display: 'block', borderBottom: '1px solid var(--mantine-color-gray-4)' }}
            >
              {buckets.map((b, i) => {
                // One bar per period, one segment per outcome, stacked from the bottom in OUTCOME_ORDER.
                let y = HEIGHT;
                const segments = OUTCOME_ORDER.flatMap((o) => {
                  const n = b.outcomes[OUTCOMES[o].field];
                  if (n === 0) return [];
                  const h = (n / max) * HEIGHT;
                  y -= h;
                  return [<rect key={o} data-outcome={o} x={i * (BAR + GAP)} y={y} width={BAR} height={h} fill={OUTCOMES[o].color} />];
                });
                // A period with calls always shows: at least 2 units tall.
                const minimum = b.outcomes.total > 0 && HEIGHT - y < 2 ? <rect x={i * (BAR + GAP)} y={HEIGHT - 2} width={BAR} height={2} fill={OUTCOMES.SUCCESS.color} /> : null;
                const detail = seen
                  .filter((o) => b.outcomes[OUTCOMES[o].field] > 0)
                  .map((o) => `${OUTCOMES[o].label.toLowerCase()} ${b.outcomes[OUTCOMES[o].field].toLocaleString('en-GB')}`)
                  .join(', ');
                return (
                  <g key={b.start} data-testid="usage-bar">
                    <title>{`${bucketLabel(b.start, granularity)}: ${calls(b.outcomes.total)}${detail ? ` (${detail})` : ''}`}</title>
                    {minimum}
                    {segments}
                  </g>
                );
              })}
            </svg>
          </Group>
          <Group justify="space-between" pl="calc(2.5rem + var(--mantine-spacing-xs))" aria-hidden="true">
            <Text size="xs" c="dimmed">
              {bucketLabel(buckets[0].start, granularity)}
            </Text>
            <Text size="xs" c="dimmed">
              {bucketLabel(buckets[buckets.length - 1].start, granularity)}
            </Text>
          </Group>
          <Group gap="md" aria-label="Outcomes" role="list">
            {seen.map((o) => (
              <Group key={o} gap={6} wrap="nowrap" role="listitem">
                <Box w={12} h={12} style={{ background: OUTCOMES[o].color, borderRadius: 2, flex: 'none' }} aria-hidden="true" />
                <Text size="xs">
                  {OUTCOMES[o].label}: {sumOf(OUTCOMES[o].field).toLocaleString('en-GB')}
                </Text>
              </Group>
            ))}
          </Group>
          <Group>
            <Button variant="default" size="compact-sm" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable((s) => !s)}>
              {showTable ? 'Hide the figures' : 'Show the figures as a table'}
            </Button>
          </Group>
          <div id={tableId} hidden={!showTable}>
            {showTable ? (
              <Table.ScrollContainer minWidth={seen.length > 1 ? 160 + 110 * (seen.length + 1) : 0}>
                <Table aria-label={`Calls per ${unit}`} striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{unit === 'day' ? 'Day (UTC)' : 'Hour (UTC)'}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        Calls
                      </Table.Th>
                      {seen.map((o) => (
                        <Table.Th key={o} scope="col" ta="right">
                          {OUTCOMES[o].label}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {[...buckets].reverse().map((b) => (
                      <Table.Tr key={b.start}>
                        <Table.Td>{bucketLabel(b.start, granularity)}</Table.Td>
                        <Table.Td ta="right">{b.outcomes.total.toLocaleString('en-GB')}</Table.Td>
                        {seen.map((o) => (
                          <Table.Td key={o} ta="right">
                            {b.outcomes[OUTCOMES[o].field].toLocaleString('en-GB')}
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : null}
          </div>
        </Stack>
      ) : error ? null : (
        <Text size="sm">Loading…</Text>
      )}
    </Paper>
  );
}
