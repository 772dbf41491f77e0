import { makeOperation, type Client, type Exchange, type Operation } from 'urql';
import { pipe, tap } from 'wonka';

/**
 * Stale-while-revalidate for everything on screen: the queries of the mounted pages are tracked, and run again with
 * `cache-and-network` (the cached answer stays while the new one loads) when the window regains focus or the tab
 * becomes visible, every minute while it is visible (another person's change is likely by then), and on the
 * header's Refresh. A member added to an organization while their tab was open sees it on their next look.
 */
const MIN_INTERVAL_MS = 5_000;
const POLL_INTERVAL_MS = 60_000;

let refreshCurrent: (() => void) | null = null;

/** Runs every query on screen again (the Refresh control). */
export function refreshActiveQueries(): void {
  refreshCurrent?.();
}

export function freshnessExchange(): Exchange {
  return ({ client, forward }) => {
    const active = new Map<number, Operation>();
    let last = 0;
    const refresh = (force: boolean) => {
      if (!force && (document.visibilityState !== 'visible' || Date.now() - last < MIN_INTERVAL_MS)) return;
      last = Date.now();
      for (const operation of active.values()) {
        (client as Client).reexecuteOperation(makeOperation('query', operation, { ...operation.context, requestPolicy: 'cache-and-network' }));
      }
    };
    refreshCurrent = () => refresh(true);
    const onFocus = () => refresh(false);
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onFocus);
    setInterval(onFocus, POLL_INTERVAL_MS);
    return (operations$) =>
      forward(
        pipe(
          operations$,
          tap((operation: Operation) => {
            if (operation.kind === 'query') active.set(operation.key, operation);
            else if (operation.kind === 'teardown') active.delete(operation.key);
          }),
        ),
      );
  };
}
