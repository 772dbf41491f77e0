import { Text } from '@mantine/core';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { useMutation } from '../ui/mutation.tsx';
import { DeleteWorkflow } from './documents.ts';

export function DeleteWorkflowDialog({ workflow, onClose }: { workflow: { id: string; name: string }; onClose: (deleted: boolean) => void }) {
  const remove = useMutation(DeleteWorkflow, (d) => d.deleteWorkflow, { additionalTypenames: ['Workflow', 'WorkflowExecution'] });
  return (
    <ConfirmDialog
      title={`Delete “${workflow.name}”?`}
      action="Delete workflow"
      busy={remove.busy}
      failure={remove.failure}
      onClose={() => onClose(false)}
      onConfirm={async () => (await remove.run({ input: { id: workflow.id } })) && onClose(true)}
    >
      <Text size="sm">
        The workflow and all its executions are deleted. Keys that trigger it get “not found” from then on. This cannot be undone.
      </Text>
    </ConfirmDialog>
  );
}
