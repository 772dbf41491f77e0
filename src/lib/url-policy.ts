import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { ValidationError } from '../errors.ts';

/** What webhook URLs may point at: production requires https; private addresses only with the explicit setting. */
export type UrlPolicy = { requireHttps: boolean; allowPrivateAddresses: boolean };

export const MAX_URL_LENGTH = 2000;

/** Only globally routable unicast addresses are public; loopback, private, link-local (metadata), etc. are not. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === 'unicast';
}

function hostAddress(url: URL): string | null {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return ipaddr.isValid(host) ? host : null;
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
  if (!policy.allowPrivateAddresses) {
    const literal = hostAddress(url);
    const local = url.hostname === 'localhost' || url.hostname.endsWith('.localhost');
    if (local || (literal && !isPublicAddress(literal))) {
      throw ValidationError.field(path, 'must not point at a loopback, private, link-local or metadata address');
    }
  }
  return url.toString();
}

export class RefusedAddressError extends Error {
  override name = 'RefusedAddressError';
}

/**
 * At delivery time: resolves the host and refuses if any address is not public (unless allowed). Returns the
 * address to connect to, so that the request goes where the check looked (no second, different DNS answer).
 */
export async function resolveDeliveryAddress(url: URL, policy: UrlPolicy): Promise<{ address: string; family: number }> {
  if (policy.requireHttps && url.protocol !== 'https:') throw new RefusedAddressError('refused: not an https URL');
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const addresses = ipaddr.isValid(host)
    ? [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }]
    : await lookup(host, { all: true, verbatim: true });
  if (!addresses.length) throw new RefusedAddressError('refused: the host has no address');
  if (!policy.allowPrivateAddresses) {
    const bad = addresses.find((a) => !isPublicAddress(a.address));
    if (bad) throw new RefusedAddressError(`refused: ${host} resolves to a non-public address`);
  }
  return addresses[0];
}
