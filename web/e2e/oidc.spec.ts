import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { checkScreen, expect, startKeysmith, test } from './support/fixtures.ts';

const AUDIENCE = 'keysmith-api';
const CLIENT_ID = 'keysmith-console';
/**
 * Access tokens live 8 s. The server renews a session's token when it has less than 60 s left (RENEW_BEFORE_MS in
 * src/console/session-service.ts), so each of these is renewed on the session's next request: the test waits past
 * the first token's lifetime in 9 s instead of the 66 s that a token outliving the renewal margin would need.
 */
const ACCESS_TOKEN_TTL = 8;

/**
 * A real OpenID provider (oidc-provider) on a local port, with its development login and consent pages: any login
 * and password sign in as that login. Access tokens are JWTs for the API (audience keysmith-api), carrying the
 * user's email; refresh tokens let the console renew silently.
 */
async function startIdentityProvider(consoleUrl: () => string) {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const start = () => {
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: CLIENT_ID,
          token_endpoint_auth_method: 'none',
          redirect_uris: [`${consoleUrl()}/auth/oidc/callback`],
          post_logout_redirect_uris: [`${consoleUrl()}/`],
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
        },
      ],
      findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, email: `${id}@example.com`, name: id }) }),
      claims: { openid: ['sub'], email: ['email'], profile: ['name'] },
      features: {
        devInteractions: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => 'urn:keysmith:api',
          useGrantedResource: () => true,
          getResourceServerInfo: () => ({
            scope: 'keysmith',
            audience: AUDIENCE,
            accessTokenTTL: ACCESS_TOKEN_TTL,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          }),
        },
      },
      issueRefreshToken: () => true,
      extraTokenClaims: (_ctx, token) => ({ email: `${(token as { accountId: string }).accountId}@example.com` }),
      ttl: { AccessToken: ACCESS_TOKEN_TTL, IdToken: 3600, RefreshToken: 3600, Grant: 3600, Session: 3600, Interaction: 600 },
    });
    server.on('request', provider.callback());
  };
  return { issuer, start, stop: () => server.close() };
}

test('OpenID Connect: sign in at the identity provider (the server redeems the code), renew the token on the server, sign out', async ({ page, consoleOrigins, otherOrigins }) => {
  test.setTimeout(180_000);
  let consoleUrl = '';
  const idp = await startIdentityProvider(() => consoleUrl);
  const keysmith = await startKeysmith({
    JWT_JWKS_URL: `${idp.issuer}/jwks`,
    JWT_ISSUER: idp.issuer,
    JWT_AUDIENCE: AUDIENCE,
    CONSOLE_OIDC_CLIENT_ID: CLIENT_ID,
  });
  consoleUrl = keysmith.url;
  idp.start();
  consoleOrigins.push(keysmith.url);
  // The provider's development pages ask for a web font: answered empty here, and outside the console anyway.
  otherOrigins.push(idp.issuer, 'https://fonts.googleapis.com');
  await page.route('https://fonts.googleapis.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/css', body: '' }));
  try {
    // Production sign-in only: the development form and its endpoint do not exist here.
    expect((await fetch(`${keysmith.url}/auth/dev-token`, { method: 'POST', body: '{}' })).status).toBe(404);

    const first = await page.goto(`${keysmith.url}/`);
    // The page never calls the provider (the server does): its policy allows this origin alone, sign-in still works.
    const policy = (await first!.allHeaders())['content-security-policy'];
    expect(policy).toContain("connect-src 'self';");
    expect(policy).not.toContain(new URL(idp.issuer).host);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByLabel('Subject')).toHaveCount(0);
    await checkScreen(page, '30-oidc-sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();

    // The provider's own login and consent pages.
    await page.waitForURL((url) => url.origin === idp.issuer);
    const login = `oidc-alice-${Date.now()}`;
    await page.getByPlaceholder('Enter any login').fill(login);
    await page.getByPlaceholder('and password').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();

    // Back in the console, signed in, on the organizations page; no token in the page: only an HttpOnly cookie.
    await expect(page.getByText(`Signed in as ${login}@example.com`)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Organizations' })).toBeVisible();
    await expect(page.getByText('You are not a member of any organization yet.')).toBeVisible();
    expect(new URL(page.url()).pathname).toBe('/');
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(storage).not.toMatch(/eyJ[\w-]+\.eyJ/);
    // Cookies are per host, not per port: the test identity provider's own (`_session`, `_interaction`) share 127.0.0.1.
    const consoleCookies = (await page.context().cookies()).filter((c) => !c.name.startsWith('_'));
    expect(consoleCookies.map((c) => [c.name, c.httpOnly, c.sameSite])).toEqual([['keysmith-session', true, 'Strict']]);
    await checkScreen(page, '31-oidc-signed-in');

    // The API accepts the provider's token, held by the server: create an organization through the console.
    const bearers: string[] = [];
    page.on('request', (r) => r.url() === `${keysmith.url}/graphql` && bearers.push(r.headers().authorization ?? ''));
    const slug = `oidc-${Date.now().toString(36)}`;
    await page.getByLabel('Name').fill('OIDC Org');
    await page.getByLabel('Slug').fill(slug);
    await page.getByRole('button', { name: 'Create organization' }).click();
    await expect(page.getByRole('heading', { name: 'OIDC Org' })).toBeVisible();

    // Past the first access token's lifetime the session still works: the server renewed it with the refresh token.
    // A reload keeps the session.
    await page.waitForTimeout((ACCESS_TOKEN_TTL + 1) * 1000);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'OIDC Org' })).toBeVisible();
    await expect(page.getByText(`Signed in as ${login}@example.com`)).toBeVisible();
    // No request of the page ever carried a token.
    expect(bearers.length).toBeGreaterThan(0);
    expect(new Set(bearers)).toEqual(new Set(['']));

    // Sign-out ends the session at the provider too, and returns to the console's sign-in screen.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('menuitem', { name: 'Sign out of this browser' }).click();
    await page.waitForURL((url) => url.origin === idp.issuer);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${keysmith.url}/`);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  } finally {
    keysmith.stop();
    idp.stop();
  }
});
