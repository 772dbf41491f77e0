import { useCallback, useEffect, useMemo, useState } from 'react';
import { Checkbox, Group, MultiSelect, Radio, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from 'urql';
import type { MemberRole } from '../gql/graphql.ts';
import {
  PRESETS,
  draftProblem,
  fitToKey,
  grantBlocker,
  inCatalogOrder,
  matchingPreset,
  narrowableTo,
  permissionLabel,
  presetGrants,
  resourceTitle,
  resourcesOf,
  rowLevel,
  rowScope,
  setRow,
  type CatalogEntry,
  type GrantContext,
  type GrantDraft,
  type PresetId,
  type RowLevel,
} from './catalog.ts';
import { PermissionCatalogQuery, ProjectWorkflowsQuery } from './documents.ts';

type Option = { value: string; label: string };
type Project = { id: string; name: string; slug: string };
/** Workflow narrowing offers the workflows of at most this many projects (one small query each). */
const MAX_WORKFLOW_PROJECTS = 20;

/** The catalog and the roles' permission sets, as the server declares them. */
export function usePermissionCatalog(): { catalog: CatalogEntry[]; roles: Map<MemberRole, Set<string>> } | null {
  const [{ data }] = useQuery({ query: PermissionCatalogQuery });
  return useMemo(
    () =>
      data
        ? { catalog: data.availablePermissions, roles: new Map(data.rolePermissions.map((r) => [r.role, new Set(r.permissions)])) }
        : null,
    [data],
  );
}

/** Loads one project's workflows (one small query each keeps every request inside the API's cost limit). */
function ProjectWorkflows({ slug, project, onLoad }: { slug: string; project: Project; onLoad: (id: string, options: Option[]) => void }) {
  const [{ data }] = useQuery({ query: ProjectWorkflowsQuery, variables: { slug, project: project.slug } });
  const edges = data?.organization?.project?.workflows.edges;
  useEffect(() => {
    if (edges) onLoad(project.id, edges.map((e) => ({ value: e.node.id, label: `${project.name} / ${e.node.name}` })));
  }, [edges, project, onLoad]);
  return null;
}

/**
 * What a key may do: presets first, then a custom matrix of resources × none/read/write, each row narrowable to
 * projects or workflows where its permissions allow. What this person may not grant to this key is disabled with the
 * reason. `problem` is the editor's own objection to the current value (shown before the server is asked).
 */
export function PermissionEditor({
  slug,
  role,
  projectKey,
  projects,
  value,
  onChange,
  error,
}: {
  slug: string;
  role: MemberRole | null;
  projectKey: boolean;
  /** The projects the key reaches. */
  projects: Project[];
  value: GrantDraft[];
  onChange: (grants: GrantDraft[]) => void;
  /** The server's objection to the permissions, if any. */
  error?: string;
}) {
  const loaded = usePermissionCatalog();
  const [custom, setCustom] = useState<boolean | null>(null);
  const [byProject, setByProject] = useState<Record<string, Option[]>>({});
  const onLoad = useCallback((id: string, options: Option[]) => setByProject((prev) => (prev[id] === options ? prev : { ...prev, [id]: options })), []);
  // A change of key level or project access can leave grants the key can no longer hold: they are dropped here, in
  // view, rather than refused by the server on submit.
  const reach = projectKey ? null : new Set(projects.map((p) => p.id));
  const fitted = loaded ? fitToKey(value, { role, roles: loaded.roles, projectKey }, loaded.catalog, reach) : value;
  const changed = fitted !== value;
  useEffect(() => {
    if (changed) onChange(fitted);
  }, [changed, fitted, onChange]);
  if (!loaded) return <Text size="sm">Loading permissions…</Text>;
  const { catalog, roles } = loaded;
  const context: GrantContext = { role, roles, projectKey };
  const preset = matchingPreset(value, catalog, context);
  // Custom stays chosen once picked, even when the matrix happens to match a preset again.
  const mode = custom || (custom === null && !preset) ? 'custom' : (preset ?? 'custom');
  const shown = projects.slice(0, MAX_WORKFLOW_PROJECTS);
  const workflows = shown.flatMap((p) => byProject[p.id] ?? []);
  const narrowing = { projects: !projectKey && projects.length > 1 ? projects.map((p) => ({ value: p.id, label: p.name })) : [], workflows };
  const blocked = catalog.filter((e) => grantBlocker(e, context));
  const problem = draftProblem(value, catalog);

  return (
    <Stack gap="xs">
      {shown.map((p) => (
        <ProjectWorkflows key={p.id} slug={slug} project={p} onLoad={onLoad} />
      ))}
      <Radio.Group
        label="Permissions"
        value={mode}
        onChange={(next) => {
          if (next === 'custom') return setCustom(true);
          setCustom(false);
          onChange(presetGrants(next as PresetId, catalog, context));
        }}
      >
        <Stack gap={6} mt={4}>
          {PRESETS.map((p) => (
            <Radio key={p.id} value={p.id} label={p.label} description={p.description} />
          ))}
          <Radio value="custom" label="Custom" description="Choose per resource, and narrow to projects or workflows." />
        </Stack>
      </Radio.Group>
      {mode === 'custom' ? (
        <PermissionMatrix catalog={catalog} context={context} value={value} onChange={(next) => onChange(inCatalogOrder(next, catalog))} narrowing={narrowing} />
      ) : (
        <Text size="sm" data-testid="preset-permissions">
          This key may: {value.map((g) => permissionLabel(g.permission)).join(', ') || 'nothing'}.
        </Text>
      )}
      {mode !== 'custom' && blocked.length ? (
        <Text size="xs" c="dimmed">
          Left out: {[...new Set(blocked.map((e) => grantBlocker(e, context)))].join('; ')}.
        </Text>
      ) : null}
      {error || problem ? (
        <Text c="red" size="sm" role="alert">
          {error ?? problem}
        </Text>
      ) : null}
    </Stack>
  );
}

function PermissionMatrix({
  catalog,
  context,
  value,
  onChange,
  narrowing,
}: {
  catalog: CatalogEntry[];
  context: GrantContext;
  value: GrantDraft[];
  onChange: (grants: GrantDraft[]) => void;
  narrowing: { projects: Option[]; workflows: Option[] };
}) {
  const canNarrow = narrowing.projects.length > 0 || narrowing.workflows.length > 0;
  return (
    <Table aria-label="Custom permissions" verticalSpacing={6} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={130}>Resource</Table.Th>
          <Table.Th>Access</Table.Th>
          {canNarrow ? <Table.Th w={240}>Applies to</Table.Th> : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {resourcesOf(catalog).map(({ resource, permissions }) => (
          <MatrixRow key={resource} resource={resource} permissions={permissions} context={context} value={value} onChange={onChange} narrowing={canNarrow ? narrowing : null} />
        ))}
      </Table.Tbody>
    </Table>
  );
}

function MatrixRow({
  resource,
  permissions,
  context,
  value,
  onChange,
  narrowing,
}: {
  resource: string;
  permissions: CatalogEntry[];
  context: GrantContext;
  value: GrantDraft[];
  onChange: (grants: GrantDraft[]) => void;
  narrowing: { projects: Option[]; workflows: Option[] } | null;
}) {
  const title = resourceTitle(resource);
  const level = rowLevel(permissions, value);
  const scope = rowScope(permissions, value);
  const reads = permissions.filter((e) => e.action === 'read');
  const writes = permissions.filter((e) => e.action !== 'read');
  const allowed = permissions.filter((e) => !grantBlocker(e, context));
  const held = permissions.filter((e) => value.some((g) => g.permission === e.name)).map((e) => e.name);
  // One reason for the row when nothing in it can be granted, else next to each action that cannot.
  const rowReason = allowed.length ? null : grantBlocker(permissions[0]!, context);
  const set = (names: string[], nextScope = scope) => onChange(setRow(value, permissions, names, nextScope));
  const choose = (next: RowLevel) =>
    set(next === 'none' ? [] : next === 'read' ? reads.filter((e) => allowed.includes(e)).map((e) => e.name) : allowed.map((e) => e.name));
  const heldEntries = permissions.filter((e) => held.includes(e.name));
  const can = narrowableTo(heldEntries);

  return (
    <Table.Tr data-testid="permission-row">
      <Table.Th scope="row" style={{ verticalAlign: 'top' }}>
        {title}
      </Table.Th>
      <Table.Td>
        <Radio.Group
          // The row header shows the resource; the group's name repeats it for screen readers (Mantine names the group by its label).
          label={<VisuallyHidden>{title} access</VisuallyHidden>}
          value={level}
          onChange={(v) => choose(v as RowLevel)}
          description={rowReason}
        >
          <Group gap="md" wrap="nowrap" mt={rowReason ? 4 : 0}>
            <Radio value="none" label="None" disabled={!!rowReason} />
            {reads.length ? <Radio value="read" label="Read" disabled={reads.every((e) => grantBlocker(e, context))} /> : null}
            {writes.length ? <Radio value="write" label="Write" disabled={writes.every((e) => grantBlocker(e, context))} /> : null}
          </Group>
        </Radio.Group>
        {level === 'write' && permissions.length > 1 ? (
          <Stack gap={4} mt={6} role="group" aria-label={`${title} actions`}>
            {permissions.map((e) => {
              const reason = grantBlocker(e, context);
              const impliedBy = heldEntries.find((h) => h.implies.includes(e.name));
              return (
                <Checkbox
                  key={e.name}
                  size="xs"
                  label={permissionLabel(e.name)}
                  description={reason ?? (impliedBy ? `Included with ${permissionLabel(impliedBy.name)}` : undefined)}
                  checked={held.includes(e.name)}
                  disabled={!!reason || !!impliedBy}
                  onChange={(ev) => set(ev.currentTarget.checked ? [...held, e.name] : held.filter((n) => n !== e.name))}
                />
              );
            })}
          </Stack>
        ) : null}
      </Table.Td>
      {narrowing ? (
        <Table.Td style={{ verticalAlign: 'top' }}>
          {level === 'none' ? null : (
            <Stack gap={4}>
              <Select
                size="xs"
                aria-label={`${title}: applies to`}
                allowDeselect={false}
                value={scope.workflowIds ? 'workflows' : scope.projectIds ? 'projects' : 'all'}
                data={[
                  { value: 'all', label: 'Everything the key reaches' },
                  ...(narrowing.projects.length ? [{ value: 'projects', label: 'Selected projects', disabled: !can.projects }] : []),
                  ...(narrowing.workflows.length ? [{ value: 'workflows', label: 'Selected workflows', disabled: !can.workflows }] : []),
                ]}
                onChange={(v) => set(held, { projectIds: v === 'projects' ? [] : null, workflowIds: v === 'workflows' ? [] : null })}
              />
              {!can.projects && (narrowing.projects.length || narrowing.workflows.length) ? (
                <Text size="xs" c="dimmed">
                  {heldEntries.filter((e) => !e.levels.includes('PROJECT')).map((e) => permissionLabel(e.name)).join(', ')} applies to the whole organization.
                </Text>
              ) : null}
              {scope.projectIds ? (
                <MultiSelect size="xs" aria-label={`${title}: projects`} placeholder="Choose projects" data={narrowing.projects} value={scope.projectIds} onChange={(ids) => set(held, { projectIds: ids, workflowIds: null })} />
              ) : null}
              {scope.workflowIds ? (
                <MultiSelect
                  size="xs"
                  aria-label={`${title}: workflows`}
                  placeholder="Choose workflows"
                  data={narrowing.workflows}
                  value={scope.workflowIds}
                  onChange={(ids) => set(held, { projectIds: null, workflowIds: ids })}
                  searchable
                />
              ) : null}
            </Stack>
          )}
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}
