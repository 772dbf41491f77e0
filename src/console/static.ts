import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Plugin } from 'graphql-yoga';
import { isApiPath } from '../routes.ts';


/**
 * Everything the console loads or calls is this origin; Mantine writes its CSS variables into <style> elements, hence
 * 'unsafe-inline' for styles only (never for scripts). Even with OpenID Connect the page never calls the identity
 * provider: the server redeems the code and refreshes the tokens, and the browser only navigates there (sign-in,
 * sign-out), which connect-src does not govern.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt']);

type Cached = { mtimeMs: number; body: Buffer; gzip: Buffer | null };

/**
 * Serves the built console (web/dist) from the API process: hashed `/assets/*` cached immutably, `index.html` never
 * cached, client routes answered with `index.html`. Files are gzipped once per build (the server has no compression
 * middleware) and kept in memory; the build is a few hundred KB.
 */
export function useConsole(distDir: string): Plugin {
  const root = path.resolve(distDir);
  const cache = new Map<string, Cached>();

  function load(file: string): Cached | null {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return null;
    }
    if (!stat.isFile()) return null;
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === stat.mtimeMs) return hit;
    const body = fs.readFileSync(file);
    const entry = { mtimeMs: stat.mtimeMs, body, gzip: COMPRESSIBLE.has(path.extname(file)) ? zlib.gzipSync(body, { level: 9 }) : null };
    cache.set(file, entry);
    return entry;
  }

  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (isApiPath(url.pathname)) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') return;

      let decoded: string;
      try {
        decoded = decodeURIComponent(url.pathname);
      } catch {
        return endResponse(new fetchAPI.Response('Bad Request', { status: 400 }));
      }
      // Refuse anything that could step outside the build directory, before touching the file system.
      if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').includes('..')) {
        return endResponse(new fetchAPI.Response('Bad Request', { status: 400 }));
      }
      const isAsset = decoded.startsWith('/assets/');
      let file = path.join(root, decoded);
      if (file !== root && !file.startsWith(root + path.sep)) {
        return endResponse(new fetchAPI.Response('Bad Request', { status: 400 }));
      }
      let entry = decoded === '/' ? null : load(file);
      if (!entry) {
        // A missing asset is a 404 (a stale hashed name must not receive HTML); anything else is a client route.
        if (isAsset || path.extname(decoded) !== '') return endResponse(new fetchAPI.Response('Not Found', { status: 404 }));
        file = path.join(root, 'index.html');
        entry = load(file);
        if (!entry) {
          return endResponse(
            new fetchAPI.Response('The console is not built: run `npm run build -w web` (npm start does it for you).', {
              status: 503,
              headers: { 'content-type': 'text/plain; charset=utf-8' },
            }),
          );
        }
      }

      const headers = new fetchAPI.Headers({
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
        'content-security-policy': CONSOLE_CSP,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'x-frame-options': 'DENY',
        vary: 'accept-encoding',
      });
      let body = entry.body;
      if (entry.gzip && /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')) {
        body = entry.gzip;
        headers.set('content-encoding', 'gzip');
      }
      headers.set('content-length', String(body.length));
      return endResponse(new fetchAPI.Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers }));
    },
  };
}
