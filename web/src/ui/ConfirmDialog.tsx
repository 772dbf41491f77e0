import type { ReactNode } from 'react';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { MutationFailureAlert, type MutationFailure } from './mutation.tsx';

/**
 * A confirmation before a change that cannot be undone: what will happen, why it failed if it did, Cancel (focused)
 * and the action. The caller sends the change (`useMutation`) in `onConfirm` and closes the dialog only when it was
 * made: any failure stays on screen here.
 */
export function ConfirmDialog({
  title,
  action,
  onConfirm,
  busy,
  failure,
  onClose,
  children,
}: {
  title: string;
  action: string;
  onConfirm: () => void;
  busy: boolean;
  failure: MutationFailure | null;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close dialog' }} opened onClose={onClose} title={title}>
      <Stack>
        {children}
        <MutationFailureAlert failure={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button color="red" loading={busy} onClick={onConfirm}>
            {action}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
