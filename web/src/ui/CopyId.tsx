import { Button, CopyButton, Group, Text, Tooltip } from '@mantine/core';

/**
 * An id a user may need elsewhere (GraphiQL, a script, a support request), with a button that copies it: shown whole
 * where the id is the point (a project's or key's page), or behind the button alone (`hideId`: audit rows, where
 * nobody reads a global id; the tooltip shows it).
 */
export function CopyId({ label, id, hideId = false }: { label: string; id: string; hideId?: boolean }) {
  const button = (
    <CopyButton value={id}>
      {({ copied, copy }) =>
        hideId ? (
          <Tooltip label={id} withArrow openDelay={400} events={{ hover: true, focus: false, touch: false }}>
            <Button size="compact-xs" variant="default" onClick={copy} aria-label={`Copy ${label}`}>
              {copied ? 'Copied' : 'Copy id'}
            </Button>
          </Tooltip>
        ) : (
          <Tooltip label={copied ? 'Copied' : `Copy ${label}`} withArrow>
            <Button size="compact-xs" variant="default" onClick={copy} aria-label={`${copied ? 'Copied' : 'Copy'} ${label}`} style={{ flexShrink: 0 }} miw={64}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          </Tooltip>
        )
      }
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
