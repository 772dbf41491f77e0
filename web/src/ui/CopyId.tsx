import { Button, CopyButton, Group, Text, Tooltip } from '@mantine/core';

/**
 * An id a user may need elsewhere (GraphiQL, a script, a support request), with a button that copies it. `label` says
 * what is copied ("organization id", "id of API key Billing export"); the button is named "Copy …" / "Copied …".
 * Shown whole where the id is the point (an organization's, project's or key's page), or behind the button alone
 * (`hideId`: audit rows, where nobody reads a global id; the tooltip shows it).
 */
export function CopyId({ label, id, hideId = false }: { label: string; id: string; hideId?: boolean }) {
  const button = (
    <CopyButton value={id}>
      {({ copied, copy }) => (
        <Tooltip label={hideId ? id : copied ? 'Copied' : `Copy ${label}`} withArrow openDelay={hideId ? 400 : 0} events={{ hover: true, focus: !hideId, touch: false }}>
          <Button size="compact-xs" variant="default" onClick={copy} aria-label={`${copied ? 'Copied' : 'Copy'} ${label}`} style={{ flexShrink: 0 }} miw={hideId ? undefined : 64}>
            {copied ? 'Copied' : hideId ? 'Copy id' : 'Copy'}
          </Button>
        </Tooltip>
      )}
    </CopyButton>
  );
  if (hideId) return button;
  return (
    <Group gap={6} wrap="nowrap">
      <Text span ff="monospace" size="sm" style={{ overflowWrap: 'anywhere' }}>
        {id}
      </Text>
      {button}
    </Group>
  );
}
