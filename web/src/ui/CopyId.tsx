import { Button, CopyButton, Tooltip } from '@mantine/core';

/** An id behind a button: nobody reads a global id, people paste it (into GraphiQL, a script, a support request). */
export function CopyId({ value, label }: { value: string; label: string }) {
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Tooltip label={value} withArrow openDelay={400} events={{ hover: true, focus: false, touch: false }}>
          <Button size="compact-xs" variant="default" onClick={copy} aria-label={`Copy ${label}`}>
            {copied ? 'Copied' : 'Copy id'}
          </Button>
        </Tooltip>
      )}
    </CopyButton>
  );
}
