/**
 * Where the console may go after a sign-in: a path of this console, nothing else. The value comes back from the
 * identity provider's round trip (the `state` we sent, but a crafted sign-in link can carry any), so it is parsed
 * as a URL against this origin and must stay on it. Backslashes and control characters are refused outright:
 * browsers read `/\evil.example` as `//evil.example`, another site.
 */
export function safeReturnPath(candidate: unknown, origin: string, excludedPath: string): string {
  if (typeof candidate !== 'string' || !candidate.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(candidate)) return '/';
  let url: URL;
  try {
    url = new URL(candidate, origin);
  } catch {
    return '/';
  }
  if (url.origin !== origin) return '/';
  if (url.pathname === excludedPath || url.pathname.startsWith(`${excludedPath}/`)) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
