// `npm test` runs the browser suite: without a Chromium it stops here with one line saying how to get one.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

let path = process.env.CHROMIUM_PATH;
if (!path) {
  try {
    path = execSync('command -v chromium', { encoding: 'utf8', shell: '/bin/sh' }).trim();
  } catch {
    path = '';
  }
}
if (!path || !fs.existsSync(path)) {
  console.error('No Chromium for the console tests: run `apt-get install -y chromium` (Debian) or set CHROMIUM_PATH to a Chromium binary.');
  process.exit(1);
}
