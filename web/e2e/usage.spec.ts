import fs from 'node:fs';
import { expect, inEveryMode, signIn, test } from './support/fixtures.ts';

test("organization usage: totals by outcome, the keys with the most calls and refusals, and a CSV that holds the API's export rows", async ({ page, api, server }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  const busy = await api.orgKey(owner, org.id, 'Busy backend');
  const refused = await api.orgKey(owner, org.id, 'Misconfigured CRM');
  await api.orgKey(owner, org.id, 'Idle key');
  // Calls made now (counted by the server's usage flush), and earlier ones written straight into the hourly buckets.
  for (let i = 0; i < 3; i++) expect(await api.keyStatus(busy.secret)).toBe(200);
  await server.seedUsage(busy.id, [[2, 50], [2, 4, 'RATE_LIMITED'], [30, 20]]);
  await server.seedUsage(refused.id, [[1, 10], [1, 12, 'IP_REFUSED'], [5, 3, 'INVALID'], [26, 1, 'REVOKED']]);
  const total = 3 + 50 + 4 + 20 + 10 + 12 + 3 + 1;
  const notSucceeded = 4 + 12 + 3 + 1;
  const totalsQuery = `query($slug: String!, $from: DateTime!) { organization(slug: $slug) { usageOverview(from: $from) { totals { total refused } } } }`;
  const weekAgo = new Date(Date.now() - 6 * 86_400_000);
  weekAgo.setUTCHours(0, 0, 0, 0);
  await expect
    .poll(async () => (await api.gql(owner.token, totalsQuery, { slug: org.slug, from: weekAgo.toISOString() })).organization.usageOverview.totals)
    .toEqual({ total, refused: notSucceeded });

  await signIn(page, owner, `/orgs/${org.slug}`);
  await page.getByRole('link', { name: 'Usage', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Usage', level: 1 })).toBeVisible();
  await expect(page.getByRole('radio', { name: '7 days' })).toBeChecked();
  await expect(page.getByRole('group', { name: 'Calls', exact: true })).toContainText(String(total));
  await expect(page.getByRole('group', { name: 'Refused', exact: true })).toContainText(String(notSucceeded));
  const outcomes = page.getByRole('list', { name: 'Outcomes' });
  await expect(outcomes).toContainText(`Succeeded: ${total - notSucceeded}`);
  await expect(outcomes).toContainText('Address not allowed: 12');
  await expect(outcomes).toContainText('Over a rate limit: 4');
  await expect(outcomes).toContainText('Wrong secret: 3');
  await expect(outcomes).toContainText('Key revoked: 1');
  // Most calls: the busy key first; the idle key is not there. Most refused: the CRM's key first.
  const byCalls = page.getByRole('table', { name: 'Most calls' });
  await expect(byCalls.locator('tbody tr')).toHaveCount(2);
  await expect(byCalls.locator('tbody tr').first()).toContainText('Busy backend');
  await expect(byCalls.locator('tbody tr').first().locator('td').nth(1)).toHaveText('77');
  const byRefusals = page.getByRole('table', { name: 'Most refused' });
  await expect(byRefusals.locator('tbody tr td').first()).toContainText('Misconfigured CRM');
  await expect(byRefusals.locator('tbody tr').first().locator('td').nth(1)).toHaveText('16');
  await inEveryMode(page, 'organization-usage', async (p) => {
    // The top-key tables scroll inside their own box on a phone.
    await expect(p.getByRole('table', { name: 'Most calls' })).toBeVisible();
  });

  // The last 24 hours leave out what was 26 and 30 hours ago.
  await page.getByText('24 hours', { exact: true }).click();
  await expect(page.getByRole('group', { name: 'Calls', exact: true })).toContainText(String(total - 20 - 1));

  // The CSV: every row of the API's export for the same range, once, with a header.
  await page.getByText('7 days', { exact: true }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${org.slug}-usage-daily-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const lines = fs.readFileSync((await download.path())!, 'utf8').trimEnd().split('\r\n');
  expect(lines[0]).toBe('period_start,api_key_id,api_key_name,outcome,calls');
  const rows = lines.slice(1).map((line) => line.split(','));
  expect(rows.reduce((n, r) => n + Number(r[4]), 0)).toBe(total);
  expect(rows.filter((r) => r[1] === refused.id).map((r) => [r[2], r[3]]).sort()).toEqual(
    [
      ['Misconfigured CRM', 'INVALID'],
      ['Misconfigured CRM', 'IP_REFUSED'],
      ['Misconfigured CRM', 'REVOKED'],
      ['Misconfigured CRM', 'SUCCESS'],
    ].sort(),
  );
  await expect(page.getByRole('status').filter({ hasText: 'rows saved' })).toHaveText(`${rows.length} rows saved.`);
});
