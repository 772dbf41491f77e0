import './tables.css';

/** The class of a table's actions column, pinned to the right edge on narrow screens (see tables.css). */
export const STICKY_END = 'sticky-end';
