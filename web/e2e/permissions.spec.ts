import { checkScreen, expect, signIn, test, type Api, type User } from './support/fixtures.ts';
import type { Page } from '@playwright/test';

/** Creates a project in the organization through the API (setup, not what the test is about). */
async function project(api: Api, owner: User, organizationId: string, name: string, slug: string): Promise<string> {
  const data = await api.gql(
    owner.token,
    `mutation($input: CreateProjectInput!) { createProject(input: $input) { __typename ... on ProjectPayload { project { id } } ... on Error { message } } }`,
    { input: { organizationId, name, slug } },
  );
  expect(data.createProject.__typename).toBe('ProjectPayload');
  return data.createProject.project.id;
}

/** The grants the server stored for the key named `name`, as the API returns them. */
async function grantsOf(api: Api, owner: User, slug: string, name: string) {
  const data = await api.gql(
    owner.token,
    `query($slug: String!, $search: String!) { organization(slug: $slug) { apiKeys(first: 5, filter: { search: $search }) { edges { node { name ownedByOrganization permissions { permission projectIds workflowIds effective } } } } } }`,
    { slug, search: name },
  );
  const node = data.organization.apiKeys.edges.map((e: { node: { name: string } }) => e.node).find((n: { name: string }) => n.name === name);
  return node as { ownedByOrganization: boolean; permissions: { permission: string; projectIds: string[] | null; workflowIds: string[] | null; effective: boolean }[] };
}

async function createdSecret(page: Page): Promise<string> {
  const secretDialog = page.getByRole('dialog', { name: 'Your new API key' });
  const secret = (await secretDialog.getByTestId('secret').innerText()).trim();
  await secretDialog.getByLabel('I have stored this key somewhere safe').check();
  await secretDialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  return secret;
}

/** A key's call refused for lacking `permission`: FORBIDDEN naming it, or the typed ForbiddenError naming it. */
function expectRefusedFor(response: { status: number; body: unknown }, field: string, permission: string) {
  const body = response.body as { data?: Record<string, { __typename?: string } | null>; errors?: { extensions?: { code?: string; permission?: string } }[] };
  const typed = body.data?.[field]?.__typename === 'ForbiddenError';
  const coded = body.errors?.some((e) => e.extensions?.code === 'FORBIDDEN' && e.extensions.permission === permission);
  expect(typed || coded, JSON.stringify(body)).toBe(true);
  expect(JSON.stringify(body)).toContain(permission);
}

/** The overview's row of one resource × action. */
function grantRow(page: Page, resource: string, action: string) {
  return page
    .getByRole('table', { name: 'Permissions overview' })
    .getByTestId('grant-row')
    .filter({ has: page.getByRole('cell', { name: resource, exact: true }) })
    .filter({ has: page.getByText(action, { exact: true }) });
}

const CREATE_PROJECT = `mutation($input: CreateProjectInput!) { createProject(input: $input) { __typename ... on ProjectPayload { project { id } } ... on Error { message } } }`;

