// Builds the web console (web/dist) when it is missing or older than its sources; `npm start` runs this first, so a
// fresh clone's `npm ci && npm start` serves the console. The sources' hash is kept next to the build.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/config/config.ts';

const web = path.join(projectRoot, 'web');
const stampFile = path.join(web, 'dist', '.source-hash');
const inputs = ['src', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'];

function* files(entry: string): Generator<string> {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isFile()) yield entry;
  else for (const name of fs.readdirSync(entry).sort()) yield* files(path.join(entry, name));
}

const hash = createHash('sha256');
for (const input of inputs) {
  for (const file of files(path.join(web, input))) {
    hash.update(path.relative(web, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
}
const digest = hash.digest('hex');
const built = fs.existsSync(path.join(web, 'dist', 'index.html')) ? fs.readFileSync(stampFile, { encoding: 'utf8', flag: 'a+' }).trim() : '';

if (built === digest && !process.argv.includes('--force')) {
  console.log('console build is up to date');
} else {
  console.log(built ? 'console sources changed: rebuilding web/dist' : 'console not built yet: building web/dist');
  try {
    // The console is always built for production (web/vite.config.ts sees to it too); the shell's NODE_ENV is for the API.
    execFileSync('npm', ['run', 'build', '-w', 'web'], { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  } catch {
    // The build has printed why; a stack trace of this script would only bury it.
    console.error('The console build failed (its output is above); nothing was started.');
    process.exit(1);
  }
  fs.writeFileSync(stampFile, digest + '\n');
}
