// OpenID Connect sign-in (authorization code + PKCE) with oidc-client-ts. Loaded only when the server configures it,
// so the development console and the first load carry none of it.
import { InMemoryWebStorage, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import { session, type Session } from './session.ts';
import type { OidcSettings } from './settings.ts';
import { OIDC_CALLBACK_PATH as CALLBACK_PATH } from './oidc-callback-path.ts';
import { safeReturnPath } from './return-path.ts';

let manager: UserManager | null = null;

function userManager(settings: OidcSettings): UserManager {
  if (manager) return manager;
  const created = new UserManager({
    authority: settings.authority,
    client_id: settings.clientId,
    scope: settings.scope,
    redirect_uri: `${location.origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${location.origin}/`,
    response_type: 'code', // with PKCE, always
    // Tokens in memory only. The short-lived sign-in request (state, PKCE verifier) must survive the redirect to the
    // provider and back: it waits in this tab's sessionStorage and is removed at the callback.
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: sessionStorage }),
    // Renews before the access token expires, with the refresh token (the console's pages may not be framed, so no
    // hidden-iframe renewal): the session continues without a visible sign-in.
    automaticSilentRenew: true,
    loadUserInfo: false,
  });
  created.events.addUserLoaded((user) => {
    if (session.get()?.kind === 'oidc') session.renew(user.access_token);
  });
  // The session ended in the console (sign-out, or a 401): forget the tokens so nothing renews them.
  session.subscribe(() => {
    if (!session.get()) void created.removeUser();
  });
  manager = created;
  return created;
}

/** Goes to the identity provider's sign-in page; after it, the console returns to `returnTo`. */
export async function signIn(settings: OidcSettings, returnTo: string): Promise<void> {
  await userManager(settings).signinRedirect({ state: { returnTo } });
}

/** Completes the sign-in at the callback URL: the session to start, and where to go next. */
export async function completeSignIn(settings: OidcSettings): Promise<{ returnTo: string; session: Omit<Session, 'id'> }> {
  const user = (await userManager(settings).signinCallback()) as User | undefined;
  if (!user) throw new Error('The identity provider did not return a session.');
  const returnTo = (user.state as { returnTo?: unknown } | undefined)?.returnTo;
  return {
    // Only a path of this console (never another site, never the callback itself).
    returnTo: safeReturnPath(returnTo, location.origin, CALLBACK_PATH),
    session: {
      kind: 'oidc',
      token: user.access_token,
      subject: String(user.profile.email ?? user.profile.name ?? user.profile.sub),
      operator: hasOperatorRole(user.access_token),
    },
  };
}

/** Ends the session here and at the identity provider. */
export async function signOut(settings: OidcSettings): Promise<void> {
  const users = userManager(settings);
  const user = await users.getUser();
  session.signOut();
  await users.signoutRedirect({ id_token_hint: user?.id_token });
}

/** Display only (the Operator link): the server decides from the same claim what an operator may do. */
function hasOperatorRole(accessToken: string): boolean {
  try {
    const payload = JSON.parse(atob(accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { roles?: unknown };
    return Array.isArray(payload.roles) && payload.roles.includes('operator');
  } catch {
    return false;
  }
}
