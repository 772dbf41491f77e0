import { checkScreen, expect, signIn, test } from './support/fixtures.ts';

/** Like expectBrowserReported, where the failed requests may or may not have happened (a race the test does not fix). */
function problemsMatching(problems: string[], pattern: RegExp) {
  problems.splice(0, problems.length, ...problems.filter((p) => !pattern.test(p)));
}

/** The browser reports failed requests on its console; a test that causes them on purpose takes them off the list. */
function expectBrowserReported(problems: string[], pattern: RegExp) {
  const expected = problems.filter((p) => pattern.test(p));
  expect(expected.length).toBeGreaterThan(0);
  problems.splice(0, problems.length, ...problems.filter((p) => !pattern.test(p)));
}

test('a reload and a second tab stay signed in; signing out everywhere signs the other tab out', async ({ page, api, context, browserProblems }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  await signIn(page, owner, `/orgs/${org.slug}`);
  await expect(page.getByRole('heading', { name: org.name })).toBeVisible();
  // The session is an HttpOnly cookie: no script of the page can read it, and no token is in storage.
  const cookies = await context.cookies();
  expect(cookies.map((c) => ({ name: c.name, httpOnly: c.httpOnly, sameSite: c.sameSite }))).toEqual([{ name: 'keysmith-session', httpOnly: true, sameSite: 'Strict' }]);
  expect(await page.evaluate(() => document.cookie + JSON.stringify(localStorage) + JSON.stringify(sessionStorage))).toBe('{}{}');

  await page.reload();
  await expect(page.getByRole('heading', { name: org.name })).toBeVisible();
  await expect(page.getByText(`Signed in as ${owner.email}`)).toBeVisible();
  await checkScreen(page, '20-reloaded-signed-in');

  const second = await context.newPage();
  await second.goto(`/orgs/${org.slug}/api-keys`);
  await expect(second.getByRole('heading', { name: /API keys/ })).toBeVisible();
  await expect(second.getByText(`Signed in as ${owner.email}`)).toBeVisible();
  await checkScreen(second, '20-second-tab-signed-in');

  await second.getByRole('button', { name: 'Sign out' }).click();
  await second.getByRole('menuitem', { name: 'Sign out everywhere' }).click();
  await expect(second.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(second.getByRole('status')).toHaveText('You were signed out everywhere.');
  // The first tab learns it when it is next used (here: it regains focus).
  await page.bringToFront();
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('You were signed out');
  await checkScreen(page, '20-signed-out-everywhere');
  await second.close();
  // The first tab's queries, refreshed on focus, met the ended session (401) before it showed the sign-in.
  problemsMatching(browserProblems, /401/);
});

test('a session ended on the server leads to the sign-in screen with a message; signing in again returns to the page', async ({ page, api, browserProblems }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  await api.orgKey(owner, org.id, 'Session key');
  await signIn(page, owner, `/orgs/${org.slug}`);
  await expect(page.getByRole('heading', { name: org.name })).toBeVisible();

  // Signed out everywhere from somewhere else (another client with the same person's session; this tab keeps its cookie).
  const [cookie] = await page.context().cookies();
  const ended = await fetch(`${new URL(page.url()).origin}/auth/sign-out`, {
    method: 'POST',
    headers: { cookie: `${cookie.name}=${cookie.value}`, 'x-keysmith-console': '1', 'content-type': 'application/json' },
    body: JSON.stringify({ everywhere: true }),
  });
  expect(ended.status).toBe(200);
  await page.getByRole('link', { name: 'API keys', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Your console session has ended (signed out). Sign in again to continue.');
  expect(new URL(page.url()).pathname).toBe(`/orgs/${org.slug}/api-keys`);
  await checkScreen(page, '21-session-ended');
  expectBrowserReported(browserProblems, /401/);

  await page.getByLabel('Subject').fill(owner.sub);
  await page.getByLabel('Email').fill(owner.email);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('link', { name: 'Session key', exact: true })).toBeVisible();
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
