import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { issueFor } from '../ui/errors.tsx';
import { MutationFailureAlert, typedError, useMutation } from '../ui/mutation.tsx';
import { UpdateWorkflow } from './documents.ts';

type Workflow = { id: string; name: string; slug: string };

/** Renames a workflow or changes its slug (its id, which keys and integrations use, stays). */
export function RenameWorkflowDialog({ workflow, onClose }: { workflow: Workflow; onClose: (changed: boolean) => void }) {
  const form = useForm({ initialValues: { name: workflow.name, slug: workflow.slug } });
  const update = useMutation(UpdateWorkflow, (d) => d.updateWorkflow, { additionalTypenames: ['Workflow'] });
  const failure = typedError(update.failure);
  async function submit(v: typeof form.values) {
    const changes = { ...(v.name.trim() !== workflow.name ? { name: v.name.trim() } : {}), ...(v.slug.trim() !== workflow.slug ? { slug: v.slug.trim() } : {}) };
    if ((await update.run({ input: { id: workflow.id, ...changes } })) !== null) onClose(true);
  }
  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close dialog' }} opened onClose={() => onClose(false)} title={`Rename “${workflow.name}”`}>
      <form onSubmit={form.onSubmit(submit)}>
        <Stack>
          <TextInput label="Workflow name" required data-autofocus {...form.getInputProps('name')} error={issueFor(failure, 'name')} />
          <TextInput label="Workflow slug" required {...form.getInputProps('slug')} error={issueFor(failure, 'slug')} />
          <MutationFailureAlert failure={update.failure} fields={['name', 'slug']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => onClose(false)}>
              Cancel
            </Button>
            <Button type="submit" loading={update.busy}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