test('a key created with the Automation preset builds a project through the API, and its page shows the Permissions overview', async ({ page, api }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  await signIn(page, owner, `/orgs/${org.slug}/api-keys`);
  await page.getByRole('button', { name: 'Create API key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create API key' });
  await dialog.getByLabel('Name').fill('CI pipeline');
  const presets = dialog.getByRole('radiogroup', { name: 'Permissions' });
  // Trigger workflows stays the default, as before permissions existed.
  await expect(presets.getByRole('radio', { name: 'Trigger workflows' })).toBeChecked();
  await presets.getByRole('radio', { name: 'Automation' }).check();
  await expect(dialog.getByTestId('preset-permissions')).toContainText('Create projects');
  await expect(dialog.getByTestId('preset-permissions')).not.toContainText('Manage members');
  await checkScreen(page, '70-create-key-preset');
  await dialog.getByRole('button', { name: 'Create key' }).click();
  const secret = await createdSecret(page);

  // What the dialog promised is what the server enforces: the key creates a project, and cannot invite anyone.
  const created = await api.request(secret, CREATE_PROJECT, { input: { organizationId: org.id, name: 'From CI', slug: 'from-ci' } });
  expect(created.body.data?.createProject.__typename).toBe('ProjectPayload');
  const invite = await api.request(secret, `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { __typename ... on Error { message } } }`, {
    input: { organizationId: org.id, email: 'someone@example.com', role: 'MEMBER' },
  });
  expectRefusedFor(invite, 'inviteMember', 'member:manage');

  await expect(page.getByTestId('key-row').filter({ hasText: 'CI pipeline' })).toContainText('Read the organization');
  await page.getByRole('link', { name: 'CI pipeline', exact: true }).click();
  const overview = page.getByRole('table', { name: 'Permissions overview' });
  const rows = overview.getByTestId('grant-row');
  const stored = await grantsOf(api, owner, org.slug, 'CI pipeline');
  await expect(rows).toHaveCount(stored.permissions.length);
  await expect(grantRow(page, 'Projects', 'Create')).toContainText('The organization');
  await expect(grantRow(page, 'Workflows', 'Trigger')).toContainText('All projects');
  await expect(page.getByText("The owner's role limits this key")).toHaveCount(0);
  await checkScreen(page, '71-key-permissions-overview');
});

test('a custom matrix: workflows written in one selected project, keys read everywhere; the server stores exactly that', async ({ page, api }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  const billing = await project(api, owner, org.id, 'Billing', 'billing');
  await signIn(page, owner, `/orgs/${org.slug}/api-keys`);
  await page.getByRole('button', { name: 'Create API key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create API key' });
  await dialog.getByLabel('Name').fill('Workflow builder');
  await dialog.getByRole('radiogroup', { name: 'Permissions' }).getByRole('radio', { name: 'Custom' }).check();
  const matrix = dialog.getByRole('table', { name: 'Custom permissions' });
  // Custom starts from the preset that was chosen (Trigger workflows): the workflows row is a write.
  await expect(matrix.getByRole('radiogroup', { name: 'Workflows access' }).getByRole('radio', { name: 'Write' })).toBeChecked();
  await matrix.getByRole('radiogroup', { name: 'Workflows access' }).getByRole('radio', { name: 'Write' }).check();
  await matrix.getByRole('radiogroup', { name: 'Workflows access' }).getByRole('radio', { name: 'None' }).check();
  await matrix.getByRole('radiogroup', { name: 'Workflows access' }).getByRole('radio', { name: 'Write' }).check();
  const actions = matrix.getByRole('group', { name: 'Workflows actions' });
  await expect(actions.getByRole('checkbox', { name: 'Delete workflows' })).toBeChecked();
  await actions.getByRole('checkbox', { name: 'Delete workflows' }).uncheck();
  await actions.getByRole('checkbox', { name: 'Trigger workflows' }).uncheck();
  // A write brings its read: Read workflows is included, not a separate choice.
  await expect(actions.getByRole('checkbox', { name: 'Read workflows' })).toBeChecked();
  await expect(actions.getByRole('checkbox', { name: 'Read workflows' })).toBeDisabled();
  await matrix.getByRole('combobox', { name: 'Workflows: applies to' }).click();
  await page.getByRole('option', { name: 'Selected projects' }).click();
  await matrix.getByRole('combobox', { name: 'Workflows: projects' }).click();
  await page.getByRole('option', { name: 'Billing' }).click();
  await page.keyboard.press('Escape');
  await matrix.getByRole('radiogroup', { name: 'API keys access' }).getByRole('radio', { name: 'Read' }).check();
  await matrix.getByRole('columnheader', { name: 'Resource' }).click(); // closes any open dropdown before the screenshot
  await matrix.getByRole('radiogroup', { name: 'Workflows access' }).scrollIntoViewIfNeeded();
  await checkScreen(page, '72-create-key-custom-matrix');
  await dialog.getByRole('button', { name: 'Create key' }).click();
  const secret = await createdSecret(page);

  const stored = await grantsOf(api, owner, org.slug, 'Workflow builder');
  expect(stored.permissions.map((g) => [g.permission, g.projectIds, g.workflowIds]).sort()).toEqual(
    [
      ['api_key:read', null, null],
      ['workflow:create', [billing], null],
      ['workflow:read', [billing], null],
      ['workflow:update', [billing], null],
    ].sort(),
  );
  // Narrowed as shown: a workflow in Billing is allowed, one in Storefront is refused naming the permission.
  const createWorkflow = `mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { __typename ... on Error { message } } }`;
  expect((await api.request(secret, createWorkflow, { input: { projectId: billing, name: 'Invoices', slug: 'invoices' } })).body.data?.createWorkflow.__typename).toBe('WorkflowPayload');
  const refused = await api.request(secret, createWorkflow, { input: { projectId: org.project.id, name: 'Carts', slug: 'carts' } });
  expectRefusedFor(refused, 'createWorkflow', 'workflow:create');

  await page.getByRole('link', { name: 'Workflow builder', exact: true }).click();
  const rows = page.getByRole('table', { name: 'Permissions overview' }).getByTestId('grant-row');
  await expect(rows).toHaveCount(4);
  await expect(grantRow(page, 'Workflows', 'Create')).toContainText('Billing');
  await expect(grantRow(page, 'Workflows', 'Change')).toContainText('Billing');
  await expect(grantRow(page, 'API keys', 'Read')).toContainText('All projects');
  await checkScreen(page, '73-key-custom-overview');
});

