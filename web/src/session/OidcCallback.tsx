import { useEffect, useState } from 'react';
import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { navigate } from '../lib/router.tsx';
import { session } from './session.ts';
import type { OidcSettings } from './settings.ts';

// The code in the URL can be redeemed once: a second effect run (React's development mode) shares the first.
let completing: ReturnType<typeof import('./oidc.ts')['completeSignIn']> | null = null;

/** Where the identity provider sends the browser back: completes the sign-in, then opens the page the user wanted. */
export function OidcCallback({ settings }: { settings: OidcSettings }) {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    completing ??= import('./oidc.ts').then((oidc) => oidc.completeSignIn(settings));
    completing
      .finally(() => (completing = null))
      .then(
        (done) => {
          if (cancelled) return;
          // The address first: the session's start replaces this screen with the app, which routes by the address.
          navigate(done.returnTo, { replace: true });
          session.signIn(done.session);
        },
        (e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)),
      );
    return () => {
      cancelled = true;
    };
  }, [settings]);
  return (
    <Center mih="100vh" component="main">
      {error ? (
        <Alert color="red" title="Sign-in did not complete" role="alert" maw={480}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{error}</Text>
            <Button size="xs" onClick={() => navigate('/', { replace: true })}>
              Sign in again
            </Button>
          </Stack>
        </Alert>
      ) : (
        <Loader aria-label="Signing in" />
      )}
    </Center>
  );
}
