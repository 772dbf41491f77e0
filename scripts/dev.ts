// `npm run dev`: the API (tsx watch, :4000) and Vite's dev server (:5173, forwarding /graphql and /auth) together.
import { spawn, type ChildProcess } from 'node:child_process';
import { projectRoot } from '../src/config/config.ts';

const children: ChildProcess[] = [
  spawn('npx', ['tsx', 'watch', 'src/main.ts'], { cwd: projectRoot, stdio: 'inherit' }),
  spawn('npm', ['run', 'dev', '-w', 'web'], { cwd: projectRoot, stdio: 'inherit' }),
];
console.log('Keysmith dev: console on http://localhost:5173/, API on http://localhost:4000/graphql');

let stopping = false;
function stop(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