test('a project key: organization-wide permissions are shown disabled with the reason', async ({ page, api }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  await signIn(page, owner, `/orgs/${org.slug}/projects/${org.project.slug}/api-keys`);
  await page.getByRole('button', { name: 'Create API key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create API key' });
  await dialog.getByRole('radiogroup', { name: 'Permissions' }).getByRole('radio', { name: 'Custom' }).check();
  const matrix = dialog.getByRole('table', { name: 'Custom permissions' });
  const members = matrix.getByRole('radiogroup', { name: 'Members access' });
  const membersRow = matrix.getByTestId('permission-row').filter({ has: page.getByRole('rowheader', { name: 'Members', exact: true }) });
  await expect(membersRow).toContainText('A project key cannot hold organization-wide permissions');
  await expect(members.getByRole('radio', { name: 'Read' })).toBeDisabled();
  await expect(members.getByRole('radio', { name: 'Write' })).toBeDisabled();
  // Within a row: a project key may change its project but not create projects.
  await matrix.getByRole('radiogroup', { name: 'Projects access' }).getByRole('radio', { name: 'Write' }).check();
  const projectActions = matrix.getByRole('group', { name: 'Projects actions' });
  await expect(projectActions.getByRole('checkbox', { name: 'Create projects' })).toBeDisabled();
  await expect(projectActions.getByRole('checkbox', { name: 'Create projects' })).not.toBeChecked();
  await expect(projectActions).toContainText('A project key cannot hold organization-wide permissions');
  await expect(projectActions.getByRole('checkbox', { name: 'Change projects' })).toBeChecked();
  await dialog.getByLabel('Name').fill('Project deployer');
  await projectActions.scrollIntoViewIfNeeded();
  await checkScreen(page, '74-project-key-disabled-permissions');
  await dialog.getByRole('button', { name: 'Create key' }).click();
  await createdSecret(page);
  const stored = await grantsOf(api, owner, org.slug, 'Project deployer');
  expect(stored.permissions.map((g) => g.permission)).toContain('project:update');
  expect(stored.permissions.map((g) => g.permission)).not.toContain('project:create');
});

