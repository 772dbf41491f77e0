import { useId, useState } from 'react';
import { Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { graphql } from '../gql/index.ts';
import type { UsageGranularity } from '../gql/graphql.ts';
import { RequestErrorAlert } from '../ui/errors.tsx';

const UsageQuery = graphql(`
  query ConsoleKeyUsage($id: ID!, $granularity: UsageGranularity!, $last: Int!) {
    node(id: $id) {
      __typename
      ... on ApiKey {
        id
        usage(granularity: $granularity, last: $last) {
          start
          count
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

const plural = (n: number) => `${n.toLocaleString('en-GB')} request${n === 1 ? '' : 's'}`;

const BAR = 10;
const GAP = 3;
const HEIGHT = 120;

/** Requests per day (last 30 days) or per hour (last 48 hours), as SVG bars with a table of the same figures. */
export function UsageChart({ id }: { id: string }) {
  const [view, setView] = useState<'days' | 'hours'>('days');
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const { granularity, last, label, unit } = VIEWS[view];
  const [{ data, error }, refetch] = useQuery({ query: UsageQuery, variables: { id, granularity, last }, requestPolicy: 'cache-and-network' });
  const buckets = data?.node?.__typename === 'ApiKey' ? data.node.usage : null;
  const total = buckets?.reduce((n, b) => n + b.count, 0) ?? 0;
  const peak = buckets?.reduce((best, b) => (b.count > best.count ? b : best), buckets[0]);
  const max = Math.max(1, peak?.count ?? 0);
  const width = last * (BAR + GAP) - GAP;
  const summary =
    buckets && peak
      ? `Requests per ${unit} (UTC), ${label.toLowerCase()}: ${plural(total)} in total` +
        (peak.count > 0 ? `, at most ${plural(peak.count)} in one ${unit} (${bucketLabel(peak.start, granularity)}).` : '.')
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
            {plural(total)} {view === 'days' ? 'in the last 30 days' : 'in the last 48 hours'}, per {unit} (UTC)
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
                const h = b.count === 0 ? 0 : Math.max(2, (b.count / max) * HEIGHT);
                return (
                  <rect
                    key={b.start}
                    data-testid="usage-bar"
                    x={i * (BAR + GAP)}
                    y={HEIGHT - h}
                    width={BAR}
                    height={h}
                    rx={1.5}
                    fill="var(--mantine-primary-color-filled)"
                  >
                    <title>{`${bucketLabel(b.start, granularity)}: ${plural(b.count)}`}</title>
                  </rect>
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
          <Group>
            <Button variant="default" size="compact-sm" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable((s) => !s)}>
              {showTable ? 'Hide the figures' : 'Show the figures as a table'}
            </Button>
          </Group>
          <div id={tableId} hidden={!showTable}>
            {showTable ? (
              <Table aria-label={`Requests per ${unit}`} striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{unit === 'day' ? 'Day (UTC)' : 'Hour (UTC)'}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      Requests
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...buckets].reverse().map((b) => (
                    <Table.Tr key={b.start}>
                      <Table.Td>{bucketLabel(b.start, granularity)}</Table.Td>
                      <Table.Td ta="right">{b.count.toLocaleString('en-GB')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : null}
          </div>
        </Stack>
      ) : error ? null : (
        <Text size="sm">Loading…</Text>
      )}
    </Paper>
  );
}
