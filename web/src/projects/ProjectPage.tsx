import { Alert, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { ExecutionsTable } from '../executions/ExecutionsTable.tsx';
import { Link } from '../lib/router.tsx';
import { CopyId } from '../ui/CopyId.tsx';
import { RequestErrorAlert } from '../ui/errors.tsx';
import { ProjectQuery } from './documents.ts';
import { WorkflowsPanel } from './WorkflowsPanel.tsx';

const CONTEXT = { additionalTypenames: ['Workflow', 'WorkflowExecution'] };

/** A project: its id, its workflows (what keys trigger) and its latest executions (what the keys started). */
export function ProjectPage({ slug, projectSlug }: { slug: string; projectSlug: string }) {
  const [{ data, error, fetching }, refetch] = useQuery({ query: ProjectQuery, variables: { slug, project: projectSlug }, context: CONTEXT });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (error) return <RequestErrorAlert error={error} onRetry={reload} />;
  if (fetching && !data) return <Text>Loading…</Text>;
  const org = data?.organization;
  if (!org) return <Alert color="yellow" title="Organization not found">There is no organization “{slug}” for you. <Link to="/">Back to your organizations</Link></Alert>;
  const project = org.project;
  if (!project) return <Alert color="yellow" title="Project not found">There is no project “{projectSlug}” in {org.name}. <Link to={`/orgs/${org.slug}`}>Back to {org.name}</Link></Alert>;
  const workflows = project.workflows.edges.map((e) => e.node);
  const names = new Map(workflows.map((w) => [w.id, w.name]));
  const executions = project.executions;
  return (
    <Stack>
      <div>
        <Text size="sm" c="dimmed">
          <Link to={`/orgs/${org.slug}`}>{org.name}</Link> / Projects
        </Text>
        <Title order={1}>{project.name}</Title>
      </div>
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          Project id:
        </Text>
        <CopyId label="project id" id={project.id} />
      </Group>
      <Group>
        <Link to={`/orgs/${org.slug}/projects/${project.slug}/api-keys`}>API keys of {project.name}</Link>
      </Group>
      <WorkflowsPanel projectId={project.id} workflows={workflows} canManage={org.viewerCan.manageWorkflows} onChanged={reload} />
      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            Executions
          </Title>
          {executions ? (
            <Text size="sm" c="dimmed">
              {executions.totalCount > executions.edges.length ? `The latest ${executions.edges.length} of ${executions.totalCount}` : `${executions.totalCount} in all`}
            </Text>
          ) : null}
        </Group>
        {executions ? (
          <ExecutionsTable
            label="Executions"
            executions={executions.edges.map((e) => e.node)}
            workflowName={(id) => names.get(id)}
            empty="No executions yet: a key with “Trigger workflows” starts one with triggerWorkflow."
          />
        ) : (
          <Text size="sm" c="dimmed">
            Your role does not show this project’s executions.
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
