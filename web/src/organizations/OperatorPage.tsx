import { useState } from 'react';
import { Alert, Badge, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useQuery } from 'urql';
import { Link } from '../lib/router.tsx';
import { RequestErrorAlert } from '../ui/errors.tsx';
import type { Plan } from '../gql/graphql.ts';
import { PLAN_WORDS } from '../ui/words.ts';
import { OperatorOrganizations } from './documents.ts';
import { PlanChange } from './PlanChange.tsx';

/**
 * Operators stand in for billing: they find an organization by name or slug (`organizations(search:)`, operators
 * only) and change its plan. They see its name, slug, plan and how many keys work, never its content.
 */
/** A plan change refetches the list (a stable object: a new one per render would ask again on every render). */
const CONTEXT = { additionalTypenames: ['Organization'] };

export function OperatorPage() {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: OperatorOrganizations,
    variables: { search: debounced || null },
    context: CONTEXT,
  });
  const [done, setDone] = useState<string | null>(null);
  const found = data?.organizations.edges.map((e) => e.node) ?? [];
  const total = data?.organizations.totalCount ?? 0;
  // On a phone the plan and key count sit under the name: the plan control needs the width. The plan control keeps its
  // place in the row either way (a dialog it opened stays open when the window narrows).
  const narrow = useMediaQuery('(max-width: 36em)');
  const onChanged = (org: (typeof found)[number]) => (plan: Plan) => {
    setDone(`${org.name} is now on the ${PLAN_WORDS[plan]} plan.`);
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <Stack maw={900}>
      <Title order={1}>Operator</Title>
      <Paper withBorder p="md">
        <Stack>
          <TextInput
            label="Find an organization"
            description="Part of its name or slug"
            value={search}
            onChange={(e) => (setDone(null), setSearch(e.currentTarget.value))}
            maw={420}
          />
          <RequestErrorAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
          {done ? (
            <Alert color="green" role="status" withCloseButton closeButtonLabel="Dismiss" onClose={() => setDone(null)}>
              {done}
            </Alert>
          ) : null}
          {data && found.length === 0 ? (
            <Text size="sm" c="dimmed">
              {debounced ? `No organization’s name or slug contains “${debounced}”.` : 'No organizations yet.'}
            </Text>
          ) : null}
          {found.length > 0 ? (
            <Table.ScrollContainer minWidth={narrow ? 0 : 640} type="native">
              <Table aria-label="Organizations">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Organization</Table.Th>
                    {narrow ? null : <Table.Th>Plan</Table.Th>}
                    {narrow ? null : <Table.Th>Working keys</Table.Th>}
                    <Table.Th>Change the plan</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {found.map((org) => (
                    <Table.Tr key={org.id}>
                      <Table.Td>
                        <Link to={`/orgs/${org.slug}`}>{org.name}</Link>
                        <Text size="xs" c="dimmed">
                          {org.slug}
                        </Text>
                        {narrow ? (
                          <Text size="sm">
                            {PLAN_WORDS[org.plan]} plan · {org.workingApiKeyCount === 1 ? '1 working key' : `${org.workingApiKeyCount ?? '—'} working keys`}
                          </Text>
                        ) : null}
                      </Table.Td>
                      {narrow ? null : (
                        <Table.Td>
                          <Badge variant="light" tt="none">{PLAN_WORDS[org.plan]}</Badge>
                        </Table.Td>
                      )}
                      {narrow ? null : <Table.Td>{org.workingApiKeyCount ?? '—'}</Table.Td>}
                      <Table.Td>
                        <PlanChange
                          key={`${org.id}:${org.plan}`}
                          org={org}
                          onChanged={onChanged(org)}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
          {total > found.length ? (
            <Text size="sm" c="dimmed">
              The first {found.length} of {total}: type more of a name or slug to narrow the list.
            </Text>
          ) : null}
          {fetching && !data ? <Text size="sm">Loading…</Text> : null}
        </Stack>
      </Paper>
    </Stack>
  );
}
