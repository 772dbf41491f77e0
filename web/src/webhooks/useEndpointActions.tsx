import { useState, type ReactNode } from 'react';
import { Text } from '@mantine/core';
import type { ConsoleWebhookEndpointFragment } from '../gql/graphql.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { MutationFailureAlert, useMutation } from '../ui/mutation.tsx';
import { SecretDialog } from '../ui/SecretDialog.tsx';
import { DeleteWebhookEndpoint, RotateWebhookEndpointSecret, UpdateWebhookEndpoint, WEBHOOK_CONTEXT } from './documents.ts';
import { EndpointDialog } from './EndpointDialog.tsx';

type Endpoint = ConsoleWebhookEndpointFragment;
export type EndpointAction = { kind: 'edit' | 'rotate' | 'delete'; endpoint: Endpoint };

function RotateSecretDialog({ endpoint, onClose, onRotated }: { endpoint: Endpoint; onClose: () => void; onRotated: (secret: string) => void }) {
  const rotate = useMutation(RotateWebhookEndpointSecret, (d) => d.rotateWebhookEndpointSecret, WEBHOOK_CONTEXT);
  return (
    <ConfirmDialog
      title="Rotate the signing secret?"
      action="Rotate secret"
      busy={rotate.busy}
      failure={rotate.failure}
      onClose={onClose}
      onConfirm={async () => {
        const payload = await rotate.run({ input: { id: endpoint.id } });
        if (payload?.__typename === 'RotateWebhookEndpointSecretPayload') onRotated(payload.secret);
      }}
    >
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        <Text span ff="monospace" size="sm">
          {endpoint.url}
        </Text>{' '}
        gets a new signing secret. Every delivery from now on, retries included, is signed with the new secret only: update
        your receiver with it, or it will reject them.
      </Text>
    </ConfirmDialog>
  );
}

function DeleteEndpointDialog({ endpoint, onClose, onDeleted }: { endpoint: Endpoint; onClose: () => void; onDeleted: () => void }) {
  const remove = useMutation(DeleteWebhookEndpoint, (d) => d.deleteWebhookEndpoint, WEBHOOK_CONTEXT);
  return (
    <ConfirmDialog
      title="Delete this webhook endpoint?"
      action="Delete endpoint"
      busy={remove.busy}
      failure={remove.failure}
      onClose={onClose}
      onConfirm={async () => (await remove.run({ input: { id: endpoint.id } })) && onDeleted()}
    >
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        <Text span ff="monospace" size="sm">
          {endpoint.url}
        </Text>{' '}
        receives no more events. Its pending deliveries and its delivery log are deleted with it. This cannot be undone.
      </Text>
    </ConfirmDialog>
  );
}

/**
 * The dialogs of the endpoint actions (edit, rotate the secret, delete) and the one-time secret, shared by the list
 * and the details page. `open` starts one; `toggle` enables or disables at once (no dialog: it is undone as easily),
 * and `failureAlert` says why a toggle did not happen.
 */
export function useEndpointActions({ onChanged, onDeleted }: { onChanged: () => void; onDeleted?: () => void }) {
  const [action, setAction] = useState<EndpointAction | null>(null);
  const [secret, setSecret] = useState<{ value: string; title: string } | null>(null);
  const toggleMutation = useMutation(UpdateWebhookEndpoint, (d) => d.updateWebhookEndpoint, WEBHOOK_CONTEXT);
  const close = () => (setAction(null), onChanged());

  async function toggle(endpoint: Endpoint) {
    if (await toggleMutation.run({ input: { id: endpoint.id, enabled: !endpoint.enabled } })) onChanged();
  }

  let dialog: ReactNode = null;
  if (action?.kind === 'edit') {
    dialog = <EndpointDialog key={action.endpoint.id} organizationId="" endpoint={action.endpoint} onClose={close} />;
  } else if (action?.kind === 'rotate') {
    dialog = (
      <RotateSecretDialog
        key={action.endpoint.id}
        endpoint={action.endpoint}
        onClose={close}
        onRotated={(value) => {
          setSecret({ value, title: 'The new signing secret' });
          close();
        }}
      />
    );
  } else if (action?.kind === 'delete') {
    dialog = (
      <DeleteEndpointDialog
        key={action.endpoint.id}
        endpoint={action.endpoint}
        onClose={() => setAction(null)}
        onDeleted={() => {
          setAction(null);
          (onDeleted ?? onChanged)();
        }}
      />
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
  const failureAlert = <MutationFailureAlert failure={toggleMutation.failure} />;
  return { open: setAction, toggle, showSecret: (value: string, title: string) => setSecret({ value, title }), dialogs, failureAlert };
}
