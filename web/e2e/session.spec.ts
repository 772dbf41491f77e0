import { checkScreen, expect, signIn, test } from './support/fixtures.ts';

/** The browser reports failed requests on its console; a test that causes them on purpose takes them off the list. */
function expectBrowserReported(problems: string[], pattern: RegExp) {
  const expected = problems.filter((p) => pattern.test(p));
  expect(expected.length).toBeGreaterThan(0);
  problems.splice(0, problems.length, ...problems.filter((p) => !pattern.test(p)));
}

test('an expired session leads to the sign-in screen with a message; signing in again returns to the page', async ({ page, api, browserProblems }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  await api.orgKey(owner, org.id, 'Session key');
  // The development sign-in issues a token that lives 3 seconds (the server really expires it).
  await page.route('**/auth/dev-token', async (route) => {
    const body = JSON.parse(route.request().postData() ?? '{}') as Record<string, unknown>;
    await route.continue({ postData: JSON.stringify({ ...body, expiresInSeconds: 3 }) });
  });
  await signIn(page, owner, `/orgs/${org.slug}`);
  await page.unroute('**/auth/dev-token');
  await expect(page.getByRole('heading', { name: org.name })).toBeVisible();

  await page.waitForTimeout(3_500);
  await page.getByRole('link', { name: 'API keys', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Your session expired. Sign in again to continue.');
  expect(new URL(page.url()).pathname).toBe(`/orgs/${org.slug}/api-keys`);
  await checkScreen(page, '20-session-expired');
  expectBrowserReported(browserProblems, /401/);

  await page.getByLabel('Subject').fill(owner.sub);
  await page.getByLabel('Email').fill(owner.email);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('link', { name: 'Session key', exact: true })).toBeVisible();
});

test('a token the server refuses leads to the sign-in screen, not a blank page', async ({ page, api, browserProblems }) => {
  const owner = await api.user('owner');
  // A well-formed token signed with another secret: the API answers 401 to it.
  const forged = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: owner.sub, exp: Math.floor(Date.now() / 1000) + 3600 })).toString('base64url')}.${'A'.repeat(43)}`;
  await page.route('**/auth/dev-token', (route) => route.fulfill({ json: { token: forged, expiresInSeconds: 3600 } }));
  await page.goto('/');
  await page.getByLabel('Subject').fill(owner.sub);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('status')).toHaveText('Your sign-in was not accepted (it may have been revoked). Sign in again to continue.');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expectBrowserReported(browserProblems, /401/);
});

test('a network failure shows an error with Retry; a change that did not reach the server says so and can be repeated', async ({ page, api, browserProblems }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  await api.orgKey(owner, org.id, 'Network key');
  await signIn(page, owner);
  await expect(page.getByRole('link', { name: org.name, exact: true })).toBeVisible();

  await page.route('**/graphql', (route) => route.abort('internetdisconnected'));
  await page.getByRole('link', { name: org.name, exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'The server could not be reached' });
  await expect(alert).toContainText('Check your connection and try again.');
  await checkScreen(page, '21-network-error');
  await page.unroute('**/graphql');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('heading', { name: org.name })).toBeVisible();

  await page.getByRole('link', { name: 'API keys', exact: true }).click();
  await page.getByRole('button', { name: 'Revoke', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /Revoke/ });
  await page.route('**/graphql', (route) => route.abort('internetdisconnected'));
  await dialog.getByRole('button', { name: 'Revoke key' }).click();
  const notSaved = page.getByRole('alert').filter({ hasText: 'Not saved' });
  await expect(notSaved).toContainText('your last change was not confirmed');
  await expect(dialog).toBeVisible();
  await checkScreen(page, '22-change-not-saved');
  await page.unroute('**/graphql');
  await dialog.getByRole('button', { name: 'Revoke key' }).click();
  await expect(dialog).toBeHidden();
  await expect(notSaved).toBeHidden();
  await expect(page.getByTestId('key-row').filter({ hasText: 'Network key' })).toContainText('Revoked');
  expectBrowserReported(browserProblems, /ERR_INTERNET_DISCONNECTED/);
});
