import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { checkScreen, expect, inEveryMode, signIn, test, type Api, type User } from './support/fixtures.ts';

const run = promisify(execFile);

/** Waits until no CSS transition or animation runs (Mantine's dialogs fade in and out): screenshots show the end state. */
async function settled(page: Page) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

async function createWorkflow(api: Api, owner: User, projectId: string, name: string, slug: string): Promise<string> {
  const data = await api.gql(
    owner.token,
    `mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { __typename ... on WorkflowPayload { workflow { id } } ... on Error { message } } }`,
    { input: { projectId, name, slug } },
  );
  expect(data.createWorkflow.__typename).toBe('WorkflowPayload');
  return data.createWorkflow.workflow.id;
}

async function trigger(api: Api, secret: string, workflowId: string, payload: unknown) {
  const { status, body } = await api.request(
    secret,
    `mutation($input: TriggerWorkflowInput!) { triggerWorkflow(input: $input) { __typename } }`,
    { input: { workflowId, payload } },
  );
  expect(status).toBe(200);
  expect(body.data?.triggerWorkflow.__typename).toBe('TriggerWorkflowPayload');
}

/** Runs the console's `curl` as a person would paste it into a shell; returns what the server answered. */
async function runCurl(command: string, env: Record<string, string> = {}) {
  const { stdout } = await run('bash', ['-c', command], { env: { PATH: process.env.PATH, ...env }, timeout: 30_000 });
  return JSON.parse(stdout) as { data?: { triggerWorkflow: { __typename: string; execution?: { id: string; status: string } } }; errors?: unknown[] };
}

