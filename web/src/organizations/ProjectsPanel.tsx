import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link } from '../lib/router.tsx';
import { issueFor } from '../ui/errors.tsx';
import { MutationFailureAlert, typedError, useMutation } from '../ui/mutation.tsx';
import { CreateProject } from './documents.ts';

type Project = { id: string; name: string; slug: string };

/** The organization's projects with links to their pages (workflows, executions) and keys, and (for those who may) a form to create one. */
export function ProjectsPanel({
  org,
  projects,
  canCreate,
  onChanged,
}: {
  org: { id: string; slug: string };
  projects: Project[];
  canCreate: boolean;
  onChanged: () => void;
}) {
  const form = useForm({ initialValues: { name: '', slug: '' } });
  const create = useMutation(CreateProject, (d) => d.createProject);
  const failure = typedError(create.failure);

  async function submit(v: typeof form.values) {
    const payload = await create.run({ input: { organizationId: org.id, name: v.name.trim(), slug: v.slug.trim() } });
    if (payload?.__typename === 'ProjectPayload') {
      form.reset();
      onChanged();
    }
  }

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          Projects
        </Title>
        <Table aria-label="Projects">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Project</Table.Th>
              <Table.Th>Keys</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {projects.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Link to={`/orgs/${org.slug}/projects/${p.slug}`}>{p.name}</Link> <Text span c="dimmed" size="sm">({p.slug})</Text>
                </Table.Td>
                <Table.Td>
                  <Link to={`/orgs/${org.slug}/projects/${p.slug}/api-keys`}>API keys of {p.name}</Link>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {canCreate ? (
          <form onSubmit={form.onSubmit(submit)} aria-label="Create a project">
            <Group align="flex-end">
              <TextInput label="Project name" required {...form.getInputProps('name')} error={issueFor(failure, 'name')} />
              <TextInput label="Project slug" required {...form.getInputProps('slug')} error={issueFor(failure, 'slug')} />
              <Button type="submit" loading={create.busy}>
                Create project
              </Button>
            </Group>
            <MutationFailureAlert failure={create.failure} fields={['name', 'slug']} />
          </form>
        ) : null}
      </Stack>
    </Paper>
  );
}
