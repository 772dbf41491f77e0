import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export { expect };

type Server = {
  url: string;
  seedKeys(slug: string, count: number): Promise<void>;
  /** Adds past requests of a key (global id): `[hoursAgo, count]` per hour, as the usage flush would have written them. */
  /** Past calls of a key: [hours ago, calls, outcome (default SUCCESS)]. */
  seedUsage(keyId: string, hours: [number, number, string?][]): Promise<void>;
  /** Marks a webhook endpoint (global id) as failing every delivery attempt since `hoursAgo`. */
  seedFailingSince(endpointId: string, hoursAgo: number): Promise<void>;
};

// A secret scanner's signing key (GitHub's partner program signs its leak reports): the worker's server trusts it.
const scanner = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const SCANNER_KEY_ID = 'e2e-secret-scanner';
const SCANNER_PUBLIC_KEYS = JSON.stringify({
  public_keys: [{ key_identifier: SCANNER_KEY_ID, key: scanner.publicKey.export({ type: 'spki', format: 'pem' }), is_current: true }],
});

/** A user the test signs in as; `token` talks to the API directly (setup and checks, not what the UI does). */
export type User = { sub: string; email: string; token: string };

export class Api {
  constructor(readonly url: string) {}

  async token(sub: string, email: string, operator = false): Promise<string> {
    const response = await fetch(`${this.url}/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sub, email, operator }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { token: string }).token;
  }

  async user(label: string): Promise<User> {
    const sub = `${label}-${randomUUID().slice(0, 8)}`;
    const email = `${sub}@example.com`;
    const token = await this.token(sub, email);
    await this.gql(token, '{ viewer { user { id } } }');
    return { sub, email, token };
  }

  /** Sends a GraphQL request with a bearer (a user's token or an API key); returns status and body. */
  async request(bearer: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}`, ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as { data?: Record<string, any>; errors?: unknown[] } }; // eslint-disable-line @typescript-eslint/no-explicit-any
  }

  async gql(token: string, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const { status, body } = await this.request(token, query, variables);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    expect(status).toBe(200);
    return body.data!;
  }

  /** Status of a call made with an API key, as an integration would make it. */
  async keyStatus(secret: string): Promise<number> {
    return (await this.request(secret, '{ currentApiKey { id } }')).status;
  }

  /** Status of a call made with an API key from `address` (the test server trusts X-Forwarded-For). */
  async keyStatusFrom(secret: string, address: string): Promise<number> {
    return (await this.request(secret, '{ currentApiKey { id } }', {}, { 'x-forwarded-for': address })).status;
  }