test('a project page: workflows created, renamed and deleted, ids copied, executions with their payload on demand; a member only reads', async ({ page, api }) => {
  const owner = await api.user('owner');
  const member = await api.user('member');
  const org = await api.organization(owner);
  await api.addMember(owner, org.id, member, 'MEMBER');
  await signIn(page, owner, `/orgs/${org.slug}`);

  await page.getByRole('button', { name: 'Copy organization id' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(org.id);

  await page.getByRole('link', { name: org.project.name, exact: true }).click();
  await expect(page.getByRole('heading', { name: org.project.name, level: 1 })).toBeVisible();
  await expect(page.getByText('No workflows yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Copy project id' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(org.project.id);

  const form = page.getByRole('form', { name: 'Create a workflow' });
  await form.getByLabel('Workflow name').fill('Send invoices');
  await form.getByLabel('Workflow slug').fill('Send Invoices');
  await form.getByRole('button', { name: 'Create workflow' }).click();
  await expect(form.getByText(/lower-case letters/)).toBeVisible(); // the server's issue, next to the field
  await form.getByLabel('Workflow slug').fill('send-invoices');
  await form.getByRole('button', { name: 'Create workflow' }).click();
  const rows = page.getByTestId('workflow-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Send invoices');

  await page.getByRole('button', { name: 'Copy id of workflow Send invoices' }).click();
  const workflowId = await page.evaluate(() => navigator.clipboard.readText());
  const listed = await api.gql(owner.token, `query($id: ID!) { node(id: $id) { ... on Workflow { name slug } } }`, { id: workflowId });
  expect(listed.node).toEqual({ name: 'Send invoices', slug: 'send-invoices' });

  await page.getByRole('button', { name: 'Rename Send invoices' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename “Send invoices”' });
  await rename.getByLabel('Workflow name').fill('Send bills');
  await settled(page);
  await checkScreen(page, 'workflows-01-rename-dialog');
  await rename.getByRole('button', { name: 'Save' }).click();
  await expect(rename).toBeHidden();
  await expect(rows.first()).toContainText('Send bills');

  // Executions: what the keys started, newest first, the payload loaded when asked for.
  const key = await api.orgKey(owner, org.id, 'Storefront integration');
  await trigger(api, key.secret, workflowId, { order: 41 });
  await trigger(api, key.secret, workflowId, { order: 42 });
  await page.reload();
  await signIn(page, owner, `/orgs/${org.slug}/projects/${org.project.slug}`);
  const executions = page.getByTestId('execution-row');
  await expect(executions).toHaveCount(2);
  await expect(executions.first()).toContainText('Queued');
  await expect(executions.first()).toContainText('Send bills');
  await expect(executions.first()).toContainText(key.secret.slice(0, 16));
  await expect(page.getByTestId('payload')).toHaveCount(0);
  await executions.first().getByRole('button', { name: 'Show payload' }).click();
  await expect(page.getByTestId('payload')).toHaveText(JSON.stringify({ order: 42 }, null, 2));
  await settled(page);
  await checkScreen(page, 'workflows-02-project');
  await inEveryMode(page, 'project', async (p) => {
    // On a phone the tables scroll sideways in their boxes; their actions stay pinned on screen (scrolled down to them,
    // never sideways).
    for (const button of [p.getByRole('button', { name: 'Rename Send bills' }), p.getByRole('button', { name: 'Show payload' }).first()]) {
      await p.evaluate((y) => window.scrollBy(0, y), (await button.boundingBox())!.y - 200);
      await expect(button).toBeInViewport({ ratio: 1 });
    }
    await p.evaluate(() => window.scrollTo(0, 0));
  });

  // A member reads workflows and executions and may change neither.
  // Another person: another browser context (a context shares one session cookie).
  const memberContext = await page.context().browser()!.newContext();
  const memberPage = await memberContext.newPage();
  await signIn(memberPage, member, `/orgs/${org.slug}/projects/${org.project.slug}`);
  await expect(memberPage.getByTestId('workflow-row')).toHaveCount(1);
  await expect(memberPage.getByTestId('execution-row')).toHaveCount(2);
  await expect(memberPage.getByRole('form', { name: 'Create a workflow' })).toHaveCount(0);
  await expect(memberPage.getByRole('button', { name: 'Rename Send bills' })).toHaveCount(0);
  await checkScreen(memberPage, 'workflows-03-project-member');
  await memberContext.close();

  await page.getByRole('button', { name: 'Delete Send bills' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete “Send bills”?' });
  await confirm.getByRole('button', { name: 'Delete workflow' }).click();
  await expect(confirm).toBeHidden();
  await expect(rows).toHaveCount(0);
  await expect(executions).toHaveCount(0);
  await expect(page.getByText('No executions yet')).toBeVisible();
});

test('“Use this key”: the one-time dialog’s curl (with the secret) and the key page’s curl (with $KEYSMITH_API_KEY) both trigger the workflow; the key page lists what it started', async ({ page, api }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  await createWorkflow(api, owner, org.project.id, 'Send invoices', 'send-invoices');
  await signIn(page, owner, `/orgs/${org.slug}/projects/${org.project.slug}/api-keys`);

  await page.getByRole('button', { name: 'Create API key' }).click();
  const create = page.getByRole('dialog', { name: 'Create API key' });
  await create.getByLabel('Name').fill('Invoice cron');
  await create.getByRole('button', { name: 'Create key' }).click();
  const secretDialog = page.getByRole('dialog', { name: 'Your new API key' });
  const secret = (await secretDialog.getByTestId('secret').innerText()).trim();
  const dialogCurl = (await secretDialog.getByTestId('curl').innerText()).trim();
  expect(dialogCurl).toContain(`Bearer ${secret}`);
  await settled(page);
  await checkScreen(page, 'workflows-04-secret-dialog-curl');

  const first = await runCurl(dialogCurl);
  expect(first.errors).toBeUndefined();
  expect(first.data?.triggerWorkflow).toMatchObject({ __typename: 'TriggerWorkflowPayload', execution: { status: 'QUEUED' } });

  await secretDialog.getByLabel('I have stored this key somewhere safe').check();
  await secretDialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);

  await page.getByRole('link', { name: 'Invoice cron', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Invoice cron', level: 1 })).toBeVisible();
  const pageCurl = (await page.getByTestId('curl').innerText()).trim();
  expect(pageCurl).toContain('Bearer $KEYSMITH_API_KEY');
  expect(await page.content()).not.toContain(secret);
  // Without the variable the placeholder is what the shell sends: the server refuses it.
  expect((await runCurl(pageCurl)).data).toBeUndefined();
  const second = await runCurl(pageCurl, { KEYSMITH_API_KEY: secret });
  expect(second.data?.triggerWorkflow.__typename).toBe('TriggerWorkflowPayload');

  await page.getByRole('main').getByRole('button', { name: 'Refresh' }).click();
  const executions = page.getByTestId('execution-row');
  await expect(executions).toHaveCount(2);
  await expect(executions.first()).toContainText('Send invoices');
  await executions.first().getByRole('button', { name: 'Show payload' }).click();
  await expect(page.getByTestId('payload')).toHaveText(JSON.stringify({ hello: 'world' }, null, 2));
  await page.getByRole('button', { name: 'Copy key id' }).click();
  const keyId = await page.evaluate(() => navigator.clipboard.readText());
  expect(decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!)).toBe(keyId);
  await settled(page);
  await checkScreen(page, 'workflows-05-key-details');
  // The key's page with its "Use this key" command and recent executions, on a phone and in the dark scheme too.
  await inEveryMode(page, 'key-details-executions');
});

test('key details: Edit, Rotate (24 hours of grace by default for a key used today), Revoke and Delete on the key’s page; old and new key linked in the list', async ({ page, api }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  const used = await api.orgKey(owner, org.id, 'Used today');
  const idle = await api.orgKey(owner, org.id, 'Never used');
  expect(await api.keyStatus(used.secret)).toBe(200);
  await expect.poll(async () => (await api.gql(owner.token, `query($id: ID!) { node(id: $id) { ... on ApiKey { lastUsedAt } } }`, { id: used.id })).node.lastUsedAt).not.toBeNull();

  // A key never used rotates without grace by default.
  await signIn(page, owner, `/orgs/${org.slug}/api-keys/${encodeURIComponent(idle.id)}`);
  await page.getByRole('button', { name: 'Rotate' }).click();
  const idleRotate = page.getByRole('dialog', { name: 'Rotate “Never used”' });
  await expect(idleRotate.getByLabel('Stop immediately')).toBeChecked();
  await idleRotate.getByRole('button', { name: 'Cancel' }).click();

  await page.goto(`/orgs/${org.slug}/api-keys/${encodeURIComponent(used.id)}`);
  await signIn(page, owner, `/orgs/${org.slug}/api-keys/${encodeURIComponent(used.id)}`);
  await page.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: /Edit/ });
  await edit.getByLabel('Name').fill('Used today (billing)');
  await edit.getByRole('button', { name: /Save/ }).click();
  await expect(page.getByRole('heading', { name: 'Used today (billing)', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Rotate' }).click();
  const rotate = page.getByRole('dialog', { name: 'Rotate “Used today (billing)”' });
  await expect(rotate.getByLabel('24 hours')).toBeChecked();
  await expect(rotate.getByTestId('recent-use')).toBeVisible();
  await settled(page);
  await checkScreen(page, 'workflows-06-rotate-default-grace');
  await rotate.getByRole('button', { name: 'Rotate key' }).click();
  const secretDialog = page.getByRole('dialog', { name: 'Your rotated API key' });
  const next = (await secretDialog.getByTestId('secret').innerText()).trim();
  expect(await api.keyStatus(used.secret)).toBe(200); // still working during the grace period
  expect(await api.keyStatus(next)).toBe(200);
  await secretDialog.getByLabel('I have stored this key somewhere safe').check();
  await secretDialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const note = page.getByTestId('rotation-note');
  await expect(note).toContainText(/Rotated to ksk_\S+, rotating until/);

  // The list links the old and the new key both ways.
  await page.getByRole('link', { name: /API keys/ }).first().click();
  // Both keys keep the name and both work until the grace ends: the notes tell them apart.
  await expect(page.getByTestId('key-row').filter({ hasText: 'Used today (billing)' })).toHaveCount(2);
  await expect(page.getByTestId('rotation-note').filter({ hasText: /^Replaces ksk_\S+, rotating until/ })).toHaveCount(1);
  await expect(page.getByTestId('rotation-note').filter({ hasText: /^Rotated to ksk_\S+, rotating until/ })).toHaveCount(1);
  await settled(page);
  await checkScreen(page, 'workflows-07-rotation-in-list');
  await page.getByTestId('rotation-note').filter({ hasText: 'Replaces' }).getByRole('link').click();
  await expect(page.getByTestId('rotation-note')).toContainText('Rotated to');

  // Revoke and delete, on the new key's page.
  await page.getByTestId('rotation-note').getByRole('link').click();
  await expect(page.getByTestId('rotation-note')).toContainText('Replaces');
  await page.getByRole('button', { name: 'Revoke' }).click();
  await page.getByRole('dialog', { name: /Revoke/ }).getByRole('button', { name: 'Revoke key' }).click();
  await expect(page.getByRole('row', { name: /Status/ })).toContainText('Revoked');
  expect(await api.keyStatus(next)).toBe(401);
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: /Delete/ }).getByRole('button', { name: 'Delete key' }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${org.slug}/api-keys$`));
  await expect(page.getByTestId('key-row')).toHaveCount(2);
});

test('a member’s key page has no actions, and its curl still names the placeholder', async ({ page, api }) => {
  const owner = await api.user('owner');
  const member = await api.user('member');
  const org = await api.organization(owner);
  await api.addMember(owner, org.id, member, 'MEMBER');
  await createWorkflow(api, owner, org.project.id, 'Sync', 'sync');
  const key = await api.orgKey(owner, org.id, 'Sync key');
  await signIn(page, member, `/orgs/${org.slug}/api-keys/${encodeURIComponent(key.id)}`);
  await expect(page.getByRole('heading', { name: 'Sync key', level: 1 })).toBeVisible();
  await expect(page.getByTestId('curl')).toContainText('$KEYSMITH_API_KEY');
  for (const name of ['Edit', 'Rotate', 'Revoke', 'Delete']) await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  await checkScreen(page, 'workflows-08-key-details-member');
});
