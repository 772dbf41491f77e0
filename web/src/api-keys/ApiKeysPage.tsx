import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from 'urql';
import type { ApiKeyFilter, ApiKeyOrderField, ApiKeyStatus, ConsoleKeyRowFragment, OrderDirection } from '../gql/graphql.ts';
import { formatDate } from '../lib/format.ts';
import { Link, navigate, useLocation } from '../lib/router.tsx';
import { RequestErrorAlert } from '../ui/errors.tsx';
import { SecretDialog } from '../ui/SecretDialog.tsx';
import { CreateKeyDialog } from './CreateKeyDialog.tsx';
import { DeleteKeyDialog } from './DeleteKeyDialog.tsx';
import { DeleteKeysDialog } from './DeleteKeysDialog.tsx';
import { OrgKeysQuery, ProjectKeysQuery } from './documents.ts';
import { EditKeyDialog } from './EditKeyDialog.tsx';
import { RevokeKeyDialog } from './RevokeKeyDialog.tsx';
import { RotateKeyDialog } from './RotateKeyDialog.tsx';
import { STATUS_COLOR } from './status.ts';
import { UseThisKey } from './UseThisKey.tsx';
import { RotationNote } from './RotationNote.tsx';
import { PermissionSummary } from '../permissions/PermissionsOverview.tsx';
import { LEVEL_WORDS, PLAN_WORDS, STATUS_WORDS } from '../ui/words.ts';
import { STICKY_END } from '../ui/tables.ts';

/** 20 rows with their permissions and projects stay well inside the API's query cost limit. */
const PAGE_SIZE = 20;
/** The search is sent once typing pauses this long, not once per keystroke. */
export const SEARCH_DEBOUNCE_MS = 300;
const CONTEXT = { additionalTypenames: ['ApiKey'] };

type Row = { key: ConsoleKeyRowFragment; inherited: boolean; canManage: boolean };
type Page = { after?: string; before?: string };

