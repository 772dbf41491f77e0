// Writes the committed GraphQL contract (schema.graphql) from the code. `--check` fails instead when it differs.
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/config/config.ts';
import { printContract } from '../src/schema.ts';

const file = path.join(projectRoot, 'schema.graphql');
const printed = printContract();
if (process.argv.includes('--check')) {
  const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (committed !== printed) {
    console.error('schema.graphql is out of date: run `npm run schema:print` and commit it.');
    process.exit(1);
  }
  console.log('schema.graphql is current');
} else {
  fs.writeFileSync(file, printed);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
