import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { MutationFailureAlert, typedError, useMutation } from '../ui/mutation.tsx';
import { DeleteKeys } from './documents.ts';

/** Bulk delete: all or nothing. When one key cannot be deleted, the dialog stays open and names each refused key. */
export function DeleteKeysDialog({ ids, names, onClose, onDeleted }: { ids: string[]; names: Map<string, string>; onClose: () => void; onDeleted: () => void }) {
  const remove = useMutation(DeleteKeys, (d) => d.deleteApiKeys, { additionalTypenames: ['ApiKey'] });
  const failures = typedError(remove.failure)?.failures ?? [];
  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close dialog' }} opened onClose={onClose} title={`Delete ${ids.length} keys?`}>
      <Stack>
        <Text size="sm">All selected keys stop working immediately. If any one cannot be deleted, none is, and you will see why.</Text>
        <MutationFailureAlert failure={remove.failure} />
        {failures.length ? (
          <List size="sm" aria-label="Keys that could not be deleted">
            {failures.map((f) => (
              <List.Item key={f.id}>
                {names.get(f.id) ?? f.id}: {f.message}
              </List.Item>
            ))}
          </List>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button color="red" loading={remove.busy} onClick={async () => (await remove.run({ input: { ids } })) && onDeleted()}>
            Delete {ids.length} keys
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
