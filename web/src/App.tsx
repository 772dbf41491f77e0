import { Component, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { Alert, AppShell, Button, Container, Group, Menu, Text, Title } from '@mantine/core';
import { Provider } from 'urql';
import { createClient } from './session/client.ts';
import { Link, match, useLocation } from './lib/router.tsx';
import { session, watchSessionOnFocus } from './session/session.ts';
import { refreshActiveQueries } from './session/freshness.ts';
import { SignInPage } from './session/SignInPage.tsx';
import { preloadWhenIdle, screen, type Screen } from './lib/screens.tsx';
import { loadSettings, type ConsoleSettings } from './session/settings.ts';
import { useFocusHeadingOnNavigation } from './ui/route-focus.ts';
import './ui/header.css';

// The screens (and their typed documents) load after sign-in, which keeps the first load small.
const OrganizationsPage = screen(() => import('./organizations/OrganizationsPage.tsx').then((m) => m.OrganizationsPage));
const OrganizationPage = screen(() => import('./organizations/OrganizationPage.tsx').then((m) => m.OrganizationPage));
const ProjectPage = screen(() => import('./projects/ProjectPage.tsx').then((m) => m.ProjectPage));
const ApiKeysPage = screen(() => import('./api-keys/ApiKeysPage.tsx').then((m) => m.ApiKeysPage));
const KeyDetailsPage = screen(() => import('./api-keys/KeyDetailsPage.tsx').then((m) => m.KeyDetailsPage));
const OperatorPage = screen(() => import('./organizations/OperatorPage.tsx').then((m) => m.OperatorPage));
const AuditPage = screen(() => import('./audit/AuditPage.tsx').then((m) => m.AuditPage));
const WebhooksPage = screen(() => import('./webhooks/WebhooksPage.tsx').then((m) => m.WebhooksPage));
const WebhookDetailsPage = screen(() => import('./webhooks/WebhookDetailsPage.tsx').then((m) => m.WebhookDetailsPage));
const OrganizationUsagePage = screen(() => import('./usage/OrganizationUsagePage.tsx').then((m) => m.OrganizationUsagePage));
const SCREENS = [
  OrganizationsPage,
  OrganizationPage,
  ProjectPage,
  ApiKeysPage,
  KeyDetailsPage,
  OperatorPage,
  AuditPage,
  WebhooksPage,
  WebhookDetailsPage,
  OrganizationUsagePage,
] as Screen<never>[];

function useSession() {
  return useSyncExternalStore(session.subscribe, session.get);
}

export function App() {
  const current = useSession();
  const [settings, setSettings] = useState<ConsoleSettings | null>(null);
  const [settingsError, setSettingsError] = useState(false);
  // A new client per session: nothing cached for one user is ever shown to the next (a renewed token keeps it).
  const client = useMemo(() => createClient(), [current?.id]);
  const signedIn = !!current;
  // The settings and who the session cookie signs in (a reload or a new tab stays signed in), both before any screen.
  const load = () => {
    setSettingsError(false);
    Promise.all([loadSettings(), session.load()]).then(([loaded]) => setSettings(loaded), () => setSettingsError(true));
  };
  useEffect(load, []);
  useEffect(() => watchSessionOnFocus(), []);
  useEffect(() => {
    if (signedIn) preloadWhenIdle(SCREENS);
  }, [signedIn]);
  if (settingsError) {
    return (
      <Container size="sm" py="xl" component="main">
        <Alert color="red" title="The server could not be reached" role="alert">
          <Text size="sm">The console could not load its settings. Check your connection and try again.</Text>
          <Button mt="sm" size="xs" onClick={load}>
            Retry
          </Button>
        </Alert>
      </Container>
    );
  }
  if (!settings) return null; // one small request, before anything can be shown
  if (!current) return <SignInPage notice={session.notice() ?? signInOutcome()} settings={settings} />;
  return (
    <Provider value={client}>
      <AppShell header={{ height: 56 }} padding={{ base: 'xs', sm: 'md' }}>
        <AppShell.Header>
          {/* On a phone (390 px) everything stays on one line: the name shrinks, the address is cut with an ellipsis. */}
          <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
            <Group wrap="nowrap" gap="sm">
              <Title order={2} size="h4" visibleFrom="xs">
                Keysmith
              </Title>
              <nav aria-label="Main">
                <Group gap="sm" wrap="nowrap">
                  <Link to="/">Organizations</Link>
                  {current.operator ? <Link to="/operator">Operator</Link> : null}
                </Group>
              </nav>
            </Group>
            <Group wrap="nowrap" gap="xs" style={{ minWidth: 0 }}>
              {/* On a phone the words "Signed in as" are left to screen readers (and the menu): the address gets the room. */}
              <Text size="sm" c="dimmed" truncate="end" title={current.subject} style={{ minWidth: 0 }}>
                <span className="signed-in-as">Signed in as </span>
                {current.subject}
              </Text>
              <Button size="xs" variant="default" onClick={refreshActiveQueries} style={{ flexShrink: 0 }}>
                Refresh
              </Button>
              <Menu position="bottom-end">
                <Menu.Target>
                  <Button size="xs" variant="default" style={{ flexShrink: 0 }}>
                    Sign out
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label style={{ overflowWrap: 'anywhere' }}>{current.subject}</Menu.Label>
                  <Menu.Item onClick={() => void session.signOut(false)}>Sign out of this browser</Menu.Item>
                  <Menu.Item onClick={() => void session.signOut(true)}>Sign out everywhere</Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Main>
          <Container size="100%">
            <ErrorBoundary>
              <Routes />
            </ErrorBoundary>
          </Container>
        </AppShell.Main>
      </AppShell>
    </Provider>
  );
}

function Routes() {
  const { pathname } = useLocation();
  useFocusHeadingOnNavigation(pathname);
  let params: Record<string, string> | null;
  if (pathname === '/' || pathname === '/orgs') return <OrganizationsPage />;
  if (pathname === '/operator') return <OperatorPage />;
  if ((params = match('/orgs/:slug', pathname))) return <OrganizationPage slug={params.slug} />;
  if ((params = match('/orgs/:slug/api-keys', pathname))) return <ApiKeysPage key={pathname} slug={params.slug} />;
  if ((params = match('/orgs/:slug/projects/:project', pathname))) return <ProjectPage key={pathname} slug={params.slug} projectSlug={params.project} />;
  if ((params = match('/orgs/:slug/projects/:project/api-keys', pathname)))
    return <ApiKeysPage key={pathname} slug={params.slug} projectSlug={params.project} />;
  if ((params = match('/orgs/:slug/api-keys/:id', pathname))) return <KeyDetailsPage slug={params.slug} id={params.id} />;
  if ((params = match('/orgs/:slug/audit', pathname))) return <AuditPage slug={params.slug} />;
  if ((params = match('/orgs/:slug/usage', pathname))) return <OrganizationUsagePage slug={params.slug} />;
  if ((params = match('/orgs/:slug/webhooks', pathname))) return <WebhooksPage key={pathname} slug={params.slug} />;
  if ((params = match('/orgs/:slug/webhooks/:id', pathname))) return <WebhookDetailsPage key={pathname} slug={params.slug} id={params.id} />;
  return (
    <Alert title="Page not found" color="yellow">
      Nothing lives at {pathname}. <Link to="/">Back to your organizations</Link>
    </Alert>
  );
}

/** Whatever a screen throws (its code failed to load, a bug): words and a way on, never a blank page. */
class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    if (!this.state.error) return this.props.children;
    return (
      <Alert color="red" title="Something went wrong" role="alert">
        <Text size="sm">{this.state.error.message}</Text>
        <Group mt="sm" gap="xs">
          <Button size="xs" onClick={() => this.setState({ error: null })}>
            Retry
          </Button>
          <Button size="xs" variant="default" onClick={() => void session.signOut(false)}>
            Sign in again
          </Button>
        </Group>
      </Alert>
    );
  }
}

/** The server's word on an OpenID Connect round trip that did not end signed in (`/?signIn=…`), read once. */
function signInOutcome(): string | null {
  const outcome = new URLSearchParams(location.search).get('signIn');
  if (!outcome) return null;
  history.replaceState(null, '', location.pathname);
  if (outcome === 'unavailable') return 'The identity provider could not be reached. Try again.';
  if (outcome === 'refused') return 'The identity provider signed you in, but its token is not accepted by this API. Ask an administrator.';
  return 'Sign-in did not complete. Try again.';
}
