import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '../src/console/return-path.ts';

// The console's return path after an OpenID Connect sign-in (src/console/sessions.ts): only a path of its own origin.
const ORIGIN = 'https://console.keysmith.test';
const CALLBACK = '/auth';

describe('safeReturnPath', () => {
  it.each([
    '/orgs/acme/api-keys',
    '/orgs/acme/api-keys?leaked=true',
    '/orgs/acme/webhooks/abc#deliveries',
    '/',
  ])('keeps the console path %s', (path) => {
    expect(safeReturnPath(path, ORIGIN, CALLBACK)).toBe(path);
  });

  it.each([
    ['a backslash after the slash', '/\\evil.example'],
    ['a backslash path', '/\\/evil.example/'],
    ['an encoded-looking backslash mix', '/x\\..\\..\\evil'],
    ['a protocol-relative URL', '//evil.example/'],
    ['an absolute URL', 'https://evil.example/'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a tab inside the slashes', '/\t/evil.example'],
    ['a newline inside the slashes', '/\n/evil.example'],
    ['the callback itself', '/auth/oidc/callback?code=x&state=y'],
    ['a relative path', 'orgs/acme'],
    ['not a string', ['/orgs']],
    ['nothing', undefined],
  ])('sends %s home', (_label, candidate) => {
    expect(safeReturnPath(candidate, ORIGIN, CALLBACK)).toBe('/');
  });

  it('normalizes dot segments within the origin instead of refusing them', () => {
    expect(safeReturnPath('/orgs/../operator', ORIGIN, CALLBACK)).toBe('/operator');
  });
});
