import { checkScreen, expect, signIn, test } from './support/fixtures.ts';

// GraphiQL's page carries a content security policy that allows only its own inline script (by hash). Once GraphiQL
// had been rendered, that policy was put on every HTML response of the process, the console's index.html included,
// and the console's script was refused: a white page for everyone until a restart.
test('opening GraphiQL leaves the console working, each page under its own policy', async ({ page, api, server }) => {
  const graphiql = await page.goto('/graphql');
  expect(graphiql?.status()).toBe(200);
  const graphiqlPolicy = graphiql!.headers()['content-security-policy'];
  expect(graphiqlPolicy).toMatch(/script-src 'sha256-/);
  await page.locator('.graphiql-query-editor .monaco-editor').waitFor({ timeout: 60_000 });

  // Another tab in the same browser, and a plain HTTP request, both after GraphiQL has been served.
  const consolePage = await page.context().newPage();
  const index = await consolePage.goto('/');
  const consolePolicy = index!.headers()['content-security-policy'];
  expect(consolePolicy).toContain("script-src 'self'");
  expect(consolePolicy).not.toContain('sha256-');
  const plain = await fetch(`${server.url}/orgs/anything`, { headers: { accept: 'text/html' } });
  expect(plain.headers.get('content-security-policy')).toBe(consolePolicy);

  const owner = await api.user('graphiql-owner');
  const org = await api.organization(owner);
  await signIn(consolePage, owner);
  await expect(consolePage.getByRole('link', { name: org.name, exact: true })).toBeVisible();
  await checkScreen(consolePage, '60-console-after-graphiql');
  await consolePage.close();
});
