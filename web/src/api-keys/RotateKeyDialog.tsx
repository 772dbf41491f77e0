import { Button, Group, Modal, NumberInput, Radio, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ConsoleKeyRowFragment } from '../gql/graphql.ts';
import { formatDate } from '../lib/format.ts';
import { MutationFailureAlert, useMutation } from '../ui/mutation.tsx';
import { RotateKey } from './documents.ts';
import { recentlyUsed } from './recently-used.ts';

export function RotateKeyDialog({ apiKey, onClose, onRotated }: { apiKey: ConsoleKeyRowFragment; onClose: () => void; onRotated: (secret: string, keyId: string) => void }) {
  // A key used in the last 24 hours is probably still deployed somewhere: by default it keeps working for 24 hours, so
  // that the new key can be rolled out before the old one stops.
  const usedRecently = recentlyUsed(apiKey.lastUsedAt, Date.now());
  const form = useForm({ initialValues: { grace: usedRecently ? '86400' : '0', customMinutes: 60 as number | string } });
  const rotate = useMutation(RotateKey, (d) => d.rotateApiKey, { additionalTypenames: ['ApiKey'] });
  const { grace, customMinutes } = form.values;
  const untilExpiry = apiKey.expiresAt ? Math.max(0, Math.floor((Date.parse(apiKey.expiresAt) - Date.now()) / 1000)) : Infinity;
  const requested = grace === 'custom' ? Math.round(Number(customMinutes) * 60) : Number(grace);
  // The old key cannot outlive its own expiry: the grace period sent is cut to it.
  const seconds = Math.min(requested, untilExpiry);

  async function submit() {
    const payload = await rotate.run({ input: { id: apiKey.id, gracePeriodSeconds: seconds } });
    if (payload?.__typename === 'RotateApiKeyPayload') onRotated(payload.secret, payload.apiKey.id);
  }

  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close dialog' }} opened onClose={onClose} title={`Rotate “${apiKey.name}”`}>
      <form onSubmit={form.onSubmit(submit)}>
        <Stack>
          <Text size="sm">A new key with the same settings is issued. How long should the current key keep working?</Text>
          {usedRecently ? (
            <Text size="sm" c="dimmed" data-testid="recent-use">
              It was last used {formatDate(apiKey.lastUsedAt)}: whatever uses it needs time to switch, so it keeps working for 24 hours unless you choose otherwise.
            </Text>
          ) : null}
          <Radio.Group label="Grace period" {...form.getInputProps('grace')}>
            <Stack mt={4} gap={6}>
              <Radio value="0" label="Stop immediately" />
              <Radio value="3600" label="1 hour" />
              <Radio value="86400" label="24 hours" />
              <Radio value="custom" label="Custom" />
            </Stack>
          </Radio.Group>
          {grace === 'custom' ? (
            <NumberInput label="Grace period in minutes (at most 1440)" min={0} max={1440} clampBehavior="strict" {...form.getInputProps('customMinutes')} />
          ) : null}
          {apiKey.expiresAt && requested > untilExpiry ? (
            <Text size="sm" c="orange">
              The current key expires {formatDate(apiKey.expiresAt)}: its grace ends then.
            </Text>
          ) : null}
          <MutationFailureAlert failure={rotate.failure} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={rotate.busy}>
              Rotate key
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
