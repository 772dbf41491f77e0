import { useState } from 'react';
import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { formatDate } from '../lib/format.ts';
import { CopyId } from '../ui/CopyId.tsx';
import { issueFor } from '../ui/errors.tsx';
import { MutationFailureAlert, typedError, useMutation } from '../ui/mutation.tsx';
import { DeleteWorkflowDialog } from './DeleteWorkflowDialog.tsx';
import { CreateWorkflow } from './documents.ts';
import { RenameWorkflowDialog } from './RenameWorkflowDialog.tsx';
import { STICKY_END } from '../ui/tables.ts';

type Workflow = { id: string; name: string; slug: string; createdAt: string };

/** A project's workflows with their ids (what `triggerWorkflow` takes); create, rename and delete for those allowed. */
export function WorkflowsPanel({
  projectId,
  workflows,
  canManage,
  onChanged,
}: {
  projectId: string;
  workflows: Workflow[];
  canManage: boolean;
  onChanged: () => void;
}) {
  const form = useForm({ initialValues: { name: '', slug: '' } });
  const create = useMutation(CreateWorkflow, (d) => d.createWorkflow, { additionalTypenames: ['Workflow'] });
  const failure = typedError(create.failure);
  const [renaming, setRenaming] = useState<Workflow | null>(null);
  const [deleting, setDeleting] = useState<Workflow | null>(null);

  async function submit(v: typeof form.values) {
    const payload = await create.run({ input: { projectId, name: v.name.trim(), slug: v.slug.trim() } });
    if (payload?.__typename === 'WorkflowPayload') {
      form.reset();
      onChanged();
    }
  }

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          Workflows
        </Title>
        {workflows.length === 0 ? (
          <Text size="sm" c="dimmed">
            No workflows yet.{canManage ? ' Create one below; API keys then trigger it by its id.' : ''}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table aria-label="Workflows">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Workflow</Table.Th>
                  <Table.Th>Id</Table.Th>
                  <Table.Th>Created</Table.Th>
                  {/* Pinned to the right edge while a phone scrolls the table sideways. */}
                  {canManage ? <Table.Th className={STICKY_END}>Actions</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {workflows.map((w) => (
                  <Table.Tr key={w.id} data-testid="workflow-row">
                    <Table.Td>
                      {w.name}{' '}
                      <Text span c="dimmed" size="sm">
                        ({w.slug})
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <CopyId label={`id of workflow ${w.name}`} id={w.id} />
                    </Table.Td>
                    <Table.Td>{formatDate(w.createdAt)}</Table.Td>
                    {canManage ? (
                      <Table.Td className={STICKY_END}>
                        <Group gap={4} wrap="nowrap">
                          <Button size="compact-xs" variant="default" onClick={() => setRenaming(w)} aria-label={`Rename ${w.name}`}>
                            Rename
                          </Button>
                          <Button size="compact-xs" variant="light" color="red" onClick={() => setDeleting(w)} aria-label={`Delete ${w.name}`}>
                            Delete
                          </Button>
                        </Group>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {canManage ? (
          <form onSubmit={form.onSubmit(submit)} aria-label="Create a workflow">
            <Group align="flex-start">
              <TextInput label="Workflow name" required {...form.getInputProps('name')} error={issueFor(failure, 'name')} />
              <TextInput label="Workflow slug" required {...form.getInputProps('slug')} error={issueFor(failure, 'slug')} />
              <Button type="submit" loading={create.busy} mt={25}>
                Create workflow
              </Button>
            </Group>
            <MutationFailureAlert failure={create.failure} fields={['name', 'slug']} />
          </form>
        ) : null}
      </Stack>
      {renaming ? <RenameWorkflowDialog workflow={renaming} onClose={(changed) => (setRenaming(null), changed && onChanged())} /> : null}
      {deleting ? <DeleteWorkflowDialog workflow={deleting} onClose={(deleted) => (setDeleting(null), deleted && onChanged())} /> : null}
    </Paper>
  );
}
