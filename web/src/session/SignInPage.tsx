import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Button, Center, Paper, Radio, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { session } from './session.ts';
import type { ConsoleSettings, OidcSettings } from './settings.ts';

/** The sign-in screen for the server's mode: OpenID Connect, the development form, or a note that neither is set up. */
export function SignInPage({ notice, settings }: { notice: string | null; settings: ConsoleSettings }) {
  if (settings.signIn === 'development') return <DevelopmentSignIn notice={notice} />;
  return (
    <Frame>
      {notice ? (
        <Alert color="yellow" role="status">
          {notice}
        </Alert>
      ) : null}
      {settings.signIn === 'oidc' ? (
        <OidcSignIn settings={settings.oidc} />
      ) : (
        <Alert color="red" title="Sign-in is not set up" role="alert">
          This server has no console sign-in: configure its identity provider (JWT_JWKS_URL, JWT_ISSUER, JWT_AUDIENCE) and
          the console's client id (CONSOLE_OIDC_CLIENT_ID).
        </Alert>
      )}
    </Frame>
  );
}

function Frame({ children }: { children: ReactNode }) {
  return (
    <Center mih="100vh" component="main">
      <Paper withBorder p="xl" w={420} shadow="sm">
        <Stack>
          <Title order={1} size="h3">
            Keysmith Console
          </Title>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}

function OidcSignIn({ settings }: { settings: OidcSettings }) {
  const [busy, setBusy] = useState(false);
  // The server runs the sign-in (code + PKCE) and keeps the tokens; the browser comes back with a session cookie.
  function start() {
    setBusy(true);
    location.assign(`/auth/oidc/sign-in?returnTo=${encodeURIComponent(location.pathname + location.search)}`);
  }
  return (
    <>
      <Text size="sm" c="dimmed">
        Sign in with your organization’s account at {new URL(settings.authority).host}.
      </Text>
      <Button onClick={start} loading={busy}>
        Sign in
      </Button>
    </>
  );
}

/** Development sign-in: the server issues a token for any subject, only while it runs on its development secret. */
function DevelopmentSignIn({ notice }: { notice: string | null }) {
  const [subject, setSubject] = useState('');
  const [email, setEmail] = useState('');
  const [operator, setOperator] = useState('no');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const response = await fetch('/auth/dev-sign-in', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sub: subject.trim(), email: email.trim() || undefined, operator: operator === 'yes' }),
      });
      if (response.status === 404) {
        setError('Development sign-in is not available on this server (it runs with a real identity provider).');
        return;
      }
      const body = (await response.json()) as { signedIn?: boolean; error?: string; issues?: { path: string[]; message: string }[] };
      if (!response.ok || !body.signedIn) {
        setError([body.error, ...(body.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`)].filter(Boolean).join(' '));
        return;
      }
      await session.load();
    } catch {
      setError('The server could not be reached. Try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center mih="100vh" component="main">
      <Paper withBorder p="xl" w={420} shadow="sm">
        <form onSubmit={submit}>
          <Stack>
            <Title order={1} size="h3">
              Keysmith Console
            </Title>
            <Text size="sm" c="dimmed">
              Development sign-in: choose who you are. You stay signed in across reloads and tabs until you sign out (or an hour without activity).
            </Text>
            {notice ? (
              <Alert color="yellow" role="status">
                {notice}
              </Alert>
            ) : null}
            <TextInput label="Subject" required value={subject} onChange={(e) => setSubject(e.currentTarget.value)} autoFocus />
            <TextInput label="Email" type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
            <Radio.Group label="Platform operator" value={operator} onChange={setOperator}>
              <Group mt={4}>
                <Radio value="no" label="No" />
                <Radio value="yes" label="Yes" />
              </Group>
            </Radio.Group>
            {error ? (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            ) : null}
            <Button type="submit" loading={busy}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
