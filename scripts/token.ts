// Prints a development JWT: npm run token -- --sub alice --email alice@example.com [--name Alice] [--operator] [--ttl 8h]
import { parseArgs } from 'node:util';
import { signDevelopmentToken } from '../src/auth/dev-token.ts';
import { loadConfig } from '../src/config/config.ts';

const { values } = parseArgs({
  options: {
    sub: { type: 'string' },
    email: { type: 'string' },
    name: { type: 'string' },
    operator: { type: 'boolean', default: false },
    ttl: { type: 'string', default: '8h' },
  },
});

if (!values.sub) {
  console.error('usage: npm run token -- --sub <subject> [--email <email>] [--name <name>] [--operator] [--ttl 8h]');
  process.exit(2);
}
const config = loadConfig();
if (config.jwt.kind !== 'secret') {
  console.error('JWT_JWKS_URL is set: tokens come from your identity provider, not from this script.');
  process.exit(2);
}
console.log(await signDevelopmentToken(config.jwt, { ...values, sub: values.sub }));