export function ApiKeysPage({ slug, projectSlug }: { slug: string; projectSlug?: string }) {
  // In the address, so that "Show the leaked keys" is a link (and can be shared).
  const location = useLocation();
  const leakedOnly = location.search.get('leaked') === 'true';
  const [status, setStatus] = useState<string | null>(null);
  const [level, setLevel] = useState<string | null>(null);
  const [projectFilter, setProjectFilter] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const [orderField, setOrderField] = useState<ApiKeyOrderField>('CREATED_AT');
  const [direction, setDirection] = useState<OrderDirection>('DESC');
  const [page, setPage] = useState<Page>({});
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ value: string; title: string; keyId: string } | null>(null);
  const [editing, setEditing] = useState<ConsoleKeyRowFragment | null>(null);
  const [rotating, setRotating] = useState<ConsoleKeyRowFragment | null>(null);
  const [revoking, setRevoking] = useState<ConsoleKeyRowFragment | null>(null);
  const [deleting, setDeleting] = useState<ConsoleKeyRowFragment | null>(null);
  const [bulkConfirm, setBulkConfirm] = useState(false);

  const filter: ApiKeyFilter = {
    ...(status ? { status: status as ApiKeyStatus } : {}),
    ...(level ? { level: level as ApiKeyFilter['level'] } : {}),
    ...(projectFilter && !projectSlug ? { projectId: projectFilter } : {}),
    ...(debouncedSearch ? { search: debouncedSearch } : {}),
    ...(leakedOnly ? { leaked: true } : {}),
  };
  const paging = page.before ? { last: PAGE_SIZE, before: page.before } : { first: PAGE_SIZE, after: page.after };
  const variables = { slug, ...paging, filter, orderBy: { field: orderField, direction } };
  const [orgResult, refetchOrg] = useQuery({ query: OrgKeysQuery, variables, pause: !!projectSlug, context: CONTEXT });
  const [projectResult, refetchProject] = useQuery({
    query: ProjectKeysQuery,
    variables: { ...variables, project: projectSlug ?? '' },
    pause: !projectSlug,
    context: CONTEXT,
  });
  const result = projectSlug ? projectResult : orgResult;
  const refetch = () => (projectSlug ? refetchProject : refetchOrg)({ requestPolicy: 'network-only' });

  if (result.error) return <RequestErrorAlert error={result.error} onRetry={refetch} />;
  const org = projectSlug ? projectResult.data?.organization : orgResult.data?.organization;
  if (!org) return result.fetching ? <Text>Loading…</Text> : <Alert color="yellow" title="Organization not found">There is no organization “{slug}” for you.</Alert>;
  const project = projectSlug ? (projectResult.data?.organization?.project ?? null) : null;
  if (projectSlug && !project) return <Alert color="yellow" title="Project not found">There is no project “{projectSlug}” in {org.name}.</Alert>;

  const projects = orgResult.data?.organization?.projects?.edges.map((e) => e.node) ?? (project ? [project] : []);
  const connection = project ? project.apiKeys : orgResult.data!.organization!.apiKeys;
  // Null when the viewer may see the organization but not its keys (a platform operator who is not a member).
  if (!connection) return <Alert color="yellow" title="Keys not visible">Only members of {org.name} can see its API keys.</Alert>;
  const rows: Row[] = project
    ? project.apiKeys.edges.map((e) => ({ key: e.node, inherited: e.inherited, canManage: e.viewerCanManage }))
    : connection.edges.map((e) => ({ key: e.node, inherited: false, canManage: e.node.viewerCanManage }));
  // The server says who may manage keys; the plan (apiAccess) says whether keys can be created or changed at all.
  const manage = org.viewerCan.manageKeys && org.apiAccess;
  const selectable = rows.filter((r) => r.canManage);
  const leakedCount = orgResult.data?.organization?.leakedKeys?.totalCount ?? 0;
  // Leaked keys that still work need action now; those already revoked (or expired) need none.
  const leakedWorking = orgResult.data?.organization?.leakedWorkingKeys?.totalCount ?? 0;
  const leakedStopped = leakedCount - leakedWorking;
  const filtered = Object.keys(filter).length > 0;
  const leakedHref = `${location.pathname}?leaked=true`;
  const names = new Map(rows.map((r) => [r.key.id, r.key.name]));

  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Text size="sm" c="dimmed">
            <Link to={`/orgs/${org.slug}`}>{org.name}</Link>
            {project ? ` / ${project.name}` : ''}
          </Text>
          <Title order={1}>{project ? `API keys of ${project.name}` : 'API keys'}</Title>
        </div>
        {manage ? <Button onClick={() => setCreating(true)}>Create API key</Button> : null}
      </Group>
      {!org.apiAccess ? (
        <Alert color="yellow" title="Upgrade required" role="status">
          The {PLAN_WORDS[org.plan]} plan has no API access: keys cannot be created or used. Ask an operator to move {org.name} to the Team or
          Enterprise plan.
        </Alert>
      ) : null}
      {leakedWorking > 0 ? (
        <Alert
          color="red"
          variant="filled"
          role="alert"
          title={leakedWorking === 1 ? '1 leaked key still works' : `${leakedWorking} leaked keys still work`}
        >
          <Stack gap={6} align="flex-start">
            <Text size="sm">
              A secret scanner found {leakedWorking === 1 ? 'it' : 'them'} in public and {leakedWorking === 1 ? 'it was' : 'they were'} only flagged: anyone
              who found {leakedWorking === 1 ? 'it' : 'them'} can use {leakedWorking === 1 ? 'it' : 'them'}. Rotate or revoke {leakedWorking === 1 ? 'it' : 'them'} now.
            </Text>
            {leakedOnly ? null : (
              <Button size="xs" variant="white" color="red" component="a" href={leakedHref} onClick={(e: React.MouseEvent) => (e.preventDefault(), navigate(leakedHref))}>
                Show the leaked keys
              </Button>
            )}
          </Stack>
        </Alert>
      ) : null}
      {leakedStopped > 0 ? (
        <Alert color="gray" role="status" title={leakedStopped === 1 ? '1 leaked key no longer works' : `${leakedStopped} leaked keys no longer work`}>
          <Group gap="xs">
            <Text size="sm">
              {leakedStopped === 1 ? 'It was' : 'They were'} revoked (or expired) after a secret scanner found {leakedStopped === 1 ? 'it' : 'them'} in public:
              nothing to do, unless something still needs a replacement.
            </Text>
            {leakedOnly || leakedWorking > 0 ? null : (
              <Link to={leakedHref}>Show the leaked keys</Link>
            )}
          </Group>
        </Alert>
      ) : null}
      {org.viewerRole && !org.viewerCan.manageKeys ? (
        <Text size="sm" c="dimmed">
          You are a member: keys are read-only for you.
        </Text>
      ) : null}
      {project ? (
        <Text size="sm">
          Organization keys that reach this project are listed as inherited and managed on the{' '}
          <Link to={`/orgs/${org.slug}/api-keys`}>organization’s API keys page</Link>.
        </Text>
      ) : null}
      <Group align="flex-end" role="search">
        <TextInput label="Search" placeholder="Name or prefix" value={search} onChange={(e) => (setSearch(e.currentTarget.value), setPage({}))} />
        <Select label="Status" placeholder="Any" clearable data={(Object.keys(STATUS_WORDS) as ApiKeyStatus[]).map((value) => ({ value, label: STATUS_WORDS[value] }))} value={status} onChange={(v) => (setStatus(v), setPage({}))} w={140} />
        <Select label="Level" placeholder="Any" clearable data={[
            { value: 'ORGANIZATION', label: LEVEL_WORDS.ORGANIZATION },
            { value: 'PROJECT', label: LEVEL_WORDS.PROJECT },
          ]} value={level} onChange={(v) => (setLevel(v), setPage({}))} w={160} />
        {!project ? (
          <Select
            label="Project"
            placeholder="Any"
            clearable
            data={projects.map((p) => ({ value: p.id, label: p.name }))}
            value={projectFilter}
            onChange={(v) => (setProjectFilter(v), setPage({}))}
            w={180}
          />
        ) : null}
        <Select
          label="Sort by"
          data={[
            { value: 'CREATED_AT', label: 'Created' },
            { value: 'NAME', label: 'Name' },
            { value: 'EXPIRES_AT', label: 'Expiry' },
            { value: 'LAST_USED_AT', label: 'Last used' },
          ]}
          value={orderField}
          allowDeselect={false}
          onChange={(v) => v && (setOrderField(v as ApiKeyOrderField), setPage({}))}
          w={140}
        />
        <Select
          label="Order"
          data={[
            { value: 'DESC', label: 'Descending' },
            { value: 'ASC', label: 'Ascending' },
          ]}
          value={direction}
          allowDeselect={false}
          onChange={(v) => v && (setDirection(v as OrderDirection), setPage({}))}
          w={140}
        />
        <Checkbox
          mb={8}
          label="Leaked only"
          checked={leakedOnly}
          onChange={(e) => (navigate(e.currentTarget.checked ? leakedHref : location.pathname, { replace: true }), setPage({}))}
        />
        {manage ? (
          <Button color="red" variant="light" disabled={selected.size === 0} onClick={() => setBulkConfirm(true)}>
            Delete selected
          </Button>
        ) : null}
      </Group>
      {/* Narrow screens scroll the table sideways (a visible scrollbar); the actions stay pinned at its right edge. */}
      <Table.ScrollContainer minWidth={1150} type="native">
        <Table striped highlightOnHover aria-label="API keys">
          <Table.Thead>
            <Table.Tr>
              {manage ? (
                <Table.Th>
                  <Checkbox
                    aria-label="Select all keys on this page"
                    checked={selectable.length > 0 && selectable.every((r) => selected.has(r.key.id))}
                    onChange={(e) => setSelected(e.currentTarget.checked ? new Set(selectable.map((r) => r.key.id)) : new Set())}
                  />
                </Table.Th>
              ) : null}
              <Table.Th>Name</Table.Th>
              <Table.Th>Prefix</Table.Th>
              <Table.Th>Level / project</Table.Th>
              <Table.Th>Access</Table.Th>
              <Table.Th>Permissions</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th>Usage</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th className={STICKY_END}>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={12}>
                  {filtered ? (
                    <Text c="dimmed">No keys match these filters.</Text>
                  ) : (
                    <Text c="dimmed">No keys yet{manage ? ': “Create API key” makes the first one.' : '.'}</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ) : null}
            {rows.map(({ key, inherited, canManage }) => (
              <Table.Tr key={key.id} data-testid="key-row">
                {manage ? (
                  <Table.Td>
                    {canManage ? (
                      <Checkbox
                        aria-label={`Select ${key.name}`}
                        checked={selected.has(key.id)}
                        onChange={(e) => {
                          const next = new Set(selected);
                          if (e.currentTarget.checked) next.add(key.id);
                          else next.delete(key.id);
                          setSelected(next);
                        }}
                      />
                    ) : null}
                  </Table.Td>
                ) : null}
                <Table.Td>
                  <Link to={`/orgs/${org.slug}/api-keys/${encodeURIComponent(key.id)}`}>{key.name}</Link>
                  {inherited ? (
                    <Text size="xs" c="grape.9" fw={600}>
                      Inherited from organization
                    </Text>
                  ) : null}
                  <RotationNote apiKey={key} slug={org.slug} />
                </Table.Td>
                <Table.Td>
                  <Text ff="monospace" size="sm">
                    {key.prefix}
                  </Text>
                </Table.Td>
                <Table.Td>{key.level === 'PROJECT' ? `Project: ${key.project?.name ?? '—'}` : 'Organization'}</Table.Td>
                <Table.Td>
                  {key.level === 'PROJECT' ? key.project?.name : key.projectAccess.all ? 'All projects' : key.projectAccess.projects.map((p) => p.name).join(', ') || 'No projects'}
                </Table.Td>
                <Table.Td>
                  <PermissionSummary permissions={key.permissions} />
                </Table.Td>
                <Table.Td style={{ minWidth: 104 }}>
                  <Stack gap={4} align="flex-start">
                    <Badge color={STATUS_COLOR[key.status]} variant="light" tt="none">
                      {STATUS_WORDS[key.status]}
                    </Badge>
                    {key.leak ? (
                      <Badge color="red" variant="filled" title={`Reported ${formatDate(key.leak.reportedAt)}`}>
                        Leaked
                      </Badge>
                    ) : null}
                  </Stack>
                </Table.Td>
                <Table.Td>{key.graceEndsAt ? `grace until ${formatDate(key.graceEndsAt)}` : key.expiresAt ? formatDate(key.expiresAt) : 'Never'}</Table.Td>
                <Table.Td>{key.lastUsedAt ? formatDate(key.lastUsedAt) : 'Never'}</Table.Td>
                <Table.Td>{key.usageCount}</Table.Td>
                <Table.Td>{key.owner ? (key.owner.email ?? key.owner.name ?? '—') : 'The organization'}</Table.Td>
                <Table.Td className={STICKY_END}>
                  {inherited ? (
                    <Link to={`/orgs/${org.slug}/api-keys`}>Manage on organization page</Link>
                  ) : canManage && manage ? (
                    <Group gap={4} w={132}>
                      <Button size="compact-xs" variant="default" onClick={() => setEditing(key)}>
                        Edit
                      </Button>
                      <Button size="compact-xs" variant="default" onClick={() => setRotating(key)} disabled={key.status === 'REVOKED' || !!key.graceEndsAt}>
                        Rotate
                      </Button>
                      <Button size="compact-xs" variant="light" color="red" onClick={() => setRevoking(key)} disabled={key.status === 'REVOKED'}>
                        Revoke
                      </Button>
                      <Button size="compact-xs" variant="filled" color="red" onClick={() => setDeleting(key)}>
                        Delete
                      </Button>
                    </Group>
                  ) : (
                    <Text size="xs" c="dimmed">
                      Read-only
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {rows.length} {rows.length === 1 ? "key" : "keys"} on this page
        </Text>
        <Group>
          <Button variant="default" disabled={!connection.pageInfo.hasPreviousPage || !connection.pageInfo.startCursor} onClick={() => (setPage({ before: connection.pageInfo.startCursor! }), window.scrollTo(0, 0))}>
            Previous page
          </Button>
          <Button variant="default" disabled={!connection.pageInfo.hasNextPage} onClick={() => (setPage({ after: connection.pageInfo.endCursor ?? undefined }), window.scrollTo(0, 0))}>
            Next page
          </Button>
        </Group>
      </Group>

      {creating ? (
        <CreateKeyDialog
          org={org}
          projects={projects}
          project={project ?? undefined}
          onClose={() => setCreating(false)}
          onCreated={(value, keyId) => {
            setCreating(false);
            setSecret({ value, title: 'Your new API key', keyId });
            refetch();
          }}
        />
      ) : null}
      <SecretDialog secret={secret?.value ?? null} title={secret?.title ?? ''} onClose={() => setSecret(null)}>
        {secret ? <UseThisKey keyId={secret.keyId} secret={secret.value} /> : null}
      </SecretDialog>
      {editing ? <EditKeyDialog key={editing.id} apiKey={editing} org={org} projects={projects} onClose={() => (setEditing(null), refetch())} /> : null}
      {rotating ? (
        <RotateKeyDialog
          apiKey={rotating}
          onClose={() => setRotating(null)}
          onRotated={(value, keyId) => {
            setRotating(null);
            setSecret({ value, title: 'Your rotated API key', keyId });
            refetch();
          }}
        />
      ) : null}
      {revoking ? <RevokeKeyDialog apiKey={revoking} onClose={() => (setRevoking(null), refetch())} /> : null}
      {deleting ? <DeleteKeyDialog apiKey={deleting} onClose={() => (setDeleting(null), refetch())} /> : null}
      {bulkConfirm ? (
        <DeleteKeysDialog
          ids={[...selected]}
          names={names}
          onClose={() => setBulkConfirm(false)}
          onDeleted={() => {
            setBulkConfirm(false);
            setSelected(new Set());
            refetch();
          }}
        />
      ) : null}
    </Stack>
  );
}
