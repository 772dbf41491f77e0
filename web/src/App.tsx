import { Component, lazy, Suspense, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { Alert, AppShell, Button, Container, Group, Text, Title } from '@mantine/core';
import { Provider } from 'urql';
import { createClient } from './client.ts';
import { Link, match, useLocation } from './router.tsx';
import { session } from './session.ts';
import { SignInPage } from './pages/SignIn.tsx';

// The screens (and their typed documents) load after sign-in, which keeps the first load small.
const OrganizationsPage = lazy(() => import('./pages/Organizations.tsx').then((m) => ({ default: m.OrganizationsPage })));
const OrganizationPage = lazy(() => import('./pages/Organization.tsx').then((m) => ({ default: m.OrganizationPage })));
const ApiKeysPage = lazy(() => import('./pages/ApiKeys.tsx').then((m) => ({ default: m.ApiKeysPage })));
const KeyDetailsPage = lazy(() => import('./pages/KeyDetails.tsx').then((m) => ({ default: m.KeyDetailsPage })));
const OperatorPage = lazy(() => import('./pages/Operator.tsx').then((m) => ({ default: m.OperatorPage })));
const AuditPage = lazy(() => import('./pages/Audit.tsx').then((m) => ({ default: m.AuditPage })));

function useSession() {
  return useSyncExternalStore(session.subscribe, session.get);
}

export function App() {
  const current = useSession();
  // A new client per session: nothing cached for one user is ever shown to the next.
  const client = useMemo(() => createClient(), [current?.token]);
  if (!current) return <SignInPage notice={session.notice()} />;
  return (
    <Provider value={client}>
      <AppShell header={{ height: 56 }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between">
            <Group>
              <Title order={2} size="h4">
                Keysmith
              </Title>
              <nav aria-label="Main">
                <Group gap="md">
                  <Link to="/">Organizations</Link>
                  {current.operator ? <Link to="/operator">Operator</Link> : null}
                </Group>
              </nav>
            </Group>
            <Group>
              <Text size="sm" c="dimmed">
                Signed in as {current.subject}
              </Text>
              <Button size="xs" variant="default" onClick={() => session.signOut()}>
                Sign out
              </Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Main>
          <Container size="100%">
            <ErrorBoundary>
              <Suspense fallback={<Text>Loading…</Text>}>
                <Routes />
              </Suspense>
            </ErrorBoundary>
          </Container>
        </AppShell.Main>
      </AppShell>
    </Provider>
  );
}

function Routes() {
  const { pathname } = useLocation();
  let params: Record<string, string> | null;
  if (pathname === '/' || pathname === '/orgs') return <OrganizationsPage />;
  if (pathname === '/operator') return <OperatorPage />;
  if ((params = match('/orgs/:slug', pathname))) return <OrganizationPage slug={params.slug} />;
  if ((params = match('/orgs/:slug/api-keys', pathname))) return <ApiKeysPage key={pathname} slug={params.slug} />;
  if ((params = match('/orgs/:slug/projects/:project/api-keys', pathname)))
    return <ApiKeysPage key={pathname} slug={params.slug} projectSlug={params.project} />;
  if ((params = match('/orgs/:slug/api-keys/:id', pathname))) return <KeyDetailsPage slug={params.slug} id={params.id} />;
  if ((params = match('/orgs/:slug/audit', pathname))) return <AuditPage slug={params.slug} />;
  return (
    <Alert title="Page not found" color="yellow">
      Nothing lives at {pathname}. <Link to="/">Back to your organizations</Link>
    </Alert>
  );
}

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
        <Button mt="sm" size="xs" onClick={() => session.signOut('Sign in again to continue.')}>
          Sign in again
        </Button>
      </Alert>
    );
  }
}