  /** An organization (owned by `owner`) with one project, on `plan`. */
  async organization(owner: User, plan: 'FREE' | 'TEAM' = 'TEAM') {
    const slug = `org-${randomUUID().slice(0, 8)}`;
    const created = await this.gql(
      owner.token,
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { __typename ... on OrganizationPayload { organization { id } } ... on Error { message } } }`,
      { input: { name: `Acme ${slug}`, slug } },
    );
    const orgId = created.createOrganization.organization.id as string;
    if (plan !== 'FREE') {
      const operator = await this.token(`operator-${randomUUID().slice(0, 8)}`, 'operator@example.com', true);
      await this.gql(operator, `mutation($input: SetOrganizationPlanInput!) { setOrganizationPlan(input: $input) { __typename } }`, {
        input: { organizationId: orgId, plan },
      });
    }
    const project = await this.gql(
      owner.token,
      `mutation($input: CreateProjectInput!) { createProject(input: $input) { ... on ProjectPayload { project { id slug name } } } }`,
      { input: { organizationId: orgId, name: 'Storefront', slug: 'storefront' } },
    );
    return { id: orgId, slug, name: `Acme ${slug}`, project: project.createProject.project as { id: string; slug: string; name: string } };
  }

  async orgKey(owner: User, orgId: string, name: string): Promise<{ id: string; secret: string }> {
    const data = await this.gql(
      owner.token,
      `mutation($input: CreateOrganizationApiKeyInput!) { createOrganizationApiKey(input: $input) { __typename ... on CreateApiKeyPayload { secret apiKey { id } } ... on Error { message } } }`,
      { input: { organizationId: orgId, name, scopes: [{ scope: 'TRIGGER_WORKFLOWS' }], expiry: { policy: 'NEVER' }, projectAccess: { all: true } } },
    );
    expect(data.createOrganizationApiKey.__typename).toBe('CreateApiKeyPayload');
    return { id: data.createOrganizationApiKey.apiKey.id, secret: data.createOrganizationApiKey.secret };
  }

  /** Reports `secret` found in public at `url`, as GitHub's secret scanning does (a signed report); returns the status. */
  async reportLeak(secret: string, url: string, source = 'content'): Promise<number> {
    const body = JSON.stringify([{ token: secret, type: 'keysmith_api_key', url, source }]);
    const signature = sign('sha256', Buffer.from(body), { key: scanner.privateKey, dsaEncoding: 'der' }).toString('base64');
    const response = await fetch(`${this.url}/secret-scanning/github`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'github-public-key-identifier': SCANNER_KEY_ID, 'github-public-key-signature': signature },
      body,
    });
    return response.status;
  }

  /** Makes `member` a member the way people join: the owner invites their email and they accept. */
  async addMember(owner: User, orgId: string, member: User, role: 'MEMBER' | 'ADMIN') {
    const invited = await this.gql(
      owner.token,
      `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { __typename ... on InvitationPayload { invitation { id } } ... on Error { message } } }`,
      { input: { organizationId: orgId, email: member.email, role } },
    );
    expect(invited.inviteMember.__typename).toBe('InvitationPayload');
    const accepted = await this.gql(
      member.token,
      `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { __typename ... on Error { message } } }`,
      { input: { id: invited.inviteMember.invitation.id } },
    );
    expect(accepted.acceptInvitation.__typename).toBe('MemberPayload');
  }
}

/** Opens `path` (a fresh page load shows the sign-in form, the session lives in memory) and signs in there. */
/**
 * Signs `user` in through the development sign-in form. The console's session is a cookie of the browser context, so
 * any earlier session of this context ends first (as a person signing in as someone else would sign out): every page
 * of the context is then this user's.
 */
export async function signIn(page: Page, user: { sub: string; email: string }, path = '/', operator = false) {
  // Leave the console first, so that no request of the old page goes out without its cookie (a 401 in the log).
  await page.goto('about:blank');
  await page.context().clearCookies();
  await page.goto(path);
  await page.getByLabel('Subject').fill(user.sub);
  await page.getByLabel('Email').fill(user.email);
  if (operator) await page.getByLabel('Yes').check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(`Signed in as ${user.email}`)).toBeVisible();
}

/** Resolves once no CSS transition or animation runs (Mantine's dialogs, alerts and tooltips fade in and out). */
export async function animationsDone(page: Page) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

/**
 * Saves a full-page screenshot under test-results/screens/ and fails on serious or critical axe violations. The
 * screen is taken as a person would judge it: nothing still loading, no transition half-way, and from the top of the
 * page (a full-page capture of a scrolled page paints the fixed header in the middle of it); with a dialog open, the
 * window only.
 */
export async function checkScreen(page: Page, name: string) {
  await expect(page.getByText('Loading…', { exact: true })).toHaveCount(0);
  await animationsDone(page);
  // With a dialog open, what a person sees is the window (the dialog over its overlay), not the page behind it.
  const dialog = (await page.getByRole('dialog').count()) > 0;
  const scrolled = dialog ? 0 : await page.evaluate(() => window.scrollY);
  if (scrolled) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(import.meta.dirname, '..', '..', '..', 'test-results', 'screens', `${name}.png`), fullPage: !dialog });
  if (scrolled) await page.evaluate((y) => window.scrollTo(0, y), scrolled);
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), `axe on ${name}`).toEqual([]);
}

/**
 * Saves the window as an image of the README (docs/<name>), after every transition has ended, when
 * `KEYSMITH_README_IMAGES=1`: a plain test run leaves the committed images alone (each run has other names and ids).
 */
export async function readmeImage(page: Page, name: string) {
  if (process.env.KEYSMITH_README_IMAGES !== '1') return;
  await animationsDone(page);
  await page.screenshot({ path: path.join(import.meta.dirname, '..', '..', '..', 'docs', name) });
}

/** The modes every screen is judged in: desktop, a phone (390 px) and the dark scheme. */
const MODES = [
  { name: 'desktop', width: 1440, height: 900, scheme: 'light' },
  { name: 'mobile', width: 390, height: 844, scheme: 'light' },
  { name: 'dark', width: 1440, height: 900, scheme: 'dark' },
] as const;

/**
 * Shows the current screen in every mode (issue 18: "screens people trust"): screenshot and axe each time
 * (checkScreen), and on a phone nothing wider than the screen; `wideContent` checks what scrolls inside its box there.
 */
export async function inEveryMode(page: Page, name: string, wideContent?: (page: Page) => Promise<void>) {
  for (const mode of MODES) {
    await page.setViewportSize({ width: mode.width, height: mode.height });
    await page.emulateMedia({ colorScheme: mode.scheme });
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', mode.scheme);
    // Two frames: React has re-rendered for the new media queries, and any transition that starts has started.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await animationsDone(page);
    if (mode.name === 'mobile') {
      // The page itself never scrolls sideways on a phone (wide tables scroll inside their own box).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name} is wider than the phone`).toBeLessThanOrEqual(0);
      await wideContent?.(page);
    }
    await checkScreen(page, `screens-${name}-${mode.name}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
}

/**
 * Starts the API process (the real server on a throwaway in-memory database, serving the built console) with `env`
 * added to its environment, e.g. an identity provider for OpenID Connect sign-in.
 */
export async function startKeysmith(env: Record<string, string> = {}): Promise<Server & { stop(): void }> {
  const root = path.join(import.meta.dirname, '..', '..', '..');
  const child: ChildProcess = fork(path.join(import.meta.dirname, 'server.ts'), [], {
    cwd: root,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`test server exited with ${code}`)));
    child.on('message', (m: { type: string; port?: number }) => m.type === 'listening' && resolve(m.port!));
  });
  let next = 0;
  const seed = (message: Record<string, unknown>) =>
    new Promise<void>((resolve, reject) => {
      const id = ++next;
      const onMessage = (m: { type: string; id?: number; error?: string }) => {
        if (m.type !== 'seeded' || m.id !== id) return;
        child.off('message', onMessage);
        if (m.error) reject(new Error(m.error));
        else resolve();
      };
      child.on('message', onMessage);
      child.send({ ...message, id });
    });
  const seedKeys = (slug: string, count: number) => seed({ type: 'seedKeys', slug, count });
  const seedUsage = (keyId: string, hours: [number, number, string?][]) =>
    seed({ type: 'seedUsage', keyId: Buffer.from(keyId, 'base64url').toString('utf8').split(':')[1], hours });
  const databaseId = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];
  const seedFailingSince = (endpointId: string, hoursAgo: number) => seed({ type: 'seedFailingSince', endpointId: databaseId(endpointId), hoursAgo });
  return { url: `http://127.0.0.1:${port}`, seedKeys, seedUsage, seedFailingSince, stop: () => void child.kill('SIGTERM') };
}

