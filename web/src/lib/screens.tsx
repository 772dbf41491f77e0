import { createElement, useEffect, useReducer, type ComponentType } from 'react';
import { Text } from '@mantine/core';

/**
 * A screen whose code loads after sign-in (keeping the first load small), without React.lazy: a Suspense fallback is
 * held for at least 300 ms by React, which would delay every first visit of a screen (and its query) by that much.
 * `preload()` fetches the code ahead of time; once loaded, the screen renders synchronously.
 */
export type Screen<P> = ComponentType<P> & { preload(): Promise<unknown> };

export function screen<P extends object>(load: () => Promise<ComponentType<P>>): Screen<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<unknown> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = null; // a later visit tries again
        throw error;
      },
    ));
  function LazyScreen(props: P) {
    const [failed, fail] = useReducer((_: Error | null, e: Error | null) => e, null);
    const [, loadedNow] = useReducer((n: number) => n + 1, 0);
    useEffect(() => {
      if (!loaded) preload().then(loadedNow, (e: unknown) => fail(e instanceof Error ? e : new Error(String(e))));
    }, []);
    if (failed) throw failed; // the error boundary shows it
    return loaded ? createElement(loaded, props) : <Text>Loading…</Text>;
  }
  return Object.assign(LazyScreen, { preload });
}

/** Fetches the code of every screen when the browser is idle, so that navigating never waits for it. */
export function preloadWhenIdle(screens: Screen<never>[]) {
  const run = () => screens.forEach((s) => void s.preload().catch(() => {}));
  if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 200);
}
