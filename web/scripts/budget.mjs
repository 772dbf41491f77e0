// Prints the first-load size of the built console (JS + CSS referenced by index.html, gzip) and fails above budget.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BUDGET_KB = 200;
const dist = path.join(import.meta.dirname, '..', 'dist');
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const refs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
let total = 0;
const rows = [];
for (const ref of refs) {
  const gz = zlib.gzipSync(fs.readFileSync(path.join(dist, ref))).length;
  total += gz;
  rows.push(`  ${ref}  ${(gz / 1024).toFixed(1)} KB gzip`);
}
const external = [...html.matchAll(/(?:src|href)="(https?:)?\/\/[^"]+"/g)];
console.log(`console first load: ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET_KB} KB)\n${rows.join('\n')}`);
if (external.length) {
  console.error(`index.html references another origin: ${external.map((m) => m[0]).join(', ')}`);
  process.exit(1);
}
if (total > BUDGET_KB * 1024) {
  console.error(`console first load exceeds ${BUDGET_KB} KB gzip`);
  process.exit(1);
}
