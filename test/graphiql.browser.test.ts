import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/config/config.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { newUser } from './support/fixtures.ts';

// GraphiQL in a real browser, as a developer opens it on a machine without internet access: everything it needs must
// come from this server.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshot = path.join(projectRoot, 'test-results', 'graphiql.png');

let testApp: TestApp;
let server: http.Server;
let base: string;
let browser: Browser | undefined;

beforeAll(async () => {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`No Chromium at ${chromiumPath}: install one with \`apt-get install -y chromium\` or set CHROMIUM_PATH.`);
  }
  testApp = await startTestApp();
  server = http.createServer(testApp.app.listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
  if (server) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await testApp?.close();
});

describe('GraphiQL', { timeout: 180_000 }, () => {
  it('renders from this server alone, under a content security policy, and runs the default query with a token', async () => {
    const user = await newUser(testApp.app);
    const page = await browser!.newPage({ viewport: { width: 1400, height: 900 } });
    const requested: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    const response = await page.goto(`${base}/graphql`, { timeout: 60_000 });
    expect(response?.status()).toBe(200);

    // The editor renders, with Keysmith's default query in it.
    const queryEditor = page.locator('.graphiql-query-editor .monaco-editor');
    await queryEditor.waitFor({ timeout: 60_000 });
    await page.getByText('Welcome to Keysmith').first().waitFor({ timeout: 30_000 });

    // Paste the token into Headers, as the README says, and run the default query.
    await page.getByRole('button', { name: 'Headers' }).click();
    const headersEditor = page.locator('.graphiql-editor-tool .monaco-editor').last();
    await headersEditor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${user.token}` }));
    const sent = page.waitForRequest((r) => r.method() === 'POST' && r.postData()?.includes('query Me') === true);
    await page.locator('.graphiql-execute-button').click();
    expect((await sent).headers().authorization).toBe(`Bearer ${user.token}`);
    await page.locator('.graphiql-response').getByText(user.email).first().waitFor({ timeout: 30_000 });

    fs.mkdirSync(path.dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot });

    const foreign = requested.filter((url) => {
      const { protocol, hostname } = new URL(url);
      return !(protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1' || hostname === 'localhost');
    });
    expect(foreign).toEqual([]);
    expect(requested.some((url) => url.startsWith(`${base}/graphql`))).toBe(true);
    expect(problems.filter((text) => /Content Security Policy|Refused to/i.test(text))).toEqual([]);
    // The page ran under this policy without a violation (checked above).
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*('unsafe-inline'|'unsafe-eval'|https?:)/);
    await page.close();
  });
});
