import { useEffect, useRef } from 'react';

/** How long a new screen may take (its code, its first query) before its heading appears. */
const WAIT_MS = 5_000;

/**
 * After a client-side navigation, moves focus to the new page's heading (`main h1`), as a full page load would put a
 * screen reader at the top of the new page; otherwise focus stays on the link that was clicked, which is gone. The
 * heading may appear only once the screen's code and query have loaded: it is waited for. Not on the first render
 * (the browser's own page load), and not when the user has meanwhile put focus somewhere themselves.
 */
export function useFocusHeadingOnNavigation(pathname: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const startedOn = document.activeElement;
    const focus = (): boolean => {
      const heading = document.querySelector<HTMLElement>('main h1');
      if (!heading) return false;
      const moved = document.activeElement !== startedOn && document.activeElement !== document.body && document.activeElement !== null;
      if (!moved) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus({ preventScroll: true });
      }
      return true;
    };
    if (focus()) return;
    const observer = new MutationObserver(() => focus() && stop());
    const timer = setTimeout(() => stop(), WAIT_MS);
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
    };
    observer.observe(document.body, { childList: true, subtree: true });
    return stop;
  }, [pathname]);
}
