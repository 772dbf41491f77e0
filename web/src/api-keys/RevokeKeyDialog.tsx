import { Text } from '@mantine/core';
import type { ConsoleKeyRowFragment } from '../gql/graphql.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { useMutation } from '../ui/mutation.tsx';
import { RevokeKey } from './documents.ts';

export function RevokeKeyDialog({ apiKey, onClose }: { apiKey: ConsoleKeyRowFragment; onClose: () => void }) {
  const revoke = useMutation(RevokeKey, (d) => d.revokeApiKey, { additionalTypenames: ['ApiKey'] });
  return (
    <ConfirmDialog
      title={`Revoke “${apiKey.name}”?`}
      action="Revoke key"
      busy={revoke.busy}
      failure={revoke.failure}
      onClose={onClose}
      onConfirm={async () => (await revoke.run({ input: { id: apiKey.id } })) && onClose()}
    >
      <Text size="sm">
        Revoking is irreversible: the key stops working on its next request and cannot be switched on again. It stays listed as revoked.
      </Text>
    </ConfirmDialog>
  );
}
