import { checkScreen, expect, signIn, test } from './support/fixtures.ts';

test('members join by invitation: the owner invites an email, the invited person accepts in their own session; a pending invitation can be revoked', async ({ page, browser, api }) => {
  const owner = await api.user('owner');
  const invitee = await api.user('invitee');
  const org = await api.organization(owner);

  // The owner invites the address, with a role, from the members panel.
  await signIn(page, owner, `/orgs/${org.slug}`);
  const form = page.getByRole('form', { name: 'Invite a member' });
  await form.getByLabel('Email to invite').fill(invitee.email);
  await form.getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: 'Admin' }).click();
  await form.getByRole('button', { name: 'Invite' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Invitation created' })).toContainText(invitee.email);
  const pending = page.getByRole('table', { name: 'Pending invitations' });
  await expect(pending.getByRole('row').filter({ hasText: invitee.email })).toContainText('Admin');
  // Not a member until they accept.
  await expect(page.getByRole('table', { name: 'Members' })).not.toContainText(invitee.email);

  // A second invitation, revoked (confirmed) before anyone answers it.
  const other = `nobody-${org.slug}@example.com`;
  await form.getByLabel('Email to invite').fill(other);
  await form.getByRole('button', { name: 'Invite' }).click();
  await expect(pending.getByRole('row').filter({ hasText: other })).toBeVisible();
  await pending.getByRole('button', { name: `Revoke the invitation of ${other}` }).click();
  await page.getByRole('dialog', { name: `Revoke the invitation of ${other}?` }).getByRole('button', { name: 'Revoke invitation' }).click();
  await expect(pending.getByRole('row').filter({ hasText: other })).toHaveCount(0);
  await expect(pending.getByRole('row').filter({ hasText: invitee.email })).toBeVisible();
  await expect(page.getByRole('status')).toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(0, 0);
  await checkScreen(page, '70-members-invite-pending');

  // The invited person, in a session of their own, sees the invitation on their organizations page and accepts it.
  const context = await browser.newContext();
  const second = await context.newPage();
  await signIn(second, invitee, '/');
  const invitation = second.getByRole('group', { name: `Invitation to ${org.name}` });
  await expect(invitation).toContainText(`${org.name} invites you as admin`);
  await expect(second.getByText('You are not a member of any organization yet', { exact: false })).toBeVisible();
  await second.mouse.move(0, 0);
  await checkScreen(second, '71-your-invitations');
  await invitation.getByRole('button', { name: `Accept the invitation to ${org.name}` }).click();
  await expect(second).toHaveURL(new RegExp(`/orgs/${org.slug}$`));
  await expect(second.getByText('Your role: Admin')).toBeVisible();
  await expect(second.getByRole('table', { name: 'Members' })).toContainText(invitee.email);
  await second.mouse.move(0, 0);
  await checkScreen(second, '72-invitation-accepted');
  await context.close();

  // The owner's view after the acceptance: a member, nothing pending.
  await signIn(page, owner, `/orgs/${org.slug}`);
  await expect(page.getByRole('table', { name: 'Members' })).toContainText(invitee.email);
  await expect(page.getByText('No pending invitations.')).toBeVisible();
  const audit = await api.gql(owner.token, `query($slug: String!) { organization(slug: $slug) { auditEvents(first: 10) { edges { node { action } } } } }`, { slug: org.slug });
  expect(audit.organization.auditEvents.edges.map((e: { node: { action: string } }) => e.node.action)).toEqual(
    expect.arrayContaining(['MEMBER_INVITE', 'MEMBER_INVITATION_REVOKE', 'MEMBER_INVITATION_ACCEPT']),
  );
});
