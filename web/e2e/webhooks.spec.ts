import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { checkScreen, expect, inEveryMode, signIn, test, type Api, type User } from './support/fixtures.ts';

type Received = { headers: Record<string, string>; body: string };

/** A webhook receiver on loopback (the test server allows private addresses): records every POST, answers `status`. */
async function startReceiver() {
  const received: Received[] = [];
  let status = 200;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers as Record<string, string>, body });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'unavailable');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/keysmith`,
    received,
    answer: (next: number) => void (status = next),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The event of a delivery, verified with `secret` as a receiver would (throws when the signature does not match). */
function verified(secret: string, delivery: Received): { type: string; data: { name: string } } {
  return new Webhook(secret).verify(delivery.body, delivery.headers) as { type: string; data: { name: string } };
}

async function deliveryCount(api: Api, owner: User, slug: string): Promise<number> {
  const data = await api.gql(owner.token, `query($slug: String!) { organization(slug: $slug) { webhookEndpoints(first: 5) { edges { node { recentDeliveries { id } } } } } }`, { slug });
  return data.organization.webhookEndpoints.edges[0].node.recentDeliveries.length;
}

test('webhooks: add an endpoint, store its secret, see signed deliveries succeed and a failing one retried, edit, disable, rotate, delete', async ({ page, api }) => {
  test.setTimeout(360_000); // two screens in every mode (axe each time) on a shared machine
  const receiver = await startReceiver();
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  await signIn(page, owner, `/orgs/${org.slug}`);
  await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Webhooks' })).toBeVisible();
  await expect(page.getByText('No webhook endpoints yet.')).toBeVisible();
  await checkScreen(page, '40-webhooks-empty');

  // The server's field errors appear next to their fields: no event chosen, then a URL that is not http(s).
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add webhook endpoint' });
  const url = dialog.getByRole('textbox', { name: 'Endpoint URL' });
  await url.fill('ftp://example.com/hooks');
  await dialog.getByRole('button', { name: 'Add endpoint' }).click();
  const events = dialog.getByRole('group', { name: 'Events' });
  await expect(events).toHaveAccessibleDescription(/must list at least one event/);
  await expect(dialog.getByText('must list at least one event')).toBeVisible();
  await dialog.getByRole('checkbox', { name: 'Key created' }).check();
  await dialog.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(url).toHaveAttribute('aria-invalid', 'true');
  await expect(url).toHaveAccessibleDescription(/must be an https URL/);
  await expect(dialog.getByText('must list at least one event')).toBeHidden();
  await checkScreen(page, '41-webhook-create-errors');

  await url.fill(receiver.url);
  await dialog.getByRole('textbox', { name: 'Description' }).fill('Audit mirror');
  await dialog.getByRole('button', { name: 'Add endpoint' }).click();
  const secretDialog = page.getByRole('dialog', { name: 'The signing secret of your new endpoint' });
  await expect(secretDialog).toContainText('Store this signing secret now');
  const secret = (await secretDialog.getByTestId('secret').innerText()).trim();
  expect(secret).toMatch(/^whsec_/);
  await secretDialog.getByRole('button', { name: 'Copy' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await checkScreen(page, '42-webhook-secret-dialog');
  await page.keyboard.press('Escape');
  await expect(secretDialog).toBeVisible();
  await secretDialog.getByLabel('I have stored this signing secret somewhere safe').check();
  await secretDialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);

  const row = page.getByTestId('endpoint-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(receiver.url);
  await expect(row).toContainText('Audit mirror');
  await expect(row).toContainText('Key created');
  await expect(row).toContainText('Enabled');
  await expect(row).toContainText('None yet');

  // A key event reaches the receiver, signed with the secret the dialog showed.
  await api.orgKey(owner, org.id, 'Hooked key');
  await expect.poll(() => receiver.received.length).toBe(1);
  expect(verified(secret, receiver.received[0])).toMatchObject({ type: 'api_key.created', data: { name: 'Hooked key' } });
  await expect.poll(async () => {
    await page.getByRole('main').getByRole('button', { name: 'Refresh' }).click();
    return row.textContent();
  }).toContain('Succeeded');
  await expect(row).toContainText('HTTP 200');
  await checkScreen(page, '43-webhooks-list');
  await inEveryMode(page, 'webhooks-list');

  // The receiver fails: the delivery is pending with its retry, and the log (refreshing itself) shows the retry succeed.
  await row.getByRole('link', { name: receiver.url }).click();
  await expect(page.getByRole('heading', { name: 'Audit mirror' })).toBeVisible();
  const deliveries = page.getByTestId('delivery-row');
  await expect(deliveries).toHaveCount(1);
  await expect(deliveries.first()).toContainText('Key created');
  await expect(deliveries.first()).toContainText('Succeeded');
  receiver.answer(503);
  await api.orgKey(owner, org.id, 'Second key');
  await expect.poll(() => receiver.received.length).toBe(2);
  await page.getByRole('main').getByRole('button', { name: 'Refresh' }).click();
  const retried = deliveries.first();
  await expect(deliveries).toHaveCount(2);
  await expect(retried).toContainText('Pending');
  await expect(retried).toContainText('503');
  await expect(retried).toContainText('HTTP 503');
  await expect(retried).toContainText(/in \d+ s/);
  const failing = page.getByRole('status').filter({ hasText: 'Deliveries to this endpoint are failing' });
  await expect(failing).toContainText('Unless one succeeds before');
  // The receiver is fixed before its retry goes out (5 s after the failure: axe on a busy machine can take longer);
  // the screenshot is taken at once, while the delivery is still pending.
  receiver.answer(200);
  await checkScreen(page, '44-webhook-deliveries-pending');
  await expect(retried).toContainText('Succeeded', { timeout: 20_000 });
  await expect(failing).toBeHidden();
  await expect(retried.getByRole('cell').nth(3)).toHaveText('2');
  expect(receiver.received[2].headers['webhook-id']).toBe(receiver.received[1].headers['webhook-id']);
  expect(verified(secret, receiver.received[2]).data.name).toBe('Second key');
  await checkScreen(page, '45-webhook-details');
  await inEveryMode(page, 'webhook-details');

  // Edit: description and events.
  await page.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit webhook endpoint' });
  await expect(edit.getByRole('textbox', { name: 'Endpoint URL' })).toHaveValue(receiver.url);
  await edit.getByRole('textbox', { name: 'Description' }).fill('Billing sync');
  await edit.getByRole('checkbox', { name: 'Key revoked' }).check();
  await checkScreen(page, '46-webhook-edit-dialog');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Billing sync' })).toBeVisible();
  const details = page.getByRole('table', { name: 'Endpoint details' });
  await expect(details).toContainText('Key revoked');

  // Disabled: a key event writes no delivery for it; enabled again, it does.
  await page.getByRole('button', { name: 'Disable' }).click();
  await expect(page.getByText('This endpoint is disabled')).toBeVisible();
  await expect(details).toContainText('Disabled');
  await api.orgKey(owner, org.id, 'Unheard key');
  expect(await deliveryCount(api, owner, org.slug)).toBe(2);
  await page.getByRole('button', { name: 'Enable' }).click();
  await expect(page.getByText('This endpoint is disabled')).toBeHidden();
  await expect(details).toContainText('Enabled');

  // Rotate: confirmed, then the new secret once; deliveries from now on verify with it and not with the old one.
  await page.getByRole('button', { name: 'Rotate secret' }).click();
  const rotate = page.getByRole('dialog', { name: 'Rotate the signing secret?' });
  await expect(rotate).toContainText('signed with the new secret only');
  await checkScreen(page, '47-webhook-rotate-confirm');
  await rotate.getByRole('button', { name: 'Rotate secret' }).click();
  const rotated = page.getByRole('dialog', { name: 'The new signing secret' });
  const next = (await rotated.getByTestId('secret').innerText()).trim();
  expect(next).toMatch(/^whsec_/);
  expect(next).not.toBe(secret);
  await rotated.getByLabel('I have stored this signing secret somewhere safe').check();
  await rotated.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await api.orgKey(owner, org.id, 'After rotation');
  await expect.poll(() => receiver.received.length).toBe(4);
  expect(verified(next, receiver.received[3]).data.name).toBe('After rotation');
  expect(() => verified(secret, receiver.received[3])).toThrow();

  // The endpoint's history, and the organization's audit log, name each change.
  const history = page.getByRole('table', { name: 'Audit events' });
  await page.getByRole('main').getByRole('button', { name: 'Refresh' }).click();
  for (const action of ['Webhook endpoint added', 'Webhook endpoint changed', 'Webhook secret rotated']) await expect(history).toContainText(action);
  await page.getByRole('link', { name: org.name, exact: true }).click();
  await page.getByRole('link', { name: 'Audit log' }).click();
  const audit = page.getByRole('table', { name: 'Audit events' });
  await expect(audit).toContainText('Webhook secret rotated');
  await page.getByRole('combobox', { name: 'Action' }).click();
  await page.getByRole('option', { name: 'Webhook endpoint changed' }).click();
  await expect(audit).not.toContainText('API key created');
  await expect(audit.getByRole('row')).toHaveCount(4); // header + description/events, disable, enable
  await checkScreen(page, '48-webhook-audit-log');

  // Delete: confirmed, back to an empty list; the receiver hears nothing more.
  await page.goBack();
  await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
  await page.getByTestId('endpoint-row').getByRole('link', { name: receiver.url }).click();
  await page.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this webhook endpoint?' });
  await expect(confirm).toContainText('cannot be undone');
  await checkScreen(page, '49-webhook-delete-confirm');
  await confirm.getByRole('button', { name: 'Delete endpoint' }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${org.slug}/webhooks$`));
  await expect(page.getByText('No webhook endpoints yet.')).toBeVisible();
  const left = await api.gql(owner.token, `query($slug: String!) { organization(slug: $slug) { webhookEndpoints(first: 5) { totalCount } } }`, { slug: org.slug });
  expect(left.organization.webhookEndpoints.totalCount).toBe(0);
  await receiver.close();
});

