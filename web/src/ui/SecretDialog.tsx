import { useState, type ReactNode } from 'react';
import { Alert, Button, Checkbox, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';

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
        {children ? (
          <Text size="sm" component="div">
            {children}
          </Text>
        ) : null}
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
