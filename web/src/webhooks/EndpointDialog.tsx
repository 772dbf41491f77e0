import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ConsoleWebhookEndpointFragment, WebhookEventType } from '../gql/graphql.ts';
import { issueFor } from '../ui/errors.tsx';
import { MutationFailureAlert, typedError, useMutation } from '../ui/mutation.tsx';
import { CreateWebhookEndpoint, UpdateWebhookEndpoint, WEBHOOK_CONTEXT } from './documents.ts';
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES } from './events.ts';

const FIELDS = ['url', 'description', 'events'];

function EventCheckboxes({ value, onChange, error }: { value: WebhookEventType[]; onChange: (next: WebhookEventType[]) => void; error?: string }) {
  return (
    <Checkbox.Group label="Events" description="The key events this endpoint receives." value={value} onChange={(v) => onChange(v as WebhookEventType[])} error={error}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing={8} mt={6} mb={4}>
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <Checkbox key={type} value={type} label={WEBHOOK_EVENT_LABELS[type].label} description={WEBHOOK_EVENT_LABELS[type].description} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}

/** Create (no `endpoint`) or edit an endpoint: URL, description, events, and in edit whether it is enabled. */
export function EndpointDialog({
  organizationId,
  endpoint,
  onClose,
  onCreated,
}: {
  organizationId: string;
  endpoint?: ConsoleWebhookEndpointFragment;
  onClose: () => void;
  onCreated?: (secret: string) => void;
}) {
  const form = useForm({
    initialValues: {
      url: endpoint?.url ?? '',
      description: endpoint?.description ?? '',
      events: endpoint?.events ?? ([] as WebhookEventType[]),
      enabled: endpoint?.enabled ?? true,
    },
  });
  const create = useMutation(CreateWebhookEndpoint, (d) => d.createWebhookEndpoint, WEBHOOK_CONTEXT);
  const update = useMutation(UpdateWebhookEndpoint, (d) => d.updateWebhookEndpoint, WEBHOOK_CONTEXT);
  const sent = endpoint ? update : create;
  const failure = typedError(sent.failure);

  async function submit(v: typeof form.values) {
    if (endpoint) {
      if (await update.run({ input: { id: endpoint.id, url: v.url.trim(), description: v.description.trim(), events: v.events, enabled: v.enabled } })) onClose();
      return;
    }
    const input = { organizationId, url: v.url.trim(), events: v.events, ...(v.description.trim() ? { description: v.description.trim() } : {}) };
    const payload = await create.run({ input });
    if (payload?.__typename === 'CreateWebhookEndpointPayload') onCreated?.(payload.secret);
  }

  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close dialog' }} opened onClose={onClose} title={endpoint ? 'Edit webhook endpoint' : 'Add webhook endpoint'} size="lg">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <TextInput
            label="Endpoint URL"
            description="An https URL that accepts POST requests."
            placeholder="https://example.com/webhooks/keysmith"
            required
            {...form.getInputProps('url')}
            error={issueFor(failure, 'url')}
            data-autofocus
          />
          <Textarea label="Description" {...form.getInputProps('description')} error={issueFor(failure, 'description')} autosize minRows={2} />
          <EventCheckboxes value={form.values.events} onChange={(next) => form.setFieldValue('events', next)} error={issueFor(failure, 'events')} />
          {endpoint ? (
            <Checkbox
              label="Enabled"
              description="A disabled endpoint receives no new events; deliveries already pending still go out."
              {...form.getInputProps('enabled', { type: 'checkbox' })}
            />
          ) : null}
          <MutationFailureAlert failure={sent.failure} fields={FIELDS} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={sent.busy}>
              {endpoint ? 'Save' : 'Add endpoint'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