test('webhooks: an endpoint failing for 5 days is disabled automatically; enabled again, it gets its pending retry and a redelivery with the same webhook-id', async ({ page, api, server }) => {
  test.setTimeout(180_000);
  const receiver = await startReceiver();
  receiver.answer(503);
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  const created = await api.gql(
    owner.token,
    `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { __typename ... on CreateWebhookEndpointPayload { secret webhookEndpoint { id } } } }`,
    { input: { organizationId: org.id, url: receiver.url, description: 'Flaky receiver', events: ['API_KEY_CREATED'] } },
  );
  const { secret, webhookEndpoint } = created.createWebhookEndpoint as { secret: string; webhookEndpoint: { id: string } };
  await server.seedFailingSince(webhookEndpoint.id, 5 * 24 + 1);

  await signIn(page, owner, `/orgs/${org.slug}/webhooks`);
  const failingBanner = page.getByRole('status').filter({ hasText: 'Deliveries to 1 endpoint are failing' });
  await expect(failingBanner).toContainText(receiver.url);
  await expect(page.getByTestId('endpoint-row')).toContainText('Failing since');
  await checkScreen(page, '51-webhooks-failing');

  // The next failed attempt ends the 5 days: the server disables the endpoint.
  await api.orgKey(owner, org.id, 'Missed key');
  await expect.poll(() => receiver.received.length).toBe(1);
  const health = `query($id: ID!) { node(id: $id) { ... on WebhookEndpoint { enabled autoDisabledAt } } }`;
  await expect.poll(async () => (await api.gql(owner.token, health, { id: webhookEndpoint.id })).node.enabled).toBe(false);
  // The failed delivery's retry goes out 5 s after the failure: the endpoint's page is checked before it, and the
  // screenshots (axe takes seconds on a busy machine) once the receiver is fixed.
  await page.getByRole('main').getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '1 endpoint was disabled automatically' })).toContainText(receiver.url);
  await expect(page.getByTestId('endpoint-row')).toContainText('Disabled automatically');
  await expect(failingBanner).toBeHidden();

  await page.getByTestId('endpoint-row').getByRole('link', { name: receiver.url }).click();
  const disabledAlert = page.getByRole('alert').filter({ hasText: 'Disabled automatically after 5 days of failed deliveries' });
  await expect(disabledAlert).toContainText('every delivery attempt had failed since');
  const row = page.getByTestId('delivery-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Pending');
  await expect(row.getByRole('button', { name: 'Redeliver' })).toBeDisabled();

  // Pending deliveries still go out while it is disabled: the receiver is fixed, the retry succeeds.
  receiver.answer(200);
  await expect(row).toContainText('Succeeded', { timeout: 20_000 });
  await checkScreen(page, '53-webhook-auto-disabled-details');
  await page.goBack();
  await expect(page.getByTestId('endpoint-row')).toContainText('Disabled automatically');
  await checkScreen(page, '52-webhooks-auto-disabled');
  await page.goForward();
  await expect(disabledAlert).toBeVisible();
  await disabledAlert.getByRole('button', { name: 'Enable the endpoint' }).click();
  await expect(disabledAlert).toBeHidden();
  await expect(page.getByRole('table', { name: 'Endpoint details' })).toContainText('Enabled');

  // Redeliver: a new delivery of the same event, with the same webhook-id, signed with the current secret.
  await row.getByRole('button', { name: 'Redeliver' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is being sent again' })).toBeVisible();
  await expect(row).toHaveCount(2);
  await expect.poll(() => receiver.received.length).toBe(3);
  const [first, , again] = receiver.received;
  expect(again.headers['webhook-id']).toBe(first.headers['webhook-id']);
  expect(verified(secret, again).data.name).toBe('Missed key');
  await expect(row.first()).toContainText('Succeeded', { timeout: 20_000 });
  await expect(row.nth(0).getByText(/^msg_/)).toHaveText(first.headers['webhook-id']);
  await expect(row.nth(1).getByText(/^msg_/)).toHaveText(first.headers['webhook-id']);

  // The payload viewer shows the body exactly as the receiver got it.
  await row.first().getByRole('button', { name: 'Payload' }).click();
  const payload = page.getByRole('dialog', { name: 'Event payload' });
  expect(JSON.parse(await payload.getByTestId('payload').innerText())).toEqual(JSON.parse(again.body));
  await checkScreen(page, '54-webhook-payload');
  await payload.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  const history = page.getByRole('table', { name: 'Audit events' });
  await expect(history).toContainText('Webhook endpoint disabled after 5 days of failures');
  await expect(history).toContainText('Webhook event sent again');
  await checkScreen(page, '55-webhook-redelivered');
  await receiver.close();
});

