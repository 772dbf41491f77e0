import { useCallback, useEffect, useState } from 'react';
import { Checkbox, MultiSelect, Stack, Text } from '@mantine/core';
import { useQuery } from 'urql';
import type { ApiKeyScope } from '../gql/graphql.ts';
import { ProjectWorkflowsQuery } from './documents.ts';
import { SCOPES, type KeyOrg, type KeyProject, type Option, type ScopeChoice } from './key-form.ts';

/** Workflow narrowing offers the workflows of at most this many projects. */
const MAX_WORKFLOW_PROJECTS = 20;

/** Loads one project's workflows (one small query each keeps every request inside the API's cost limit). */
function ProjectWorkflows({ slug, project, onLoad }: { slug: string; project: KeyProject; onLoad: (id: string, options: Option[]) => void }) {
  const [{ data }] = useQuery({ query: ProjectWorkflowsQuery, variables: { slug, project: project.slug } });
  const edges = data?.organization?.project?.workflows.edges;
  useEffect(() => {
    if (edges) onLoad(project.id, edges.map((e) => ({ value: e.node.id, label: `${project.name} / ${e.node.name}` })));
  }, [edges, project, onLoad]);
  return null;
}

/** The scopes of a new key, each optionally narrowed to some workflows of the projects the key reaches. */
export function ScopePicker({
  org,
  value,
  onChange,
  projects,
  error,
}: {
  org: KeyOrg;
  value: ScopeChoice;
  onChange: (next: ScopeChoice) => void;
  projects: KeyProject[];
  error?: string;
}) {
  const [byProject, setByProject] = useState<Record<string, Option[]>>({});
  const onLoad = useCallback((id: string, options: Option[]) => setByProject((prev) => (prev[id] === options ? prev : { ...prev, [id]: options })), []);
  const shown = projects.slice(0, MAX_WORKFLOW_PROJECTS);
  const workflows = shown.flatMap((p) => byProject[p.id] ?? []);
  const toggle = (scope: ApiKeyScope, on: boolean) => {
    const next = { ...value };
    if (on) next[scope] = [];
    else delete next[scope];
    onChange(next);
  };
  return (
    <Stack gap="xs" role="group" aria-label="Scopes">
      {shown.map((p) => (
        <ProjectWorkflows key={p.id} slug={org.slug} project={p} onLoad={onLoad} />
      ))}
      <Text size="sm" fw={500}>
        Scopes
      </Text>
      {SCOPES.map(({ scope, label }) => (
        <Stack key={scope} gap={4}>
          <Checkbox label={label} checked={!!value[scope]} onChange={(e) => toggle(scope, e.currentTarget.checked)} />
          {value[scope] && workflows.length ? (
            <MultiSelect
              ml="lg"
              label={`${label}: only these workflows (optional)`}
              placeholder="Every workflow the key reaches"
              data={workflows}
              value={value[scope]}
              onChange={(ids) => onChange({ ...value, [scope]: ids })}
              searchable
            />
          ) : null}
        </Stack>
      ))}
      {error ? (
        <Text c="red" size="sm">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
