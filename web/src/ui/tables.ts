import type { CSSProperties } from 'react';

/**
 * A table's last column (its actions) pinned to the right edge while a narrow screen scrolls the table sideways, on
 * the page's own background (light or dark) so that what scrolls beneath it does not show through.
 */
export const STICKY_END: CSSProperties = {
  position: 'sticky',
  right: 0,
  background: 'var(--mantine-color-body)',
  boxShadow: '-1px 0 0 var(--mantine-color-default-border)',
  zIndex: 1,
};
