import { useState, type ReactNode } from 'react';
import { Alert, Button, Checkbox, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { TypedErrorAlert, isTypedError, type TypedError } from '../errors.tsx';

/**
 * A one-time secret (an API key, a webhook signing secret). It lives only in the state of the page that opened this
 * dialog and is dropped when the dialog closes; it never enters the URL, storage or urql's cache (mutation results
 * are not cached). Closing needs the confirmation that it was stored: Escape and clicks outside do nothing.
 */
export function SecretDialog({
  secret,
  title,
  noun = 'key',
  children,
  onClose,
}: {
  secret: string | null;
  title: string;
  /** What the secret is, in the dialog's words: "key", "signing secret". */
  noun?: string;
  /** How to use it (shown under the secret). */
  children?: ReactNode;
  onClose: () => void;
}) {
  const [stored, setStored] = useState(false);
  const close = () => {
    setStored(false);
    onClose();
  };
  return (
    <Modal
      opened={secret !== null}
      onClose={() => stored && close()}
      title={title}
      closeOnClickOutside={false}
      closeOnEscape={false}
      withCloseButton={false}
      size="lg"
    >
      <Stack>
        <Alert color="yellow" title={`Store this ${noun} now`}>
          This is the only time the full {noun} is shown: you will not see it again.
        </Alert>
        <Code block data-testid="secret" style={{ wordBreak: 'break-all' }}>
          {secret}
        </Code>
        <Group>
          <CopyButton value={secret ?? ''}>
            {({ copied, copy }) => (
              <Button variant={copied ? 'light' : 'filled'} onClick={copy}>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
        {children ? <Text size="sm">{children}</Text> : null}
        <Checkbox label={`I have stored this ${noun} somewhere safe`} checked={stored} onChange={(e) => setStored(e.currentTarget.checked)} />
        <Group justify="flex-end">
          <Button onClick={close} disabled={!stored}>
            Close
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * A confirmation before a change that cannot be undone: what will happen, the server's typed error if any, Cancel
 * (focused) and the action. `run` sends the change; the dialog closes only when it reached the server and succeeded.
 */
export function ConfirmDialog({
  title,
  action,
  run,
  onClose,
  children,
}: {
  title: string;
  action: string;
  run: () => Promise<{ payload: { __typename?: string } | null | undefined; error?: unknown }>;
  onClose: () => void;
  children: ReactNode;
}) {
  const [failure, setFailure] = useState<TypedError | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close dialog' }} opened onClose={onClose} title={title}>
      <Stack>
        {children}
        <TypedErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button
            color="red"
            loading={busy}
            onClick={async () => {
              setBusy(true);
              const { payload, error } = await run().finally(() => setBusy(false));
              if (isTypedError(payload)) setFailure(payload);
              else if (!error) onClose(); // a request that never reached the server leaves the dialog open
            }}
          >
            {action}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
