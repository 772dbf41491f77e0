import type { Locator, Page } from '@playwright/test';
import { expect, inEveryMode, signIn, test, type Api, type User } from './support/fixtures.ts';

// Issue 19 in the console: a key's rate limits and quota in the create and edit dialogs and on its page, and the
// organization's defaults for new keys. Every check of what was saved asks the API, as an integration would.

const LIMITS_QUERY = `query($id: ID!) { node(id: $id) { ... on ApiKey {
  rateLimits { name limit durationSeconds }
  quota { remaining lowThreshold nextRefillAt refill { amount interval dayOfMonth } }
} } }`;

async function limitsOf(api: Api, user: User, id: string) {
  return (await api.gql(user.token, LIMITS_QUERY, { id })).node as {
    rateLimits: { name: string; limit: number; durationSeconds: number }[];
    quota: { remaining: number; lowThreshold: number | null; nextRefillAt: string | null; refill: { amount: number; interval: string; dayOfMonth: number | null } | null } | null;
  };
}

/** Row `n` (from 1) of a dialog's or panel's "Rate limits". */
const limitRow = (scope: Locator, n: number) => scope.getByRole('group', { name: `Limit ${n}`, exact: true });

async function fillLimit(scope: Locator, n: number, name: string, calls: number, every: number, unit: 'seconds' | 'minutes' | 'hours' | 'days') {
  const row = limitRow(scope, n);
  await row.getByLabel('Limit name').fill(name);
  await row.getByLabel('Calls').fill(String(calls));
  await row.getByLabel('Per', { exact: true }).fill(String(every));
  await row.getByRole('combobox', { name: 'Unit' }).click();
  await scope.page().getByRole('option', { name: unit, exact: true }).click();
}

async function closeSecret(page: Page) {
  const secretDialog = page.getByRole('dialog', { name: 'Your new API key' });
  await secretDialog.getByLabel('I have stored this key somewhere safe').check();
  await secretDialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

const keyIdOf = (page: Page) => decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);

