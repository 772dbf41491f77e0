import { Button, CopyButton, Group, Text, Tooltip } from '@mantine/core';

/** An id a user may need elsewhere (GraphiQL, a script, a support request): shown whole, with a button that copies it. */
export function CopyId({ label, id }: { label: string; id: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Text span ff="monospace" size="sm" style={{ overflowWrap: 'anywhere' }}>
        {id}
      </Text>
      <CopyButton value={id}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : `Copy ${label}`} withArrow>
            <Button size="compact-xs" variant="default" onClick={copy} aria-label={`${copied ? 'Copied' : 'Copy'} ${label}`} style={{ flexShrink: 0 }} miw={64}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
