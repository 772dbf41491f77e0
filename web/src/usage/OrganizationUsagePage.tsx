import { useMemo, useState } from 'react';
import { Alert, Box, Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useClient, useQuery } from 'urql';
import type { ConsoleOrganizationUsageQuery, UsageGranularity } from '../gql/graphql.ts';
import { formatDate } from '../lib/format.ts';
import { Link } from '../lib/router.tsx';
import { RequestErrorAlert } from '../ui/errors.tsx';
import { csvLine } from './csv.ts';
import { OrganizationUsageQuery, UsageExportPage } from './documents.ts';
import { calls, OUTCOMES, outcomesSeen, type OutcomeCounts } from './outcomes.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * The ranges offered. Days are whole UTC days ending today (the server keeps 90 of them, today included); the last 24
 * hours are whole hours. Each is computed once per choice, so the query's variables do not change while it is shown.
 */
const RANGES = {
  day: { label: 'Last 24 hours', short: '24 hours', from: (now: number) => Math.floor(now / HOUR_MS) * HOUR_MS - 23 * HOUR_MS, granularity: 'HOUR' },
  week: { label: 'Last 7 days', short: '7 days', from: (now: number) => Math.floor(now / DAY_MS) * DAY_MS - 6 * DAY_MS, granularity: 'DAY' },
  month: { label: 'Last 30 days', short: '30 days', from: (now: number) => Math.floor(now / DAY_MS) * DAY_MS - 29 * DAY_MS, granularity: 'DAY' },
  quarter: { label: 'Last 90 days', short: '90 days', from: (now: number) => Math.floor(now / DAY_MS) * DAY_MS - 89 * DAY_MS, granularity: 'DAY' },
} as const satisfies Record<string, { label: string; short: string; from: (now: number) => number; granularity: UsageGranularity }>;
type Range = keyof typeof RANGES;

const TOP = 10;

type KeyRow = NonNullable<NonNullable<ConsoleOrganizationUsageQuery['organization']>['usageOverview']>['topKeysByCalls'][number];

