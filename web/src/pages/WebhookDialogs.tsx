import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useClient } from 'urql';
import type { ConsoleWebhookEndpointFragment, WebhookEventType } from '../gql/graphql.ts';
import { TypedErrorAlert, isTypedError, issueFor, type TypedError } from '../errors.tsx';
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES } from '../webhook-events.ts';
import { ConfirmDialog, SecretDialog } from './dialogs.tsx';
import { CreateWebhookEndpoint, DeleteWebhookEndpoint, RotateWebhookEndpointSecret, UpdateWebhookEndpoint } from './webhookDocuments.ts';

/** Mutations that remove or add endpoints refetch the lists that show them (an empty list has no typename to match). */
export const WEBHOOK_CONTEXT = { additionalTypenames: ['WebhookEndpoint', 'WebhookDelivery'] };

type Endpoint = ConsoleWebhookEndpointFragment;

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
  endpoint?: Endpoint;
  onClose: () => void;
  onCreated?: (secret: string) => void;
}) {
  const client = useClient();
  const [url, setUrl] = useState(endpoint?.url ?? '');
  const [description, setDescription] = useState(endpoint?.description ?? '');
  const [events, setEvents] = useState<WebhookEventType[]>(endpoint?.events ?? []);
  const [enabled, setEnabled] = useState(endpoint?.enabled ?? true);
  const [failure, setFailure] = useState<TypedError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    if (endpoint) {
      const r = await client
        .mutation(UpdateWebhookEndpoint, { input: { id: endpoint.id, url: url.trim(), description: description.trim(), events, enabled } }, WEBHOOK_CONTEXT)
        .toPromise();
      setBusy(false);
      const payload = r.data?.updateWebhookEndpoint;
      if (isTypedError(payload)) setFailure(payload);
      else if (!r.error) onClose();
    } else {
      const input = { organizationId, url: url.trim(), events, ...(description.trim() ? { description: description.trim() } : {}) };
      const r = await client.mutation(CreateWebhookEndpoint, { input }, WEBHOOK_CONTEXT).toPromise();
      setBusy(false);
      const payload = r.data?.createWebhookEndpoint;
      if (isTypedError(payload)) setFailure(payload);
      else if (payload?.__typename === 'CreateWebhookEndpointPayload') onCreated?.(payload.secret);
    }
  }

  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close dialog' }} opened onClose={onClose} title={endpoint ? 'Edit webhook endpoint' : 'Add webhook endpoint'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Endpoint URL"
            description="An https URL that accepts POST requests."
            placeholder="https://example.com/webhooks/keysmith"
            required
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={issueFor(failure, 'url')}
            data-autofocus
          />
          <Textarea label="Description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={issueFor(failure, 'description')} autosize minRows={2} />
          <EventCheckboxes value={events} onChange={setEvents} error={issueFor(failure, 'events')} />
          {endpoint ? (
            <Checkbox
              label="Enabled"
              description="A disabled endpoint receives no new events; deliveries already pending still go out."
              checked={enabled}
              onChange={(e) => setEnabled(e.currentTarget.checked)}
            />
          ) : null}
          <TypedErrorAlert error={failure} fields={['url', 'description', 'events']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              {endpoint ? 'Save' : 'Add endpoint'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export type EndpointAction = { kind: 'edit' | 'rotate' | 'delete'; endpoint: Endpoint };

/**
 * The dialogs of the endpoint actions (edit, rotate the secret, delete) and the one-time secret, shared by the list
 * and the details page. `open` starts one; `toggle` enables or disables at once (no dialog: it is undone as easily).
 */
export function useEndpointActions({ onChanged, onDeleted }: { onChanged: () => void; onDeleted?: () => void }) {
  const client = useClient();
  const [action, setAction] = useState<EndpointAction | null>(null);
  const [secret, setSecret] = useState<{ value: string; title: string } | null>(null);
  const [failure, setFailure] = useState<TypedError | null>(null);
  const close = () => (setAction(null), onChanged());

  async function toggle(endpoint: Endpoint) {
    const r = await client.mutation(UpdateWebhookEndpoint, { input: { id: endpoint.id, enabled: !endpoint.enabled } }, WEBHOOK_CONTEXT).toPromise();
    const payload = r.data?.updateWebhookEndpoint;
    setFailure(isTypedError(payload) ? payload : null);
    if (!r.error) onChanged();
  }

  let dialog: ReactNode = null;
  if (action?.kind === 'edit') {
    dialog = <EndpointDialog key={action.endpoint.id} organizationId="" endpoint={action.endpoint} onClose={close} />;
  } else if (action?.kind === 'rotate') {
    dialog = (
      <ConfirmDialog
        title="Rotate the signing secret?"
        action="Rotate secret"
        onClose={close}
        run={async () => {
          const r = await client.mutation(RotateWebhookEndpointSecret, { input: { id: action.endpoint.id } }, WEBHOOK_CONTEXT).toPromise();
          const payload = r.data?.rotateWebhookEndpointSecret;
          if (payload?.__typename === 'RotateWebhookEndpointSecretPayload') setSecret({ value: payload.secret, title: 'The new signing secret' });
          return { payload, error: r.error };
        }}
      >
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          <Text span ff="monospace" size="sm">
            {action.endpoint.url}
          </Text>{' '}
          gets a new signing secret. Every delivery from now on, retries included, is signed with the new secret only:
          update your receiver with it, or it will reject them.
        </Text>
      </ConfirmDialog>
    );
  } else if (action?.kind === 'delete') {
    dialog = (
      <ConfirmDialog
        title="Delete this webhook endpoint?"
        action="Delete endpoint"
        onClose={() => setAction(null)}
        run={async () => {
          const r = await client.mutation(DeleteWebhookEndpoint, { input: { id: action.endpoint.id } }, WEBHOOK_CONTEXT).toPromise();
          const payload = r.data?.deleteWebhookEndpoint;
          if (payload?.__typename === 'DeleteWebhookEndpointPayload') (onDeleted ?? onChanged)();
          return { payload, error: r.error };
        }}
      >
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          <Text span ff="monospace" size="sm">
            {action.endpoint.url}
          </Text>{' '}
          receives no more events. Its pending deliveries and its delivery log are deleted with it. This cannot be undone.
        </Text>
      </ConfirmDialog>
    );
  }

  const dialogs = (
    <>
      {dialog}
      <SecretDialog secret={secret?.value ?? null} title={secret?.title ?? ''} noun="signing secret" onClose={() => setSecret(null)}>
        Your receiver checks the <code>webhook-signature</code> header of every delivery with it (Standard Webhooks).
      </SecretDialog>
    </>
  );
  const failureAlert = <TypedErrorAlert error={failure} />;
  return { open: setAction, toggle, showSecret: (value: string, title: string) => setSecret({ value, title }), dialogs, failureAlert };
}
