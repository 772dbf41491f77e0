import { execSync } from 'node:child_process';
import os from 'node:os';
import { defineConfig } from '@playwright/test';

// Debian's Chromium (Playwright's own download is unreachable here); CHROMIUM_PATH overrides.
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execSync('command -v chromium', { encoding: 'utf8', shell: '/bin/sh' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/support/global-setup.ts',
  outputDir: '../test-results/console',
  // One API process (in-memory database) per worker (support/fixtures.ts: a worker-scoped fixture), and every test
  // makes its own users and organization: tests share nothing mutable, so they spread over the workers one by one
  // (fullyParallel) instead of file by file, which would leave one worker alone on the long files.
  // One per core: a test keeps about half a core busy (Chromium, axe, its API process: 257 CPU-s over 43 tests) and
  // waits the rest, but two per core made the API processes of a loaded machine miss the fixture's start-up timeout.
  workers: Math.max(2, os.availableParallelism()),
  fullyParallel: true,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    trace: 'off',
    screenshot: 'only-on-failure',
    permissions: ['clipboard-read', 'clipboard-write'],
    launchOptions: {
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
    },
  },
});
