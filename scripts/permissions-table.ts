// The README's table of permissions, generated from the catalog (src/authz/catalog.ts): `npm run permissions:table`
// prints it; a test checks that the README holds exactly this.
import { pathToFileURL } from 'node:url';
import { MEMBER_ROLES, PERMISSIONS, PERMISSION_NAMES, ROLE_PERMISSIONS } from '../src/authz/catalog.ts';

const LEVEL_WORDS = { ORGANIZATION: 'organization', PROJECT: 'projects', WORKFLOW: 'workflows' } as const;

export function permissionsTable(): string {
  const rows = PERMISSION_NAMES.map((name) => {
    const entry = PERMISSIONS[name];
    const roles = MEMBER_ROLES.filter((role) => ROLE_PERMISSIONS[role].has(name)).join(', ');
    const implies = entry.implies.length ? entry.implies.map((p) => `\`${p}\``).join(', ') : '—';
    const levels = entry.levels.map((level) => LEVEL_WORDS[level]).join(', ');
    return `| \`${name}\` | ${entry.description} | ${entry.risk} | ${implies} | ${levels} | ${roles} |`;
  });
  return [
    '<!-- permissions:start -->',
    '| Permission | What it allows | Risk | Implies | A key can narrow it to | Roles that hold it |',
    '|---|---|---|---|---|---|',
    ...rows,
    '<!-- permissions:end -->',
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(permissionsTable());