test('a key created with two rate limits and a quota shows them on its page and in the API; Edit changes one limit and removes the other; an empty quota is shown used up', async ({ page, api }) => {
  test.slow(); // four screens in every mode, each checked by axe
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  await signIn(page, owner, `/orgs/${org.slug}/api-keys`);
  await page.getByRole('button', { name: 'Create API key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create API key' });
  await dialog.getByLabel(/^Name/).fill('Metered integration');
  await expect(dialog.getByTestId('rate-limits')).toContainText('No rate limits: any number of calls.');
  await dialog.getByRole('button', { name: 'Add a limit' }).click();
  await fillLimit(dialog, 1, 'burst', 100, 1, 'seconds');
  await dialog.getByRole('button', { name: 'Add a limit' }).click();
  await fillLimit(dialog, 2, 'daily', 10_000, 1, 'days');
  await expect(limitRow(dialog, 2).getByTestId('limit-preview')).toHaveText('10,000 per day');
  await dialog.getByLabel('Limit this key with a quota of credits').check();
  await dialog.getByLabel('Credits to start with').fill('500');
  await dialog.getByLabel('Refill to').fill('1000');
  await dialog.getByLabel('Day of the month').fill('1');
  await dialog.getByLabel('Warn when credits fall to (optional)').fill('50');
  await inEveryMode(page, 'create-key-limits-quota');
  await dialog.getByRole('button', { name: 'Create key' }).click();
  await closeSecret(page);

  await page.getByRole('link', { name: 'Metered integration', exact: true }).click();
  const panel = page.getByTestId('key-limits');
  await expect(panel.getByRole('list', { name: 'Rate limits in force' }).getByRole('listitem')).toHaveText(['100 per second (burst)', '10,000 per day (daily)']);
  await expect(panel.getByTestId('quota-remaining')).toHaveText('500 credits left');
  const now = new Date();
  const firstOfNextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const day = firstOfNextMonth.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  await expect(panel.getByTestId('quota-refill')).toHaveText(new RegExp(`^Refills in \\d+ (days|hours), on ${day}( \\d{4})?\\. Back to 1,000 credits every month on the 1st, at 00:00 UTC\\.$`));
  await expect(panel).not.toContainText('Used up');
  const id = keyIdOf(page);
  expect(await limitsOf(api, owner, id)).toEqual({
    rateLimits: [
      { name: 'burst', limit: 100, durationSeconds: 1 },
      { name: 'daily', limit: 10_000, durationSeconds: 86_400 },
    ],
    quota: { remaining: 500, lowThreshold: 50, nextRefillAt: firstOfNextMonth.toISOString(), refill: { amount: 1000, interval: 'MONTHLY', dayOfMonth: 1 } },
  });
  await inEveryMode(page, 'key-limits');

  // Edit: the dialog starts from what the key has; one limit changed, the other removed; the quota left alone.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const edit = page.getByRole('dialog', { name: 'Edit “Metered integration”' });
  await expect(limitRow(edit, 1).getByLabel('Limit name')).toHaveValue('burst');
  await expect(limitRow(edit, 2).getByLabel('Calls')).toHaveValue('10,000');
  await expect(limitRow(edit, 2).getByRole('combobox', { name: 'Unit' })).toHaveValue('days');
  await expect(edit.getByLabel('Credits left')).toHaveValue('500');
  await inEveryMode(page, 'edit-key-limits');
  await edit.getByRole('button', { name: 'Remove limit 2' }).click();
  await expect(limitRow(edit, 2)).toHaveCount(0);
  await fillLimit(edit, 1, 'burst', 20, 10, 'seconds');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(panel.getByRole('list', { name: 'Rate limits in force' }).getByRole('listitem')).toHaveText(['20 per 10 seconds (burst)']);
  const edited = await limitsOf(api, owner, id);
  expect(edited.rateLimits).toEqual([{ name: 'burst', limit: 20, durationSeconds: 10 }]);
  expect(edited.quota).toMatchObject({ remaining: 500, lowThreshold: 50, refill: { amount: 1000, interval: 'MONTHLY', dayOfMonth: 1 } });

  // Used up: the credits set to 0 through Edit; the page says so, and when they come back.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await edit.getByLabel('Credits left').fill('0');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(panel.getByTestId('quota-remaining')).toHaveText('0 credits left');
  await expect(panel.getByText('Used up', { exact: true })).toBeVisible();
  await expect(panel.getByRole('status')).toContainText(/Triggers with this key are refused and start nothing until the quota refills in \d+ (days|hours), on /);
  expect((await limitsOf(api, owner, id)).quota?.remaining).toBe(0);
  await inEveryMode(page, 'key-quota-used-up');

  // Removing the quota and the last limit: the key is unlimited again.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await edit.getByRole('button', { name: 'Remove limit 1' }).click();
  await edit.getByLabel('Limit this key with a quota of credits').uncheck();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(panel).toContainText('None: any number of calls.');
  await expect(panel).toContainText('No quota: triggers spend no credits.');
  expect(await limitsOf(api, owner, id)).toEqual({ rateLimits: [], quota: null });
});

test('organization defaults: the plan’s cap is explained on the limit, saved defaults fill in a new key, a member reads them', async ({ page, api }) => {
  const owner = await api.user('owner');
  const member = await api.user('member');
  const org = await api.organization(owner);
  await api.addMember(owner, org.id, member, 'MEMBER');
  await signIn(page, owner, `/orgs/${org.slug}`);
  const panel = page.getByTestId('default-rate-limits');
  await expect(panel).toContainText('No rate limits: any number of calls.');
  await panel.getByRole('button', { name: 'Add a limit' }).click();
  await fillLimit(panel, 1, 'per-second', 2_000, 1, 'seconds');
  await panel.getByRole('button', { name: 'Save defaults' }).click();
  // The Team plan allows at most 1,000 calls per second in a limit: the server's words, on the field they are about.
  const calls = limitRow(panel, 1).getByLabel('Calls');
  await expect(calls).toHaveAttribute('aria-invalid', 'true');
  await expect(calls).toHaveAccessibleDescription(/the Team plan allows at most 1000 calls per second in a limit/);
  const defaultsQuery = `query($slug: String!) { organization(slug: $slug) { defaultKeyRateLimits { name limit durationSeconds } } }`;
  expect((await api.gql(owner.token, defaultsQuery, { slug: org.slug })).organization.defaultKeyRateLimits).toEqual([]);
  await inEveryMode(page, 'org-default-limits-over-plan');

  await fillLimit(panel, 1, 'per-second', 1_000, 1, 'seconds');
  await panel.getByRole('button', { name: 'Add a limit' }).click();
  await fillLimit(panel, 2, 'per-hour', 50_000, 1, 'hours');
  await panel.getByRole('button', { name: 'Save defaults' }).click();
  await expect(panel.getByRole('status')).toContainText('Saved: new keys start with these limits.');
  const defaults = [
    { name: 'per-second', limit: 1_000, durationSeconds: 1 },
    { name: 'per-hour', limit: 50_000, durationSeconds: 3_600 },
  ];
  expect((await api.gql(owner.token, defaultsQuery, { slug: org.slug })).organization.defaultKeyRateLimits).toEqual(defaults);

  // A new key starts with them, shown in the dialog; created as shown.
  await page.getByRole('link', { name: 'API keys', exact: true }).click();
  await page.getByRole('button', { name: 'Create API key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create API key' });
  await expect(dialog.getByTestId('rate-limits')).toContainText('Filled in from the organization’s defaults');
  await expect(limitRow(dialog, 1).getByTestId('limit-preview')).toHaveText('1,000 per second');
  await expect(limitRow(dialog, 2).getByTestId('limit-preview')).toHaveText('50,000 per hour');
  await dialog.getByLabel(/^Name/).fill('Defaults key');
  await dialog.getByRole('button', { name: 'Create key' }).click();
  await closeSecret(page);
  await page.getByRole('link', { name: 'Defaults key', exact: true }).click();
  expect((await limitsOf(api, owner, keyIdOf(page))).rateLimits).toEqual(defaults);

  // A member reads the defaults, in words, with nothing to change them.
  await signIn(page, member, `/orgs/${org.slug}`);
  await expect(panel.getByRole('list', { name: 'Rate limits for new keys' }).getByRole('listitem')).toHaveText(['1,000 per second (per-second)', '50,000 per hour (per-hour)']);
  await expect(panel.getByRole('button')).toHaveCount(0);
  await expect(panel.getByRole('textbox')).toHaveCount(0);
  await expect(panel).toContainText('Owners and admins change the defaults.');
  await inEveryMode(page, 'org-default-limits-member');
});

