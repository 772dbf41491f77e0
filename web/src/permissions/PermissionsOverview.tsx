import { Alert, Badge, Table, Text } from '@mantine/core';
import { useQuery } from 'urql';
import type { ConsoleKeyRowFragment } from '../gql/graphql.ts';
import { actionWord, inCatalogOrder, permissionLabel, resourceTitle } from './catalog.ts';
import { usePermissionCatalog } from './PermissionEditor.tsx';
import { GrantTargetsQuery, MemberRolesQuery } from './documents.ts';
import { ROLE_WORDS } from '../ui/words.ts';

type Key = Pick<ConsoleKeyRowFragment, 'permissions' | 'level' | 'project' | 'projectAccess' | 'owner' | 'ownedByOrganization'>;

/** At most this many grant targets are named (the API's `nodes` limit); beyond that a grant says how many. */
const MAX_NAMED = 100;

/**
 * A key's Permissions overview: each granted permission (resource × action) and where it applies, with a warning when
 * the owner's current role leaves some grants without effect (the server's `effective`).
 */
export function PermissionsOverview({ apiKey, slug }: { apiKey: Key; slug: string }) {
  const loaded = usePermissionCatalog();
  const ids = [...new Set(apiKey.permissions.flatMap((g) => [...(g.projectIds ?? []), ...(g.workflowIds ?? [])]))].slice(0, MAX_NAMED);
  const [targets] = useQuery({ query: GrantTargetsQuery, variables: { ids }, pause: !ids.length });
  const names = new Map<string, string>();
  for (const node of targets.data?.nodes ?? []) {
    if (node?.__typename === 'Project') names.set(node.id, node.name);
    if (node?.__typename === 'Workflow') names.set(node.id, `${node.project.name} / ${node.name}`);
  }
  const catalog = loaded?.catalog ?? [];
  const entries = new Map(catalog.map((e) => [e.name, e]));
  const grants = inCatalogOrder(
    apiKey.permissions.map((g) => ({ ...g, projectIds: g.projectIds ?? null, workflowIds: g.workflowIds ?? null })),
    catalog,
  );
  const reach =
    apiKey.level === 'PROJECT' ? (apiKey.project?.name ?? 'Its project') : apiKey.projectAccess.all ? 'All projects' : apiKey.projectAccess.projects.map((p) => p.name).join(', ') || 'No projects';
  const named = (list: readonly string[]) => list.map((id) => names.get(id) ?? '…').join(', ');
  const where = (g: (typeof grants)[number]) => {
    if (g.workflowIds) return named(g.workflowIds);
    if (g.projectIds) return named(g.projectIds);
    // A permission that cannot be narrowed acts on the organization itself (its settings, members, webhooks, log).
    const entry = entries.get(g.permission);
    return entry && !entry.levels.includes('PROJECT') ? 'The organization' : reach;
  };
  const limited = grants.filter((g) => !g.effective);

  return (
    <>
      {limited.length ? <OwnerLimitsAlert apiKey={apiKey} slug={slug} limited={limited.map((g) => g.permission)} /> : null}
      {grants.length ? (
        <Table aria-label="Permissions overview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Resource</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Applies to</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {grants.map((g) => {
              const entry = entries.get(g.permission);
              return (
                <Table.Tr key={g.permission} data-testid="grant-row">
                  <Table.Td>{entry ? resourceTitle(entry.resource) : g.permission}</Table.Td>
                  <Table.Td>
                    <Text size="sm" title={entry?.description}>
                      {entry ? actionWord(entry.action) : g.permission}
                    </Text>
                    {g.effective ? null : (
                      <Badge color="orange" variant="light" size="sm">
                        Not in effect
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{where(g)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed">
          This key holds no permissions.
        </Text>
      )}
    </>
  );
}

/** Names the owner's role (or their leaving) and what it no longer allows, as the server computed it. */
function OwnerLimitsAlert({ apiKey, slug, limited }: { apiKey: Key; slug: string; limited: string[] }) {
  const [{ data, fetching }] = useQuery({ query: MemberRolesQuery, variables: { slug }, pause: !apiKey.owner });
  const members = data?.organization?.members;
  const role = members?.edges.find((e) => e.node.user.id === apiKey.owner?.id)?.node.role;
  // Not among every member listed: the owner left (or was removed). With more members than one page, say less.
  const removed = !fetching && members && !role && !members.pageInfo.hasNextPage;
  const what = limited.map(permissionLabel).join(', ');
  return (
    <Alert color="orange" title="The owner's role limits this key" role="status" mb="sm">
      {removed
        ? `The owner is no longer a member of the organization, so the key no longer allows: ${what}; these grants do nothing until the key is handed to a member or to the organization.`
        : `The owner's role${role ? ` (${ROLE_WORDS[role]})` : ''} no longer allows: ${what}; these grants do nothing until the owner's role allows them again or the key is handed to someone whose role does (or to the organization).`}
    </Alert>
  );
}

/** The list view of a key's permissions: a few in words, then how many more. */
export function PermissionSummary({ permissions }: { permissions: Key['permissions'] }) {
  const shown = permissions.slice(0, 3);
  return (
    <>
      {shown.map((g) => (
        <Text size="xs" key={g.permission}>
          {permissionLabel(g.permission)}
          {g.workflowIds ? ` (${g.workflowIds.length} workflow${g.workflowIds.length === 1 ? '' : 's'})` : g.projectIds ? ` (${g.projectIds.length} project${g.projectIds.length === 1 ? '' : 's'})` : ''}
          {g.effective ? '' : ' (not in effect)'}
        </Text>
      ))}
      {permissions.length > shown.length ? (
        <Text size="xs" c="dimmed">
          and {permissions.length - shown.length} more
        </Text>
      ) : null}
    </>
  );
}
