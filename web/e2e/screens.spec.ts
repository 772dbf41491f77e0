import { expect, inEveryMode, signIn, test, type Api, type User } from './support/fixtures.ts';

// Issue 18, "screens people trust": each screen at desktop width, on a phone (390 px) and in the dark scheme, with
// axe and a screenshot after animations.

async function setLeakedKeyAction(api: Api, owner: User, orgId: string, action: 'FLAG' | 'REVOKE') {
  await api.gql(owner.token, `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { __typename } }`, {
    input: { id: orgId, leakedKeyAction: action },
  });
}

// Every screen three times over, with axe each time: slower than one pass on a shared machine.
test.describe.configure({ timeout: 300_000 });

test.beforeEach(async ({ page }) => {
  // No browser dialog anywhere: every confirmation is the console's own.
  page.on('dialog', (dialog) => {
    throw new Error(`a browser dialog was opened: ${dialog.message()}`);
  });
});

test('leaked keys: those still working in red with the action, those already revoked apart and neutral', async ({ page, api }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  const revoked = await api.orgKey(owner, org.id, 'Revoked on report');
  expect(await api.reportLeak(revoked.secret, 'https://gist.example.com/a')).toBe(200);
  await setLeakedKeyAction(api, owner, org.id, 'FLAG');
  const flagged = await api.orgKey(owner, org.id, 'Only flagged');
  expect(await api.reportLeak(flagged.secret, 'https://gist.example.com/b')).toBe(200);

  await signIn(page, owner, `/orgs/${org.slug}/api-keys`);
  const working = page.getByRole('alert').filter({ hasText: '1 leaked key still works' });
  await expect(working).toBeVisible();
  await expect(working.getByRole('link', { name: 'Show the leaked keys' })).toBeVisible();
  const stopped = page.getByRole('status').filter({ hasText: '1 leaked key no longer works' });
  await expect(stopped).toContainText('nothing to do');
  // Red for the one that needs action, neutral for the one that does not.
  expect(await working.evaluate((el) => getComputedStyle(el).backgroundColor)).toMatch(/rgb\((1[5-9]\d|2\d\d), \d{1,2}, \d{1,2}\)/);
  expect(await stopped.getAttribute('data-variant')).not.toBe('filled');
  await inEveryMode(page, 'leaked-banner');

  // Once the working one is revoked, no red banner is left.
  await api.gql(owner.token, `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { __typename } }`, { input: { id: flagged.id } });
  await page.reload();
  await signIn(page, owner, `/orgs/${org.slug}/api-keys`);
  await expect(page.getByRole('status').filter({ hasText: '2 leaked keys no longer work' })).toBeVisible();
  await expect(page.getByText('still work', { exact: false })).toHaveCount(0);
});

