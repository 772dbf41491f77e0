import type { Page, Route } from '@playwright/test';
import { checkScreen, expect, signIn, test } from './support/fixtures.ts';

// What the console does around every screen: a failed change is always explained where it was made (the mutation
// helper), the key search waits for typing to pause, focus follows navigation, and server-decided facts (who may,
// when an endpoint is disabled) are shown as the server states them.

/** Removes the browser's own report of the answers a test forges (it logs every 4xx/5xx response as an error). */
function expectBrowserReported(problems: string[], pattern: RegExp) {
  expect(problems.filter((p) => pattern.test(p)).length).toBeGreaterThan(0);
  problems.splice(0, problems.length, ...problems.filter((p) => !pattern.test(p)));
}

/** Answers the next request of `operationName` with `status` and `body` (once); every other request goes through. */
async function answerOnce(page: Page, operationName: string, status: number, body: unknown, headers: Record<string, string> = {}) {
  let answered = false;
  const handler = async (route: Route) => {
    const sent = route.request().postDataJSON() as { operationName?: string } | null;
    if (answered || sent?.operationName !== operationName) return route.fallback();
    answered = true;
    await route.fulfill({ status, contentType: 'application/json', headers, body: JSON.stringify(body) });
    await page.unroute('**/graphql', handler);
  };
  await page.route('**/graphql', handler);
}

/** Waits until no CSS transition or animation runs (Mantine's modal and alerts), so screenshots show the end state. */
async function settled(page: Page) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

test('a change refused with 403, failing with a masked 500 or throttled with 429 is explained in its dialog, which stays open', async ({ page, api, browserProblems }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  const key = await api.orgKey(owner, org.id, 'Guarded key');
  await signIn(page, owner, `/orgs/${org.slug}/api-keys`);
  const row = page.getByTestId('key-row').filter({ hasText: 'Guarded key' });
  await row.getByRole('button', { name: 'Revoke', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke “Guarded key”?' });

  await answerOnce(page, 'ConsoleRevokeApiKey', 403, { errors: [{ message: 'Not authorized', extensions: { code: 'FORBIDDEN' } }] });
  await dialog.getByRole('button', { name: 'Revoke key' }).click();
  const forbidden = dialog.getByRole('alert');
  await expect(forbidden).toContainText('Not allowed');
  await expect(forbidden).toContainText('Not authorized');
  await settled(page);
  await checkScreen(page, '80-mutation-403');

  // Yoga's masked error: the message carries the request id, and so do the extensions.
  const requestId = '7d0c2a4e-1b7e-4c55-9f6a-2f1e0c9b3a11';
  await answerOnce(page, 'ConsoleRevokeApiKey', 500, { errors: [{ message: `Unexpected error. Request id: ${requestId}`, extensions: { requestId } }] });
  await dialog.getByRole('button', { name: 'Revoke key' }).click();
  const failed = dialog.getByRole('alert');
  await expect(failed).toContainText('The server could not make this change');
  await expect(failed).toContainText('Unexpected error.');
  await expect(failed.getByText(requestId)).toBeVisible();
  await settled(page);
  await checkScreen(page, '81-mutation-500');

  await answerOnce(page, 'ConsoleRevokeApiKey', 429, { errors: [{ message: 'Too many requests', extensions: { code: 'RATE_LIMITED' } }] }, { 'retry-after': '17' });
  await dialog.getByRole('button', { name: 'Revoke key' }).click();
  const throttled = dialog.getByRole('alert');
  await expect(throttled).toContainText('Too many requests');
  await expect(throttled).toContainText('Try again in 17 seconds.');
  await settled(page);
  await checkScreen(page, '82-mutation-429');

  // None of them changed anything; the same dialog then does.
  expect((await api.gql(owner.token, `{ node(id: "${key.id}") { ... on ApiKey { status } } }`)).node.status).toBe('ACTIVE');
  await dialog.getByRole('button', { name: 'Revoke key' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('Revoked');
  expectBrowserReported(browserProblems, /status of (403|500|429)/);
});

test('a form (create key) shows a top-level 403 too, and keeps what was typed', async ({ page, api, browserProblems }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  await signIn(page, owner, `/orgs/${org.slug}/api-keys`);
  await page.getByRole('button', { name: 'Create API key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create API key' });
  await dialog.getByLabel('Name').fill('Refused key');
  await answerOnce(page, 'ConsoleCreateOrganizationApiKey', 403, { errors: [{ message: 'Not authorized', extensions: { code: 'FORBIDDEN' } }] });
  await dialog.getByRole('button', { name: 'Create key' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Not authorized');
  await expect(dialog.getByLabel('Name')).toHaveValue('Refused key');
  await dialog.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByRole('dialog', { name: 'Your new API key' })).toBeVisible();
  expectBrowserReported(browserProblems, /status of 403/);
});

test('the key search asks the server once typing pauses, not once per keystroke', async ({ page, api }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  await api.orgKey(owner, org.id, 'Alpha key');
  await api.orgKey(owner, org.id, 'Bravo key');
  await signIn(page, owner, `/orgs/${org.slug}/api-keys`);
  await expect(page.getByTestId('key-row')).toHaveCount(2);

  const searches: string[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
    const sent = request.postDataJSON() as { operationName?: string; variables?: { filter?: { search?: string } } };
    if (sent.operationName === 'ConsoleOrgApiKeys' && sent.variables?.filter?.search) searches.push(sent.variables.filter.search);
  });
  await page.getByLabel('Search').pressSequentially('Bravo', { delay: 60 });
  await expect(page.getByTestId('key-row')).toHaveCount(1);
  await expect(page.getByTestId('key-row')).toContainText('Bravo key');
  await page.waitForTimeout(800); // anything still to come would have been sent by now
  expect(searches).toEqual(['Bravo']);
});

test('after navigating, focus is on the new page’s heading (links, and Back)', async ({ page, api }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  await signIn(page, owner, `/orgs/${org.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: org.name })).toBeVisible();

  await page.getByRole('link', { name: 'API keys', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API keys' })).toBeFocused();
  await page.getByRole('link', { name: org.name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: org.name })).toBeFocused();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'API keys' })).toBeFocused();
  // A keyboard user goes on from the heading: the next Tab reaches the control after it.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Create API key' })).toBeFocused();
});

test('a failing webhook endpoint shows the date the server will disable it (disablesAt)', async ({ page, api, server }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  const created = await api.gql(
    owner.token,
    `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { ... on CreateWebhookEndpointPayload { webhookEndpoint { id } } } }`,
    { input: { organizationId: org.id, url: 'http://127.0.0.1:9/hooks', events: ['API_KEY_CREATED'] } },
  );
  const id = created.createWebhookEndpoint.webhookEndpoint.id as string;
  await server.seedFailingSince(id, 30);
  const { disablesAt } = (await api.gql(owner.token, `{ node(id: "${id}") { ... on WebhookEndpoint { disablesAt } } }`)).node as { disablesAt: string };

  await signIn(page, owner, `/orgs/${org.slug}/webhooks/${encodeURIComponent(id)}`);
  const shown = await page.evaluate(
    (value) => new Date(value).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC',
    disablesAt,
  );
  await expect(page.getByRole('status').filter({ hasText: 'Deliveries to this endpoint are failing' })).toContainText(`Unless one succeeds before ${shown}`);
});