/** The organization's usage over a range: totals by outcome, the keys with the most calls and refusals, a CSV export. */
export function OrganizationUsagePage({ slug }: { slug: string }) {
  const [range, setRange] = useState<Range>('week');
  const from = useMemo(() => new Date(RANGES[range].from(Date.now())).toISOString(), [range]);
  const [{ data, error, fetching }, refetch] = useQuery({ query: OrganizationUsageQuery, variables: { slug, from, top: TOP }, requestPolicy: 'cache-and-network' });

  if (error) return <RequestErrorAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  const org = data?.organization;
  if (!org) return fetching ? <Text>Loading…</Text> : <Alert color="yellow" title="Organization not found">There is no organization “{slug}” for you.</Alert>;
  const overview = org.usageOverview;
  // Null for a reader of the organization who does not read its keys' usage (a platform operator who is not a member).
  if (!overview)
    return (
      <Stack>
        <Text size="sm" c="dimmed">
          <Link to={`/orgs/${org.slug}`}>{org.name}</Link>
        </Text>
        <Title order={1}>Usage</Title>
        <Alert color="blue" title="Usage is for the organization’s members" role="status">
          The usage of {org.name}’s API keys is visible to its members.
        </Alert>
      </Stack>
    );
  const totals = overview.totals;
  const seen = outcomesSeen([totals]);

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        <Link to={`/orgs/${org.slug}`}>{org.name}</Link>
      </Text>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>Usage</Title>
        <SegmentedControl
          aria-label="Usage over the last"
          value={range}
          onChange={(v) => setRange(v as Range)}
          data={(Object.keys(RANGES) as Range[]).map((value) => ({ value, label: RANGES[value].short }))}
        />
      </Group>
      <Text size="sm" c="dimmed">
        Calls made with this organization’s API keys from {formatDate(overview.from)} to {formatDate(overview.to)}. Counts are exact and written
        every few seconds.
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure label="Calls" value={totals.total} />
        <Figure label="Succeeded" value={totals.success} />
        <Figure label="Refused" value={totals.refused} />
        <Figure label="Refusal rate" text={totals.total > 0 ? `${((totals.refused / totals.total) * 100).toFixed(1)} %` : '—'} />
      </SimpleGrid>
      {totals.total > 0 ? (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            By outcome
          </Title>
          <OutcomeBar counts={totals} label={`All calls by outcome: ${seen.map((o) => `${OUTCOMES[o].label.toLowerCase()} ${totals[OUTCOMES[o].field]}`).join(', ')}`} />
          <Group gap="md" mt="sm" role="list" aria-label="Outcomes">
            {seen.map((o) => (
              <Group key={o} gap={6} wrap="nowrap" role="listitem">
                <Box w={12} h={12} style={{ background: OUTCOMES[o].color, borderRadius: 2, flex: 'none' }} aria-hidden="true" />
                <Text size="sm">
                  {OUTCOMES[o].label}: {totals[OUTCOMES[o].field].toLocaleString('en-GB')}
                </Text>
              </Group>
            ))}
          </Group>
        </Paper>
      ) : (
        <Alert color="gray" title="No calls in this range" role="status">
          No API key of {org.name} was used {RANGES[range].label.toLowerCase().replace('last', 'in the last')}.
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <TopKeys title="Most calls" slug={org.slug} rows={overview.topKeysByCalls} empty="No key was used in this range." figure="calls" />
        <TopKeys title="Most refused" slug={org.slug} rows={overview.topKeysByRefusals} empty="No call was refused in this range." figure="refused" />
      </SimpleGrid>
      <CsvExport slug={org.slug} from={from} granularity={RANGES[range].granularity} rangeLabel={RANGES[range].label} />
    </Stack>
  );
}

function Figure({ label, value, text }: { label: string; value?: number; text?: string }) {
  return (
    <Paper withBorder p="sm" role="group" aria-label={label}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={600}>
        {text ?? (value ?? 0).toLocaleString('en-GB')}
      </Text>
    </Paper>
  );
}

/** One horizontal bar, one segment per outcome with calls. */
function OutcomeBar({ counts, label, height = 14 }: { counts: OutcomeCounts; label: string; height?: number }) {
  const seen = outcomesSeen([counts]).filter((o) => counts[OUTCOMES[o].field] > 0);
  return (
    <Group gap={0} wrap="nowrap" role="img" aria-label={label} style={{ height, borderRadius: 3, overflow: 'hidden', background: 'var(--mantine-color-default-border)' }}>
      {seen.map((o) => (
        <Box key={o} data-outcome={o} style={{ width: `${(counts[OUTCOMES[o].field] / Math.max(1, counts.total)) * 100}%`, height: '100%', background: OUTCOMES[o].color }} />
      ))}
    </Group>
  );
}

function TopKeys({ title, slug, rows, empty, figure }: { title: string; slug: string; rows: KeyRow[]; empty: string; figure: 'calls' | 'refused' }) {
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table aria-label={title} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Key</Table.Th>
                <Table.Th scope="col" ta="right">
                  {figure === 'calls' ? 'Calls' : 'Refused'}
                </Table.Th>
                <Table.Th scope="col" w="35%">
                  By outcome
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, i) => {
                const o = row.outcomes;
                const detail = outcomesSeen([o])
                  .filter((x) => o[OUTCOMES[x].field] > 0)
                  .map((x) => `${OUTCOMES[x].label.toLowerCase()} ${o[OUTCOMES[x].field].toLocaleString('en-GB')}`)
                  .join(', ');
                return (
                  <Table.Tr key={row.apiKey?.id ?? i}>
                    <Table.Td>
                      {row.apiKey ? (
                        <Stack gap={0}>
                          <Link to={`/orgs/${slug}/api-keys/${row.apiKey.id}`}>{row.apiKey.name}</Link>
                          <Text size="xs" c="dimmed" ff="monospace">
                            {row.apiKey.prefix}…
                          </Text>
                        </Stack>
                      ) : (
                        <Text size="sm" c="dimmed">
                          A deleted key
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{(figure === 'calls' ? o.total : o.refused).toLocaleString('en-GB')}</Table.Td>
                    <Table.Td>
                      <OutcomeBar counts={o} label={`${calls(o.total)}: ${detail}`} height={10} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

/** Pages through `usageExport` (100 rows a page) and saves the rows as a CSV file: one row per key, period and outcome. */
function CsvExport({ slug, from, granularity, rangeLabel }: { slug: string; from: string; granularity: UsageGranularity; rangeLabel: string }) {
  const client = useClient();
  const [state, setState] = useState<{ busy: boolean; rows: number; error: string | null }>({ busy: false, rows: 0, error: null });
  const download = async () => {
    setState({ busy: true, rows: 0, error: null });
    const lines = [csvLine(['period_start', 'api_key_id', 'api_key_name', 'outcome', 'calls'])];
    // One instant for every page: `to` defaults to now, which would move between pages.
    const to = new Date().toISOString();
    let after: string | undefined;
    for (;;) {
      const result = await client.query(UsageExportPage, { slug, from, to, granularity, after }, { requestPolicy: 'network-only' }).toPromise();
      const page = result.data?.organization?.usageExport;
      if (result.error || !page) {
        setState({ busy: false, rows: lines.length - 1, error: result.error?.graphQLErrors[0]?.message ?? result.error?.message ?? 'The organization was not found.' });
        return;
      }
      for (const { node } of page.edges) lines.push(csvLine([node.start, node.apiKeyId, node.apiKeyName, node.outcome, node.count]));
      setState({ busy: true, rows: lines.length - 1, error: null });
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
      after = page.pageInfo.endCursor;
    }
    const url = URL.createObjectURL(new Blob(lines, { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${slug}-usage-${granularity === 'DAY' ? 'daily' : 'hourly'}-${from.slice(0, 10)}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setState({ busy: false, rows: lines.length - 1, error: null });
  };
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        Export
      </Title>
      <Text size="sm" mb="sm">
        Every key’s calls by outcome, {granularity === 'DAY' ? 'per UTC day' : 'per hour'}, {rangeLabel.toLowerCase()}, as a CSV file for a spreadsheet or BI
        tool. The same rows come from the API’s <code>usageExport</code> query.
      </Text>
      <Group>
        <Button onClick={download} loading={state.busy} variant="default">
          Download CSV
        </Button>
        {state.busy || state.rows > 0 ? (
          <Text size="sm" c="dimmed" role="status">
            {state.busy ? `${state.rows.toLocaleString('en-GB')} rows read…` : `${state.rows.toLocaleString('en-GB')} rows saved.`}
          </Text>
        ) : null}
      </Group>
      {state.error ? (
        <Alert color="red" mt="sm" title="The export stopped">
          {state.error}
        </Alert>
      ) : null}
    </Paper>
  );
}