test('webhooks: a MEMBER is told that only owners and admins see them; an ADMIN manages them', async ({ page, api }) => {
  const owner = await api.user('owner');
  const member = await api.user('member');
  const admin = await api.user('admin');
  const org = await api.organization(owner);
  await api.addMember(owner, org.id, member, 'MEMBER');
  await api.addMember(owner, org.id, admin, 'ADMIN');
  const created = await api.gql(
    owner.token,
    `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { __typename ... on CreateWebhookEndpointPayload { webhookEndpoint { id } } } }`,
    { input: { organizationId: org.id, url: 'https://hooks.example.com/keysmith', events: ['API_KEY_CREATED'] } },
  );
  const endpointId = created.createWebhookEndpoint.webhookEndpoint.id as string;

  await signIn(page, member, `/orgs/${org.slug}`);
  await expect(page.getByRole('heading', { name: org.name })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Webhooks', exact: true })).toHaveCount(0);
  await signIn(page, member, `/orgs/${org.slug}/webhooks`);
  await expect(page.getByRole('status')).toContainText('Only owners and admins can see webhooks');
  await expect(page.getByRole('status')).toContainText('your role is Member');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByText('hooks.example.com')).toHaveCount(0);
  await checkScreen(page, '50-webhooks-member');
  await signIn(page, member, `/orgs/${org.slug}/webhooks/${encodeURIComponent(endpointId)}`);
  await expect(page.getByRole('status')).toContainText('Only owners and admins can see webhooks');
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The audit log (where webhook changes are recorded) says the same, rather than showing a failed request.
  await signIn(page, member, `/orgs/${org.slug}/audit`);
  await expect(page.getByRole('status')).toContainText('Only owners and admins can see the audit log');
  await expect(page.getByRole('status')).toContainText('your role is Member');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await checkScreen(page, '57-audit-member');

  await signIn(page, admin, `/orgs/${org.slug}/webhooks`);
  await expect(page.getByTestId('endpoint-row')).toContainText('https://hooks.example.com/keysmith');
  await expect(page.getByRole('button', { name: 'Add endpoint' })).toBeVisible();
});

test('webhooks: on the FREE plan the page says an upgrade is needed and offers no changes', async ({ page, api }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner, 'FREE');
  await signIn(page, owner, `/orgs/${org.slug}/webhooks`);
  await expect(page.getByRole('status').filter({ hasText: 'Upgrade required' })).toContainText('webhook endpoints cannot be added or changed');
  await expect(page.getByText('No webhook endpoints yet.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add endpoint' })).toHaveCount(0);
  await checkScreen(page, '56-webhooks-free-plan');
});
