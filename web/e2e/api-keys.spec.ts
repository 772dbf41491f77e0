import { checkScreen, expect, inEveryMode, readmeImage, signIn, test } from './support/fixtures.ts';

test('create a key: the secret appears exactly once, Copy puts it on the clipboard, and after closing and reloading it is gone', async ({ page, api }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  await page.goto('/');
  await inEveryMode(page, 'sign-in');
  await signIn(page, owner);
  await expect(page.getByRole('link', { name: org.name, exact: true })).toBeVisible();
  await inEveryMode(page, 'organizations', async (p) => {
    // On a phone the plan and role sit under the name, in words (five columns squeezed the plan badge to one letter).
    await expect(p.getByRole('table', { name: 'Your organizations' }).getByText(/· (Free|Team|Enterprise) plan · Owner/)).toBeInViewport({ ratio: 1 });
  });

  await page.getByRole('link', { name: org.name, exact: true }).click();
  await expect(page.getByRole('heading', { name: org.name })).toBeVisible();
  await checkScreen(page, '03-organization');

  await page.getByRole('link', { name: 'API keys', exact: true }).click();
  await expect(page.getByText('No keys yet', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Create API key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create API key' });
  await dialog.getByLabel('Name').fill('Billing integration');
  await dialog.getByLabel('Note').fill('Used by the billing cron');
  await checkScreen(page, '04-create-key-dialog');
  await dialog.getByRole('button', { name: 'Create key' }).click();

  const secretDialog = page.getByRole('dialog', { name: 'Your new API key' });
  await expect(secretDialog).toContainText('you will not see it again');
  const secret = (await secretDialog.getByTestId('secret').innerText()).trim();
  expect(secret).toMatch(/^ksk_/);
  expect((await page.content()).split(secret).length - 1).toBe(1);
  await checkScreen(page, '05-secret-dialog');

  await secretDialog.getByRole('button', { name: 'Copy' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  expect(await api.keyStatus(secret)).toBe(200);

  // Closing needs the confirmation; Escape does nothing.
  await page.keyboard.press('Escape');
  await expect(secretDialog).toBeVisible();
  await expect(secretDialog.getByRole('button', { name: 'Close' })).toBeDisabled();
  await secretDialog.getByLabel('I have stored this key somewhere safe').check();
  await secretDialog.getByRole('button', { name: 'Close' }).click();
  await expect(secretDialog).toBeHidden();
  await expect(page.getByRole('dialog')).toHaveCount(0); // the closing transition is over: nothing half-faded in the screenshot
  await expect(page.getByRole('link', { name: 'Billing integration' })).toBeVisible();
  expect(await page.content()).not.toContain(secret);
  await checkScreen(page, '06-api-keys');
  await readmeImage(page, 'console-api-keys.png');

  await page.reload();
  await signIn(page, owner, `/orgs/${org.slug}/api-keys`);
  await expect(page.getByRole('link', { name: 'Billing integration' })).toBeVisible();
  expect(await page.content()).not.toContain(secret);
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + history.length)).not.toContain(secret);
});

function row(page: import('@playwright/test').Page, name: string) {
  return page.getByTestId('key-row').filter({ has: page.getByRole('link', { name, exact: true }) });
}

test('rotate shows the new secret once; with a grace period the old key keeps working, rotated immediately it stops', async ({ page, api }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  const graceful = await api.orgKey(owner, org.id, 'Graceful');
  const abrupt = await api.orgKey(owner, org.id, 'Abrupt');
  await signIn(page, owner, `/orgs/${org.slug}/api-keys`);

  await row(page, 'Graceful').getByRole('button', { name: 'Rotate' }).click();
  const rotate = page.getByRole('dialog', { name: 'Rotate “Graceful”' });
  await rotate.getByLabel('1 hour').check();
  await checkScreen(page, '07-rotate-dialog');
  await rotate.getByRole('button', { name: 'Rotate key' }).click();
  const secretDialog = page.getByRole('dialog', { name: 'Your rotated API key' });
  const next = (await secretDialog.getByTestId('secret').innerText()).trim();
  expect(next).not.toBe(graceful.secret);
  expect((await page.content()).split(next).length - 1).toBe(1);
  expect(await api.keyStatus(next)).toBe(200);
  expect(await api.keyStatus(graceful.secret)).toBe(200);
  await secretDialog.getByLabel('I have stored this key somewhere safe').check();
  await secretDialog.getByRole('button', { name: 'Close' }).click();
  expect(await page.content()).not.toContain(next);
  // The successor keeps the name; the old key is listed with the end of its grace period.
  await expect(row(page, 'Graceful')).toHaveCount(2);
  await expect(row(page, 'Graceful').filter({ hasText: 'grace until' })).toHaveCount(1);

  await row(page, 'Abrupt').getByRole('button', { name: 'Rotate' }).click();
  await page.getByRole('dialog', { name: 'Rotate “Abrupt”' }).getByLabel('Stop immediately').check();
  await page.getByRole('dialog', { name: 'Rotate “Abrupt”' }).getByRole('button', { name: 'Rotate key' }).click();
  const abruptSecret = page.getByRole('dialog', { name: 'Your rotated API key' });
  const abruptNext = (await abruptSecret.getByTestId('secret').innerText()).trim();
  expect(await api.keyStatus(abrupt.secret)).toBe(401);
  expect(await api.keyStatus(abruptNext)).toBe(200);
});

test('revoke and delete: the key answers 401 on its next API call', async ({ page, api }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  const revoked = await api.orgKey(owner, org.id, 'To revoke');
  const deleted = await api.orgKey(owner, org.id, 'To delete');
  expect(await api.keyStatus(revoked.secret)).toBe(200);
  expect(await api.keyStatus(deleted.secret)).toBe(200); // used just now: the delete dialog warns
  await signIn(page, owner, `/orgs/${org.slug}/api-keys`);

  await row(page, 'To revoke').getByRole('button', { name: 'Revoke' }).click();
  const revokeDialog = page.getByRole('dialog', { name: 'Revoke “To revoke”?' });
  await expect(revokeDialog).toContainText('irreversible');
  await checkScreen(page, '08-revoke-dialog');
  await revokeDialog.getByRole('button', { name: 'Revoke key' }).click();
  await expect(row(page, 'To revoke')).toContainText('Revoked');
  expect(await api.keyStatus(revoked.secret)).toBe(401);

  await page.reload();
  await signIn(page, owner, `/orgs/${org.slug}/api-keys`);
  await row(page, 'To delete').getByRole('button', { name: 'Delete' }).click();
  const deleteDialog = page.getByRole('dialog', { name: 'Delete “To delete”?' });
  await expect(deleteDialog).toContainText('This key is in use');
  await checkScreen(page, '09-delete-dialog');
  await deleteDialog.getByRole('button', { name: 'Delete key' }).click();
  await expect(row(page, 'To delete')).toHaveCount(0);
  expect(await api.keyStatus(deleted.secret)).toBe(401);
});

test('Delete selected removes every chosen key and nothing else', async ({ page, api }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  const a = await api.orgKey(owner, org.id, 'Bulk A');
  const b = await api.orgKey(owner, org.id, 'Bulk B');
  const keep = await api.orgKey(owner, org.id, 'Keep me');
  await signIn(page, owner, `/orgs/${org.slug}/api-keys`);
  await expect(page.getByRole('button', { name: 'Delete selected' })).toBeDisabled();
  await page.getByLabel('Select Bulk A').check();
  await page.getByLabel('Select Bulk B').check();
  await page.getByRole('button', { name: 'Delete selected' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete 2 keys?' });
  await checkScreen(page, '10-bulk-delete-dialog');
  await confirm.getByRole('button', { name: 'Delete 2 keys' }).click();
  await expect(row(page, 'Bulk A')).toHaveCount(0);
  await expect(row(page, 'Bulk B')).toHaveCount(0);
  await expect(row(page, 'Keep me')).toHaveCount(1);
  expect(await api.keyStatus(a.secret)).toBe(401);
  expect(await api.keyStatus(b.secret)).toBe(401);
  expect(await api.keyStatus(keep.secret)).toBe(200);
});

test('project page: inherited organization keys are marked, read-only, and link to the organization page', async ({ page, api }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  await api.orgKey(owner, org.id, 'Org-wide key');
  await signIn(page, owner, `/orgs/${org.slug}/projects/${org.project.slug}/api-keys`);
  const inherited = row(page, 'Org-wide key');
  await expect(inherited).toContainText('Inherited from organization');
  await expect(inherited.getByRole('button')).toHaveCount(0);
  await expect(inherited.getByRole('checkbox')).toHaveCount(0);
  await checkScreen(page, '11-project-api-keys');
  await inherited.getByRole('link', { name: 'Manage on organization page' }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${org.slug}/api-keys$`));
  await expect(row(page, 'Org-wide key').getByRole('button', { name: 'Rotate' })).toBeVisible();
});

test('a FREE organization shows "Upgrade required" and no create button', async ({ page, api }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner, 'FREE');
  await signIn(page, owner, `/orgs/${org.slug}/api-keys`);
  await expect(page.getByText('Upgrade required')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create API key' })).toHaveCount(0);
  await checkScreen(page, '12-free-plan');
});

test('a MEMBER sees keys read-only: no create, edit, rotate, revoke or delete controls', async ({ page, api }) => {
  const owner = await api.user('owner');
  const member = await api.user('member');
  const org = await api.organization(owner);
  await api.orgKey(owner, org.id, 'Visible key');
  await api.addMember(owner, org.id, member, 'MEMBER');
  await signIn(page, member, `/orgs/${org.slug}/api-keys`);
  await expect(row(page, 'Visible key')).toContainText('Read-only');
  for (const name of ['Create API key', 'Edit', 'Rotate', 'Revoke', 'Delete', 'Delete selected']) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  }
  await checkScreen(page, '13-member-read-only');
});

/** Milliseconds from the next click in the page to the moment `rows` key rows are in the DOM, taken in the page. */
async function timeToRows(page: import('@playwright/test').Page, rows: number, click: () => Promise<void>): Promise<number> {
  await page.evaluate((rows) => {
    const w = window as unknown as { __shown: Promise<number> };
    w.__shown = new Promise((resolve) => {
      let clickedAt = 0;
      document.addEventListener('click', () => (clickedAt = performance.now()), { capture: true, once: true });
      const observer = new MutationObserver(() => {
        if (clickedAt && document.querySelectorAll('[data-testid=key-row]').length === rows && !document.body.textContent!.includes('Loading…')) {
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - clickedAt)); // the frame that paints them
        }
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  }, rows);
  await click();
  return Math.round(await page.evaluate(() => (window as unknown as { __shown: Promise<number> }).__shown));
}

test('the API keys page of an organization with 10,000 keys shows its first page quickly', async ({ page, api, server }) => {
  test.setTimeout(240_000);
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  await server.seedKeys(org.slug, 10_000);
  // Start on the organization page so the figure is the keys page's data and rendering, not sign-in.
  await signIn(page, owner, `/orgs/${org.slug}`);
  await expect(page.getByRole('heading', { name: org.name })).toBeVisible();
  const names = async () => page.getByTestId('key-row').getByRole('link').allInnerTexts();
  const seeded = (from: number) => Array.from({ length: 20 }, (_, i) => `seeded key ${from - i}`);

  const firstPage = await timeToRows(page, 20, () => page.getByRole('link', { name: 'API keys', exact: true }).click());
  // Newest first: the last 20 seeded keys, each with its owner, access and scope.
  expect(await names()).toEqual(seeded(9999));
  const first = page.getByTestId('key-row').first();
  await expect(first).toContainText('All projects');
  await expect(first).toContainText('Trigger workflows');
  await expect(first).toContainText(owner.email);
  await expect(page.getByText('20 keys on this page')).toBeVisible();

  const nextPage = await timeToRows(page, 20, () => page.getByRole('button', { name: 'Next page' }).click());
  expect(await names()).toEqual(seeded(9979));

  const apiStarted = Date.now();
  await api.gql(owner.token, `query($slug: String!) { organization(slug: $slug) { apiKeys(first: 20) { edges { node { id name prefix status } } } } }`, { slug: org.slug });
  const apiOnly = Date.now() - apiStarted;
  console.log(`10,000 keys: first page of 20 shown in ${firstPage} ms (click to rows in the page); next page ${nextPage} ms; the API query alone ${apiOnly} ms`);
  // A sanity bound only (the figure is printed; this machine is shared): an order of magnitude means a regression.
  expect(firstPage).toBeLessThan(10_000);
  await checkScreen(page, '14-ten-thousand-keys');
});

test('key details show permissions, usage and history; the audit log filters by action', async ({ page, api, server }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  const key = await api.orgKey(owner, org.id, 'Detailed key');
  // Calls made with the key now, and earlier usage (hours ago → calls, and how they ended) written straight into its buckets.
  const calls = 6;
  for (let i = 0; i < calls; i++) expect(await api.keyStatus(key.secret)).toBe(200);
  const hoursPast: [number, number, string?][] = [[3, 4], [7, 9], [7, 2, 'INVALID'], [20, 2], [20, 5, 'RATE_LIMITED'], [30, 6]];
  const daysPast: [number, number, string?][] = [[3, 40], [6, 25], [6, 7, 'FORBIDDEN'], [10, 60], [15, 18], [21, 33], [28, 12]].map(([d, n, o]) => [(d as number) * 24, n as number, o as string | undefined]);
  await server.seedUsage(key.id, [...hoursPast, ...daysPast]);
  const sum = (seeds: [number, number, string?][], keep = (_o: string) => true) => seeds.reduce((n, [, c, o]) => n + (keep(o ?? 'SUCCESS') ? c : 0), 0);
  const notSucceeded = (o: string) => o !== 'SUCCESS';
  const in48Hours = calls + sum(hoursPast);
  const in30Days = in48Hours + sum(daysPast);
  const refused30Days = sum(hoursPast, notSucceeded) + sum(daysPast, notSucceeded);
  const admitted = (o: string) => ['SUCCESS', 'FORBIDDEN', 'QUOTA_EXCEEDED'].includes(o);
  const usageQuery = `query($id: ID!, $g: UsageGranularity!, $n: Int!) { node(id: $id) { ... on ApiKey { usageCount usage(granularity: $g, last: $n) { start outcomes { total success rateLimited invalid forbidden } } } } }`;
  // The server flushes usage every 100 ms; usageCount counts the admitted calls.
  await expect
    .poll(async () => (await api.gql(owner.token, usageQuery, { id: key.id, g: 'DAY', n: 30 })).node.usageCount)
    .toBe(calls + sum(hoursPast, admitted) + sum(daysPast, admitted));

  await signIn(page, owner, `/orgs/${org.slug}/api-keys`);
  await page.getByRole('link', { name: 'Detailed key', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Detailed key' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Permissions overview' })).toContainText('Trigger');
  await expect(page.getByRole('table', { name: 'Audit events' })).toContainText('API key created');
  const daily = page.getByRole('img', { name: /^Calls per day \(UTC\), last 30 days:/ });
  await expect(daily).toHaveAttribute('aria-label', new RegExp(`: ${in30Days} calls in total, ${refused30Days} calls refused, at most 60 calls in one day`));
  await expect(daily.getByTestId('usage-bar')).toHaveCount(30);
  // Stacked by outcome: the day six days ago has a segment for its 7 refused calls above its 25 that succeeded.
  await expect(daily.locator('rect[data-outcome="FORBIDDEN"]')).toHaveCount(1);
  await expect(daily.locator('rect[data-outcome="RATE_LIMITED"]')).toHaveCount(1);
  const legend = page.getByRole('list', { name: 'Outcomes' });
  await expect(legend).toContainText(`Succeeded: ${in30Days - refused30Days}`);
  await expect(legend).toContainText('Missing permission: 7');
  await expect(legend).toContainText('Over a rate limit: 5');
  await expect(legend).toContainText('Wrong secret: 2');
  await checkScreen(page, '15-key-details');

  // The hourly view, and its figures as a table: the same as the API's, newest first, the calls in the current hour.
  await page.getByText('Last 48 hours').click();
  const hourly = page.getByRole('img', { name: /^Calls per hour \(UTC\), last 48 hours:/ });
  await expect(hourly).toHaveAttribute('aria-label', new RegExp(`: ${in48Hours} calls in total, 7 calls refused`));
  await expect(hourly.getByTestId('usage-bar')).toHaveCount(48);
  await page.getByRole('button', { name: 'Show the figures as a table' }).click();
  const table = page.getByRole('table', { name: 'Calls per hour' });
  await expect(table.locator('thead th')).toHaveText(['Hour (UTC)', 'Calls', 'Succeeded', 'Over a rate limit', 'Wrong secret']);
  type Outcomes = { total: number; success: number; rateLimited: number; invalid: number };
  const expected = ((await api.gql(owner.token, usageQuery, { id: key.id, g: 'HOUR', n: 48 })).node.usage as { outcomes: Outcomes }[]).map((b) => b.outcomes).reverse();
  expect(expected.reduce((n, b) => n + b.total, 0)).toBe(in48Hours);
  await expect(table.locator('tbody tr td:nth-child(2)')).toHaveText(expected.map((b) => String(b.total)));
  await expect(table.locator('tbody tr td:nth-child(4)')).toHaveText(expected.map((b) => String(b.rateLimited)));
  await expect(table.locator('tbody tr td:nth-child(5)')).toHaveText(expected.map((b) => String(b.invalid)));
  expect(Number(await table.locator('tbody tr').first().locator('td').nth(1).innerText())).toBeGreaterThanOrEqual(calls);
  await checkScreen(page, '15b-key-usage-hours');

  await page.getByRole('link', { name: `${org.name} / API keys` }).click();
  await page.getByRole('link', { name: org.name, exact: true }).click();
  await page.getByRole('link', { name: 'Audit log' }).click();
  const events = page.getByRole('table', { name: 'Audit events' });
  await expect(events).toContainText('Project created');
  await page.getByRole('combobox', { name: 'Action' }).click();
  await page.getByRole('option', { name: 'API key created' }).click();
  await expect(events).not.toContainText('Project created');
  await expect(events).toContainText('API key created');
  await checkScreen(page, '16-audit-log');
});

test('IP allowlist: a bad entry is named next to the field; calls from outside the list get 403; details show the list and recent addresses', async ({ page, api }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  await signIn(page, owner, `/orgs/${org.slug}/api-keys`);
  await page.getByRole('button', { name: 'Create API key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create API key' });
  await dialog.getByLabel('Name').fill('Office key');
  const allowed = dialog.getByRole('textbox', { name: 'Allowed addresses' });
  await allowed.fill('203.0.113.7\n10.0.0.0/33');
  await dialog.getByRole('button', { name: 'Create key' }).click();
  // The server names the entry by index (input.ipAllowlist.1); the field says which line, in words.
  await expect(allowed).toHaveAttribute('aria-invalid', 'true');
  await expect(allowed).toHaveAccessibleDescription(/Line 2: "10\.0\.0\.0\/33" is not an IPv4 or IPv6 address or CIDR range/);
  await expect(dialog.getByText('Line 2: "10.0.0.0/33" is not an IPv4 or IPv6 address or CIDR range', { exact: false })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Your new API key' })).toBeHidden();
  await checkScreen(page, '17-create-key-allowlist-error');

  await allowed.fill('203.0.113.7\n10.0.0.0/8');
  await dialog.getByRole('button', { name: 'Create key' }).click();
  const secretDialog = page.getByRole('dialog', { name: 'Your new API key' });
  const secret = (await secretDialog.getByTestId('secret').innerText()).trim();
  await secretDialog.getByLabel('I have stored this key somewhere safe').check();
  await secretDialog.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('link', { name: 'Office key', exact: true }).click();
  const details = page.getByRole('table', { name: 'Key details' });
  await expect(details.getByRole('row', { name: /Allowed addresses/ })).toContainText('203.0.113.7');
  await expect(details.getByRole('row', { name: /Allowed addresses/ })).toContainText('10.0.0.0/8');
  await expect(page.getByText('Not used yet')).toBeVisible();

  // From outside the list the valid key is refused; from inside it works and its address is recorded.
  expect(await api.keyStatusFrom(secret, '198.51.100.1')).toBe(403);
  expect(await api.keyStatusFrom(secret, '10.1.2.3')).toBe(200);
  const addressesQuery = `query($slug: String!) { organization(slug: $slug) { apiKeys(first: 5) { edges { node { name lastUsedAddresses { address } } } } } }`;
  // The server flushes usage (and the addresses with it) every 100 ms.
  await expect
    .poll(async () => (await api.gql(owner.token, addressesQuery, { slug: org.slug })).organization.apiKeys.edges[0].node.lastUsedAddresses)
    .toEqual([{ address: '10.1.2.3' }]);
  await signIn(page, owner, new URL(page.url()).pathname);
  const recent = page.getByRole('table', { name: 'Recent addresses' });
  await expect(recent.getByRole('row')).toHaveCount(2);
  await expect(recent.getByRole('row').nth(1)).toContainText('10.1.2.3');
  await expect(recent).not.toContainText('198.51.100.1');
  await checkScreen(page, '18-key-details-addresses');

  // An owner clears the list in the Edit dialog: any address again.
  await page.getByRole('link', { name: `${org.name} / API keys` }).click();
  await row(page, 'Office key').getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit “Office key”' });
  await expect(edit.getByRole('textbox', { name: 'Allowed addresses' })).toHaveValue('203.0.113.7\n10.0.0.0/8');
  await checkScreen(page, '19-edit-key-allowlist');
  await edit.getByRole('textbox', { name: 'Allowed addresses' }).fill('');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  expect(await api.keyStatusFrom(secret, '198.51.100.1')).toBe(200);
  await page.getByRole('link', { name: 'Office key', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Key details' }).getByRole('row', { name: /Allowed addresses/ })).toContainText('Any address');
});

test('members: an owner invites an email and sees the error for a conflicting invitation; an operator changes the plan', async ({ page, api }) => {
  const owner = await api.user('owner');
  const colleague = await api.user('colleague');
  const org = await api.organization(owner, 'FREE');
  await signIn(page, owner, `/orgs/${org.slug}`);
  const form = page.getByRole('form', { name: 'Invite a member' });
  await form.getByLabel('Email to invite').fill(colleague.email);
  await form.getByRole('button', { name: 'Invite' }).click();
  await expect(page.getByRole('table', { name: 'Pending invitations' })).toContainText(colleague.email);
  // The same address again with another role: a ConflictError, named next to the form.
  await form.getByLabel('Email to invite').fill(colleague.email);
  await form.getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: 'Admin' }).click();
  await form.getByRole('button', { name: 'Invite' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'already pending with another role' })).toBeVisible();
  await checkScreen(page, '17-organization-members');

  const operator = { sub: `operator-${Date.now()}`, email: `operator-${Date.now()}@example.com` };
  await page.reload();
  await signIn(page, operator, '/', true);
  await page.getByRole('link', { name: 'Operator' }).click();
  await page.getByLabel('Find an organization').fill(org.slug);
  await expect(page.getByRole('table', { name: 'Organizations' }).getByRole('row')).toHaveCount(2);
  await page.getByRole('combobox', { name: `Plan of ${org.name}` }).click();
  await page.getByRole('option', { name: 'Enterprise' }).click();
  await page.getByRole('button', { name: 'Change plan' }).click();
  await expect(page.getByRole('status')).toContainText('Enterprise');
  // The list follows: the organization's row says the plan it is on now.
  await expect(page.getByRole('table', { name: 'Organizations' }).getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveText('Enterprise');
  await checkScreen(page, '18-operator-plan');
  const data = await api.gql(owner.token, `query($slug: String!) { organization(slug: $slug) { plan apiAccess } }`, { slug: org.slug });
  expect(data.organization).toEqual({ plan: 'ENTERPRISE', apiAccess: true });
});
