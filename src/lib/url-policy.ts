import ipaddr from 'ipaddr.js';
import { ValidationError } from '../errors.ts';

/** What webhook URLs may point at: production requires https; private addresses only with the explicit setting. */
export type UrlPolicy = { requireHttps: boolean; allowPrivateAddresses: boolean };

export const MAX_URL_LENGTH = 2000;

/** IPv4-compatible IPv6 (`::a.b.c.d`, deprecated): ipaddr.js calls these 'unicast', yet `::127.0.0.1` is loopback. */
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

/**
 * Only globally routable unicast addresses are public; loopback, private, link-local (metadata), etc. are not. An
 * IPv4-mapped address (`::ffff:a.b.c.d`) is judged as the IPv4 address it reaches (ipaddr.process); an
 * IPv4-compatible one is never public.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv6' && parsed.match(IPV4_COMPATIBLE)) return false;
  return parsed.range() === 'unicast';
}

/** The URL's host without IPv6 brackets or the trailing dot of a fully qualified name (`localhost.` is localhost). */
function bareHost(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname.replace(/\.+$/, '');
}

/**
 * Why the URL's host is refused without asking DNS — a loopback name (`localhost`, `*.localhost`, with or without
 * the trailing dot) or a non-public address literal — or null. Names are checked again after DNS, at delivery.
 */
export function refusedHost(url: URL): string | null {
  const host = bareHost(url).toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return `${host} is a loopback name`;
  if (ipaddr.isValid(host) && !isPublicAddress(host)) return `${host} is not a public address`;
  return null;
}

/**
 * Checks a URL as entered (create/update): a ValidationError at `path` when malformed, of a disallowed scheme, with
 * credentials, or naming a non-public address literally (names are checked again after DNS at delivery time).
 */
export function checkWebhookUrl(raw: string, policy: UrlPolicy, path: string[]): string {
  const text = raw.trim();
  if (text.length > MAX_URL_LENGTH) throw ValidationError.field(path, `must be at most ${MAX_URL_LENGTH} characters`);
  // The URL parser would silently drop tabs and line breaks: refuse them instead.
  if (/[\u0000-\u0020\u007f-\u009f]/.test(text)) throw ValidationError.field(path, 'must not contain spaces or control characters');
  if (!URL.canParse(text)) throw ValidationError.field(path, 'must be an absolute URL');
  const url = new URL(text);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw ValidationError.field(path, 'must be an https URL');
  if (policy.requireHttps && url.protocol !== 'https:') throw ValidationError.field(path, 'must be an https URL');
  if (url.username || url.password) throw ValidationError.field(path, 'must not contain credentials');
  if (!policy.allowPrivateAddresses && refusedHost(url)) {
    throw ValidationError.field(path, 'must not point at a loopback, private, link-local or metadata address');
  }
  return url.toString();
}

export class RefusedAddressError extends Error {
  override name = 'RefusedAddressError';
}
