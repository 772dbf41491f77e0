import { checkScreen, expect, signIn, test } from './support/fixtures.ts';

const FOUND_AT = 'https://github.com/octo/public-repo/blob/4f2a9c1/deploy/config.yml';

test('leaked keys: the organization chooses to flag them; a reported key is badged, counted, filtered and explained with where it was found', async ({ page, api }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  const leaky = await api.orgKey(owner, org.id, 'CI deploy key');
  await api.orgKey(owner, org.id, 'Clean key');

  // The setting, on the organization page: REVOKE by default, changed to FLAG.
  await signIn(page, owner, `/orgs/${org.slug}`);
  const setting = page.getByRole('radiogroup', { name: /When a secret scanner finds one of this organization’s keys in public/ });
  await expect(setting.getByRole('radio', { name: /Revoke the key at once/ })).toBeChecked();
  await setting.getByRole('radio', { name: /Only flag the key/ }).check();
  await expect.poll(async () => (await api.gql(owner.token, `query($slug: String!) { organization(slug: $slug) { leakedKeyAction } }`, { slug: org.slug })).organization.leakedKeyAction).toBe('FLAG');
  await expect(setting.getByRole('radio', { name: /Only flag the key/ })).toBeChecked();
  await checkScreen(page, '60-organization-leaked-key-setting');

  // GitHub reports the key: flagged, it still works.
  expect(await api.reportLeak(leaky.secret, FOUND_AT)).toBe(200);
  expect(await api.keyStatus(leaky.secret)).toBe(200);

  await page.getByRole('link', { name: 'API keys', exact: true }).click();
  const banner = page.getByRole('alert').filter({ hasText: '1 leaked key still works' });
  await expect(banner).toBeVisible();
  const rows = page.getByTestId('key-row');
  await expect(rows).toHaveCount(2);
  const leakedRow = rows.filter({ hasText: 'CI deploy key' });
  await expect(leakedRow.getByText('Leaked', { exact: true })).toBeVisible();
  await expect(rows.filter({ hasText: 'Clean key' }).getByText('Leaked', { exact: true })).toHaveCount(0);
  await checkScreen(page, '61-api-keys-leaked-banner');

  await banner.getByRole('link', { name: 'Show the leaked keys' }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${org.slug}/api-keys\\?leaked=true$`));
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('CI deploy key');
  await expect(page.getByRole('checkbox', { name: 'Leaked only' })).toBeChecked();
  await page.getByRole('checkbox', { name: 'Leaked only' }).uncheck();
  await expect(rows).toHaveCount(2);

  await page.getByRole('link', { name: 'CI deploy key', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'This key was leaked' });
  await expect(alert).toContainText('(content)');
  await expect(alert.getByRole('link', { name: FOUND_AT })).toHaveAttribute('href', FOUND_AT);
  await expect(alert).toContainText('only flagged');
  await expect(alert).toContainText('still works: rotate or revoke it now');
  await expect(page.getByRole('table', { name: 'Audit events' })).toContainText('API key reported leaked');
  await checkScreen(page, '62-key-details-leaked-flagged');
});

test('leaked keys: with the default setting a reported key is revoked at once, and its details say so', async ({ page, api }) => {
  const owner = await api.user('owner');
  const member = await api.user('member');
  const org = await api.organization(owner);
  await api.addMember(owner, org.id, member, 'MEMBER');
  const key = await api.orgKey(owner, org.id, 'Pasted in a gist');
  expect(await api.reportLeak(key.secret, 'https://gist.github.com/octo/0a1b2c3d', 'gist')).toBe(200);
  expect(await api.keyStatus(key.secret)).toBe(401);

  // A MEMBER sees the setting (not a control) and the leaked key with its details.
  await signIn(page, member, `/orgs/${org.slug}`);
  await expect(page.getByText('revoke the key at once (recommended). Owners and admins change this.', { exact: false })).toBeVisible();
  await expect(page.getByRole('radiogroup')).toHaveCount(0);
  await page.getByRole('link', { name: 'API keys', exact: true }).click();
  const row = page.getByTestId('key-row').filter({ hasText: 'Pasted in a gist' });
  await expect(row).toContainText('Revoked');
  await expect(row.getByText('Leaked', { exact: true })).toBeVisible();
  // Revoked on report: said apart, without the red banner.
  await expect(page.getByRole('status').filter({ hasText: '1 leaked key no longer works' })).toBeVisible();
  await expect(page.getByText('leaked key still works')).toHaveCount(0);
  await row.getByRole('link', { name: 'Pasted in a gist' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'This key was leaked' });
  await expect(alert).toContainText('(gist)');
  await expect(alert).toContainText('It was revoked automatically and no longer works.');
  await checkScreen(page, '63-key-details-leaked-revoked');
});
