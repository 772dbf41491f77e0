import { Button, CopyButton, Tooltip } from '@mantine/core';

/** An id behind a button: nobody reads a global id, people paste it (into GraphiQL, a script, a support request). */
/** `of` names what the id belongs to ("API key Billing export"): the button reads "Copy id of …". */
export function CopyId({ value, of }: { value: string; of: string }) {
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Tooltip label={value} withArrow openDelay={400} events={{ hover: true, focus: false, touch: false }}>
          <Button size="compact-xs" variant="default" onClick={copy} aria-label={`${copied ? 'Copied' : 'Copy'} id of ${of}`}>
            {copied ? 'Copied' : 'Copy id'}
          </Button>
        </Tooltip>
      )}
    </CopyButton>
  );
}