test('audit log: the target by name (linked), changes as "name: old → new", ids behind copy buttons, filter by key or endpoint name', async ({ page, api }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  const billing = await api.orgKey(owner, org.id, 'Billing sync');
  await api.gql(owner.token, `mutation($input: UpdateApiKeyInput!) { updateApiKey(input: $input) { __typename } }`, { input: { id: billing.id, name: 'Billing export' } });
  await api.orgKey(owner, org.id, 'Storefront reader');

  await signIn(page, owner, `/orgs/${org.slug}/audit`);
  const table = page.getByRole('table', { name: 'Audit events' });
  const renamed = table.getByRole('row').filter({ hasText: 'API key changed' });
  await expect(renamed.getByRole('link', { name: 'Billing export' })).toHaveAttribute('href', `/orgs/${org.slug}/api-keys/${encodeURIComponent(billing.id)}`);
  await expect(renamed).toContainText('name: Billing sync → Billing export');
  // No global id is printed; it is behind a button that copies it.
  await expect(table).not.toContainText(billing.id);
  await renamed.getByRole('button', { name: 'Copy id of API key Billing export' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(billing.id);
  // Creation reads in words: the expiry policy and the level, not the enum names.
  const created = table.getByRole('row').filter({ hasText: 'API key created' }).filter({ hasText: 'Storefront reader' });
  await expect(created).toContainText('expiry policy: No expiry');
  await expect(created).toContainText('level: Organization');
  await expect(created).not.toContainText('NEVER');

  await page.getByLabel('Key or endpoint name').fill('BILLING');
  await expect(table.getByRole('row')).toHaveCount(3); // header + created + renamed
  await expect(table).not.toContainText('Storefront reader');
  await inEveryMode(page, 'audit-log', async () => {
    // On a phone each event is a card: its target link and its changes stay readable.
    const cards = page.getByRole('list', { name: 'Audit events' }).locator(':scope > [role="listitem"]');
    await expect(cards).toHaveCount(2);
    await expect(cards.first().getByRole('link', { name: 'Billing export' })).toBeInViewport();
  });
  await page.getByLabel('Key or endpoint name').fill('nothing is called this');
  await expect(table).toContainText('No events.');
});

test('words instead of enum names; "No keys yet" and "No keys match"; a new key expires in 90 days; settings say they were saved', async ({ page, api }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  await signIn(page, owner, `/orgs/${org.slug}`);
  await expect(page.getByText('Team plan')).toBeVisible();
  await expect(page.getByText('Your role: Owner')).toBeVisible();
  await expect(page.getByRole('combobox', { name: `Role of ${owner.email}` })).toHaveValue('Owner');
  await expect(page.locator('body')).not.toContainText(/\b(OWNER|TEAM|ADMIN)\b/);

  // The leaked-key setting: chosen, then confirmed as saved.
  await page.getByLabel('Only flag the key').check();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText('only flag the key from now on');
  await inEveryMode(page, 'organization');

  await page.getByRole('link', { name: 'API keys', exact: true }).click();
  await expect(page.getByText('No keys yet: “Create API key” makes the first one.')).toBeVisible();
  await page.getByLabel('Search').fill('zzz');
  await expect(page.getByText('No keys match these filters.')).toBeVisible();
  await page.getByLabel('Search').fill('');
  await expect(page.getByText('No keys yet', { exact: false })).toBeVisible();

  await page.getByRole('button', { name: 'Create API key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create API key' });
  await expect(dialog.getByRole('combobox', { name: 'Expiry' })).toHaveValue('90 days');
  await dialog.getByLabel('Name').fill('Nightly export');
  await dialog.getByRole('button', { name: 'Create key' }).click();
  await page.getByRole('dialog', { name: 'Your new API key' }).getByLabel('I have stored this key somewhere safe').check();
  await page.getByRole('dialog', { name: 'Your new API key' }).getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const row = page.getByTestId('key-row').filter({ hasText: 'Nightly export' });
  await expect(row).toContainText('Active');
  await expect(row).not.toContainText('ACTIVE');
  const data = await api.gql(owner.token, `query($slug: String!) { organization(slug: $slug) { apiKeys(first: 1) { edges { node { expiryPolicy expiresAt } } } } }`, { slug: org.slug });
  const created = data.organization.apiKeys.edges[0].node;
  expect(created.expiryPolicy).toBe('DAYS_90');
  expect(Math.round((Date.parse(created.expiresAt) - Date.now()) / 86_400_000)).toBe(90);
  await page.getByRole('combobox', { name: 'Status' }).click();
  await expect(page.getByRole('option', { name: 'Revoked' })).toBeVisible();
  await page.keyboard.press('Escape');
  await inEveryMode(page, 'api-keys', async () => {
    // The key table scrolls sideways inside its box, and the row's actions stay on screen.
    const scroller = page.getByRole('table', { name: 'API keys' }).locator('xpath=..');
    expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await expect(row.getByRole('button', { name: 'Edit' })).toBeInViewport();
    await expect(row.getByRole('button', { name: 'Delete' })).toBeInViewport();
  });

  await row.getByRole('link', { name: 'Nightly export' }).click();
  await expect(page.getByRole('heading', { name: 'Nightly export' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Key details' })).toContainText('(90 days)');
  await inEveryMode(page, 'key-details');
});

test('operator: finds an organization by name; a plan change that removes API access says how many keys stop and asks first', async ({ page, api }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  const first = await api.orgKey(owner, org.id, 'Checkout');
  await api.orgKey(owner, org.id, 'Reports');
  const operator = { sub: `operator-${Date.now()}`, email: `operator-${Date.now()}@example.com` };
  await signIn(page, operator, '/operator', true);
  await page.getByLabel('Find an organization').fill(org.name.slice(5).toUpperCase()); // part of the name, any case
  const rows = page.getByRole('table', { name: 'Organizations' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(org.name);
  await expect(rows.nth(1)).toContainText('Team');
  await expect(rows.nth(1).getByRole('cell').nth(2)).toHaveText('2');
  await inEveryMode(page, 'operator');

  await page.getByRole('combobox', { name: `Plan of ${org.name}` }).click();
  await page.getByRole('option', { name: 'Free' }).click();
  await page.getByRole('button', { name: 'Change plan' }).click();
  const confirm = page.getByRole('dialog', { name: `Move ${org.name} to the Free plan?` });
  await expect(confirm).toContainText('2 API keys that work now stop working');
  await inEveryMode(page, 'operator-plan-confirm');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect((await api.gql(owner.token, `query($s: String!) { organization(slug: $s) { plan } }`, { s: org.slug })).organization.plan).toBe('TEAM');
  expect(await api.keyStatus(first.secret)).toBe(200);

  await page.getByRole('button', { name: 'Change plan' }).click();
  await confirm.getByRole('button', { name: 'Move to Free' }).click();
  await expect(page.getByRole('status')).toContainText(`${org.name} is now on the Free plan.`);
  expect((await api.gql(owner.token, `query($s: String!) { organization(slug: $s) { plan } }`, { s: org.slug })).organization.plan).toBe('FREE');
  expect(await api.keyStatus(first.secret)).not.toBe(200);

  // Back to a plan with API access: no confirmation needed.
  await page.getByRole('combobox', { name: `Plan of ${org.name}` }).click();
  await page.getByRole('option', { name: 'Team' }).click();
  await page.getByRole('button', { name: 'Change plan' }).click();
  await expect(page.getByRole('status')).toContainText(`${org.name} is now on the Team plan.`);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('members: the console asks in its own dialogs, says why a change failed next to the list, and lets a member leave', async ({ page, api }) => {
  const owner = await api.user('owner');
  const member = await api.user('member');
  const org = await api.organization(owner);
  await api.addMember(owner, org.id, member, 'MEMBER');
  await api.gql(owner.token, `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { __typename } }`, {
    input: { organizationId: org.id, email: 'later@example.com', role: 'ADMIN' },
  });

  await signIn(page, owner, `/orgs/${org.slug}`);
  const members = page.getByRole('table', { name: 'Members' });
  // The only OWNER demoting themselves: refused, and said right under the list.
  await members.getByRole('combobox', { name: `Role of ${owner.email}` }).click();
  await page.getByRole('option', { name: 'Member' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'last owner' })).toBeVisible();
  expect(await page.getByRole('alert').filter({ hasText: 'last owner' }).evaluate((alert) => {
    const table = document.querySelector('table[aria-label="Members"]')!;
    return table.compareDocumentPosition(alert) & Node.DOCUMENT_POSITION_FOLLOWING;
  })).toBeTruthy();

  // Removing asks first, in the console's dialog; Cancel changes nothing.
  await members.getByRole('button', { name: `Remove ${member.email}` }).click();
  const remove = page.getByRole('dialog', { name: `Remove ${member.email}?` });
  await expect(remove).toContainText(`will no longer see ${org.name}`);
  await inEveryMode(page, 'members-remove-dialog');
  await remove.getByRole('button', { name: 'Cancel' }).click();
  await expect(members).toContainText(member.email);

  // Revoking an invitation asks the same way.
  await page.getByRole('button', { name: 'Revoke the invitation of later@example.com' }).click();
  const revoke = page.getByRole('dialog', { name: 'Revoke the invitation of later@example.com?' });
  await revoke.getByRole('button', { name: 'Revoke invitation' }).click();
  await expect(revoke).toBeHidden();
  await expect(page.getByText('No pending invitations.')).toBeVisible();

  // The last OWNER cannot leave: the dialog says why and stays open.
  await members.getByRole('row').filter({ hasText: owner.email }).getByRole('button', { name: 'Leave' }).click();
  const ownerLeaves = page.getByRole('dialog', { name: `Leave ${org.name}?` });
  await ownerLeaves.getByRole('button', { name: 'Leave organization' }).click();
  await expect(ownerLeaves.getByRole('alert')).toContainText('last owner');
  await inEveryMode(page, 'members-last-owner');
  await ownerLeaves.getByRole('button', { name: 'Cancel' }).click();

  // A member leaves and is back on their organizations, without this one.
  await page.reload();
  await signIn(page, member, `/orgs/${org.slug}`);
  await expect(page.getByRole('table', { name: 'Members' }).getByRole('button', { name: 'Remove', exact: false })).toHaveCount(0);
  await inEveryMode(page, 'organization-as-member');
  await page.getByRole('table', { name: 'Members' }).getByRole('row').filter({ hasText: member.email }).getByRole('button', { name: 'Leave' }).click();
  await page.getByRole('dialog', { name: `Leave ${org.name}?` }).getByRole('button', { name: 'Leave organization' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('link', { name: org.name })).toHaveCount(0);
  const left = await api.gql(member.token, `query($s: String!) { organization(slug: $s) { id } }`, { s: org.slug });
  expect(left.organization).toBeNull();
});

test.describe('on a phone (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the header fits on one line and the sign-out button is on screen', async ({ page, api }) => {
    const owner = await api.user('a-rather-long-subject-name');
    const org = await api.organization(owner);
    await signIn(page, owner, `/orgs/${org.slug}`);
    const header = page.locator('header');
    expect(await header.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organizations' })).toBeInViewport({ ratio: 1 });
    const box = (await header.boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(60);
  });
});
