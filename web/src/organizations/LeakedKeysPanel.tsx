import { useState } from 'react';
import { Alert, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import type { LeakedKeyAction } from '../gql/graphql.ts';
import { MutationFailureAlert, useMutation } from '../ui/mutation.tsx';
import { UpdateOrganization } from './documents.ts';

/** The organization's choices for keys a secret scanner finds in public, in words. */
const LEAKED_KEY_ACTIONS: Record<LeakedKeyAction, { label: string; description: string }> = {
  REVOKE: { label: 'Revoke the key at once (recommended)', description: 'It stops working on its next request; whatever uses it needs a new key.' },
  FLAG: { label: 'Only flag the key', description: 'It is marked “Leaked” and keeps working until someone rotates or revokes it.' },
};

export function LeakedKeysPanel({ org, canChange }: { org: { id: string; leakedKeyAction: LeakedKeyAction }; canChange: boolean }) {
  const update = useMutation(UpdateOrganization, (d) => d.updateOrganization);
  // Shown chosen at once, while the change is saved (back to the saved value if it is refused).
  const [pending, setPending] = useState<LeakedKeyAction | null>(null);
  // Said once the server has it, so nobody wonders whether a click on a radio button was enough.
  const [saved, setSaved] = useState<LeakedKeyAction | null>(null);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        Leaked keys
      </Title>
      {canChange ? (
        <Radio.Group
          label="When a secret scanner finds one of this organization’s keys in public"
          value={pending ?? org.leakedKeyAction}
          onChange={async (value) => {
            setPending(value as LeakedKeyAction);
            setSaved(null);
            if (await update.run({ input: { id: org.id, leakedKeyAction: value as LeakedKeyAction } })) setSaved(value as LeakedKeyAction);
            else setPending(null);
          }}
        >
          <Stack gap="xs" mt={6}>
            {(Object.keys(LEAKED_KEY_ACTIONS) as LeakedKeyAction[]).map((action) => (
              <Radio key={action} value={action} label={LEAKED_KEY_ACTIONS[action].label} description={LEAKED_KEY_ACTIONS[action].description} />
            ))}
          </Stack>
        </Radio.Group>
      ) : (
        <Text size="sm">
          When a secret scanner finds one of this organization’s keys in public: {LEAKED_KEY_ACTIONS[org.leakedKeyAction].label.toLowerCase()}. Owners and
          admins change this.
        </Text>
      )}
      <MutationFailureAlert failure={update.failure} />
      {saved ? (
        <Alert color="green" role="status" mt="sm" withCloseButton closeButtonLabel="Dismiss" onClose={() => setSaved(null)}>
          Saved: {LEAKED_KEY_ACTIONS[saved].label.replace(' (recommended)', '').toLowerCase()} from now on.
        </Alert>
      ) : null}
    </Paper>
  );
}