test('the create dialog names bad limits before sending and shows the server’s refusal on the field; nothing is created', async ({ page, api }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  await signIn(page, owner, `/orgs/${org.slug}/api-keys`);
  await page.getByRole('button', { name: 'Create API key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create API key' });
  await dialog.getByLabel(/^Name/).fill('Refused key');
  const sent: string[] = [];
  page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/graphql') && sent.push(r.postData() ?? ''));

  // Found in the browser: two limits with one name, a period over a day, no credits: nothing is sent.
  await dialog.getByRole('button', { name: 'Add a limit' }).click();
  await fillLimit(dialog, 1, 'fast', 10, 1, 'seconds');
  await dialog.getByRole('button', { name: 'Add a limit' }).click();
  await fillLimit(dialog, 2, 'FAST', 10, 2, 'days');
  await dialog.getByLabel('Limit this key with a quota of credits').check();
  await dialog.getByLabel('Credits to start with').fill('');
  await dialog.getByRole('button', { name: 'Create key' }).click();
  await expect(limitRow(dialog, 2).getByLabel('Limit name')).toHaveAccessibleDescription(/Another limit has this name\./);
  await expect(limitRow(dialog, 2).getByLabel('Per', { exact: true })).toHaveAccessibleDescription(/A period from 1 second to 1 day\./);
  await expect(dialog.getByLabel('Credits to start with')).toHaveAccessibleDescription(/A whole number of credits from 0 to 1,000,000,000\./);
  expect(sent.filter((body) => body.includes('createOrganizationApiKey'))).toEqual([]);
  await inEveryMode(page, 'create-key-limits-invalid');

  // Refused by the server: over the plan's cap per second. The issue is on the limit it names, the dialog stays.
  await fillLimit(dialog, 2, 'slow', 5_000, 1, 'seconds');
  await dialog.getByLabel('Credits to start with').fill('10');
  await dialog.getByRole('button', { name: 'Create key' }).click();
  const calls = limitRow(dialog, 2).getByLabel('Calls');
  await expect(calls).toHaveAttribute('aria-invalid', 'true');
  await expect(calls).toHaveAccessibleDescription(/the Team plan allows at most 1000 calls per second in a limit/);
  await expect(dialog.getByRole('alert').filter({ hasText: 'Please correct the highlighted fields' })).toBeVisible();
  await expect(limitRow(dialog, 1).getByLabel('Calls')).not.toHaveAttribute('aria-invalid', 'true');
  expect(sent.filter((body) => body.includes('createOrganizationApiKey'))).toHaveLength(1);
  await inEveryMode(page, 'create-key-limits-server-error');
  const keys = await api.gql(owner.token, `query($slug: String!) { organization(slug: $slug) { apiKeys(first: 1) { totalCount } } }`, { slug: org.slug });
  expect(keys.organization.apiKeys.totalCount).toBe(0);
});
