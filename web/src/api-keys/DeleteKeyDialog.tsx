import { Alert, Text } from '@mantine/core';
import type { ConsoleKeyRowFragment } from '../gql/graphql.ts';
import { formatDate } from '../lib/format.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { useMutation } from '../ui/mutation.tsx';
import { DeleteKey } from './documents.ts';
import { DAY } from './key-form.ts';

export function DeleteKeyDialog({ apiKey, onClose, onDeleted = onClose }: { apiKey: ConsoleKeyRowFragment; onClose: () => void; onDeleted?: () => void }) {
  const remove = useMutation(DeleteKey, (d) => d.deleteApiKey, { additionalTypenames: ['ApiKey'] });
  const recentlyUsed = apiKey.lastUsedAt && Date.now() - Date.parse(apiKey.lastUsedAt) < 7 * DAY;
  return (
    <ConfirmDialog
      title={`Delete “${apiKey.name}”?`}
      action="Delete key"
      busy={remove.busy}
      failure={remove.failure}
      onClose={onClose}
      onConfirm={async () => (await remove.run({ input: { id: apiKey.id } })) && onDeleted()}
    >
      {recentlyUsed ? (
        <Alert color="orange" title="This key is in use">
          It was last used {formatDate(apiKey.lastUsedAt)}. Whatever uses it will get 401 on its next request.
        </Alert>
      ) : null}
      <Text size="sm">The key stops working immediately and disappears from the list. This cannot be undone.</Text>
    </ConfirmDialog>
  );
}