export const test = base.extend<{ api: Api; browserProblems: string[]; consoleOrigins: string[]; otherOrigins: string[] }, { server: Server }>({
  server: [
    async ({}, use) => { // eslint-disable-line no-empty-pattern
      const server = await startKeysmith({ SECRET_SCANNING_PUBLIC_KEYS: SCANNER_PUBLIC_KEYS });
      await use(server);
      server.stop();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  /** Further consoles a test starts itself (held to the same rules as the worker's). */
  consoleOrigins: async ({ server }, use) => use([server.url]),
  /** Sites a test expects the browser to visit besides the console (e.g. its identity provider's pages). */
  otherOrigins: async ({}, use) => use([]), // eslint-disable-line no-empty-pattern
  baseURL: async ({ server }, use) => use(server.url),
  api: async ({ server }, use) => use(new Api(server.url)),
  // Any console error, uncaught exception or request to another origin fails the test.
  browserProblems: [
    async ({ page, consoleOrigins, otherOrigins }, use) => {
      const problems: string[] = [];
      // Errors on the console's pages count; another site's pages (an identity provider's) are not ours to judge.
      const onConsole = () => consoleOrigins.includes(new URL(page.url()).origin);
      page.on('console', (m) => m.type() === 'error' && onConsole() && problems.push(`console: ${m.text()}`));
      page.on('pageerror', (e) => onConsole() && problems.push(`page error: ${e.message}`));
      page.on('request', (r) => {
        const origin = r.url().startsWith('data:') ? null : new URL(r.url()).origin;
        if (origin && !consoleOrigins.includes(origin) && !otherOrigins.includes(origin)) problems.push(`request to another origin: ${r.url()}`);
      });
      await use(problems);
      expect(problems).toEqual([]);
    },
    { auto: true },
  ],
});