test("a demoted owner's key warns what it no longer allows; handed to the organization, it works again", async ({ page, api }) => {
  const owner = await api.user('owner');
  const admin = await api.user('admin');
  const org = await api.organization(owner);
  await api.addMember(owner, org.id, admin, 'ADMIN');
  const created = await api.gql(
    admin.token,
    `mutation($input: CreateOrganizationApiKeyInput!) { createOrganizationApiKey(input: $input) { __typename ... on CreateApiKeyPayload { secret } ... on Error { message } } }`,
    {
      input: {
        organizationId: org.id,
        name: 'Admin automation',
        permissions: [{ permission: 'project:create' }, { permission: 'workflow:trigger' }],
        expiry: { policy: 'NEVER' },
        projectAccess: { all: true },
      },
    },
  );
  expect(created.createOrganizationApiKey.__typename).toBe('CreateApiKeyPayload');
  const secret = created.createOrganizationApiKey.secret as string;
  const members = await api.gql(owner.token, `query($slug: String!) { organization(slug: $slug) { members(first: 10) { edges { node { id user { email } } } } } }`, { slug: org.slug });
  const membership = members.organization.members.edges.find((e: { node: { user: { email: string } } }) => e.node.user.email === admin.email).node.id;
  const demoted = await api.gql(owner.token, `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { __typename } }`, { input: { id: membership, role: 'MEMBER' } });
  expect(demoted.updateMember.__typename).toBe('MemberPayload');
  expectRefusedFor(await api.request(secret, CREATE_PROJECT, { input: { organizationId: org.id, name: 'Nope', slug: 'nope' } }), 'createProject', 'project:create');

  await signIn(page, owner, `/orgs/${org.slug}/api-keys`);
  await page.getByRole('link', { name: 'Admin automation', exact: true }).click();
  const warning = page.getByRole('status').filter({ hasText: "The owner's role limits this key" });
  await expect(warning).toContainText("The owner's role (Member) no longer allows: Create projects; these grants do nothing until");
  await expect(grantRow(page, 'Projects', 'Create')).toContainText('Not in effect');
  await expect(grantRow(page, 'Workflows', 'Trigger')).not.toContainText('Not in effect');
  await checkScreen(page, '75-key-owner-role-warning');

  await page.getByRole('link', { name: /API keys/ }).first().click();
  await page.getByTestId('key-row').filter({ hasText: 'Admin automation' }).getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit “Admin automation”' });
  await expect(edit.getByRole('radiogroup', { name: 'Permissions' }).getByRole('radio', { name: 'Custom' })).toBeChecked();
  await edit.getByLabel('Owned by the organization (service key)').check();
  await checkScreen(page, '76-edit-key-service-key');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  const stored = await grantsOf(api, owner, org.slug, 'Admin automation');
  expect(stored.ownedByOrganization).toBe(true);
  expect(stored.permissions.every((g) => g.effective)).toBe(true);
  expect((await api.request(secret, CREATE_PROJECT, { input: { organizationId: org.id, name: 'Yes', slug: 'yes' } })).body.data?.createProject.__typename).toBe('ProjectPayload');
});

test('the organization page shows what each role may do, from the catalog', async ({ page, api }) => {
  const owner = await api.user('owner');
  const org = await api.organization(owner);
  await signIn(page, owner, `/orgs/${org.slug}`);
  await page.getByText('What each role may do').click();
  const table = page.getByRole('table', { name: 'What each role may do' });
  const catalog = await api.gql(owner.token, '{ availablePermissions { name } }');
  // One row per permission of the catalog, plus a heading row per resource.
  await expect(table.getByRole('rowheader')).toHaveCount(catalog.availablePermissions.length);
  const manageMembers = table.getByRole('row', { name: /^Manage members/ });
  await expect(manageMembers.getByRole('cell')).toHaveText(['✓Allowed', '✓Allowed', '—Not allowed']);
  const readKeys = table.getByRole('row', { name: /^Read keys/ });
  await expect(readKeys.getByRole('cell')).toHaveText(['✓Allowed', '✓Allowed', '✓Allowed']);
  await checkScreen(page, '77-organization-roles');
});
