import ipaddr from 'ipaddr.js';
import { ValidationError, type FieldIssue } from '../../errors.ts';

/**
 * Per-key IP allowlists: which client addresses may use a key. An empty list allows every address.
 *
 * Entries are single addresses or CIDR ranges, IPv4 (four-part decimal only: `10.1` or `0x0a.0.0.1` are refused) or
 * IPv6 (no zone id). They are stored normalized: ranges as network/prefix (`10.0.0.0/8`, `2001:db8::/32`; a range
 * with bits set after its prefix is refused, naming the range meant), IPv6 in RFC 5952 form, and IPv4-mapped IPv6
 * (`::ffff:10.0.0.1`, `::ffff:10.0.0.0/104`) as the IPv4 address or range it stands for. A client's IPv4-mapped
 * address (what a dual-stack socket reports for an IPv4 peer) is likewise compared as IPv4, so `::ffff:10.0.0.1`
 * matches `10.0.0.0/8`. IPv4 clients match only IPv4 entries and IPv6 clients only IPv6 entries.
 */

export const MAX_ALLOWLIST_ENTRIES = 100;

type Addr = ipaddr.IPv4 | ipaddr.IPv6;
type Range = [Addr, number];

const EXAMPLES = 'e.g. 203.0.113.7, 10.0.0.0/8, 2001:db8::1 or 2001:db8::/32';

/** A strictly written address (four-part decimal IPv4, or IPv6 without a zone id), IPv4-mapped IPv6 as IPv4. */
function parseAddress(text: string): Addr | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (!text.includes('%') && ipaddr.IPv6.isValid(text)) {
    const v6 = ipaddr.IPv6.parse(text);
    return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
  }
  return null;
}

/** One entry → its normalized form, or why it is refused. */
export function normalizeEntry(raw: string): { entry: string } | { error: string } {
  const text = raw.trim();
  if (!text) return { error: 'must not be empty' };
  const quoted = JSON.stringify(raw.length > 60 ? `${raw.slice(0, 60)}…` : raw);
  if (!text.includes('/')) {
    const address = parseAddress(text);
    return address ? { entry: address.toString() } : { error: `${quoted} is not an IPv4 or IPv6 address or CIDR range (${EXAMPLES})` };
  }
  const valid =
    ipaddr.IPv4.isValidCIDRFourPartDecimal(text) || (!text.includes('%') && ipaddr.IPv6.isValidCIDR(text));
  if (!valid) return { error: `${quoted} is not an IPv4 or IPv6 address or CIDR range (${EXAMPLES})` };
  const [address, prefix] = ipaddr.parseCIDR(text);
  const network =
    address.kind() === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(text) : ipaddr.IPv6.networkAddressFromCIDR(text);
  if (network.toString() !== address.toString()) {
    return { error: `${quoted} has bits set after its /${prefix} prefix: write the range as ${network.toString()}/${prefix}` };
  }
  if (network.kind() === 'ipv6' && (network as ipaddr.IPv6).isIPv4MappedAddress() && prefix >= 96) {
    return { entry: `${(network as ipaddr.IPv6).toIPv4Address().toString()}/${prefix - 96}` };
  }
  return { entry: `${network.toString()}/${prefix}` };
}

/**
 * Validates and normalizes a whole allowlist. Every refused entry is reported (path `…/ipAllowlist/<index>`), as are
 * duplicates after normalization and more than MAX_ALLOWLIST_ENTRIES entries; nothing is stored unless all are fine.
 */
export function normalizeAllowlist(entries: readonly string[], path: string[]): string[] {
  if (entries.length > MAX_ALLOWLIST_ENTRIES) {
    throw ValidationError.field(path, `must list at most ${MAX_ALLOWLIST_ENTRIES} addresses or ranges (got ${entries.length})`);
  }
  const issues: FieldIssue[] = [];
  const normalized: string[] = [];
  const firstIndex = new Map<string, number>();
  entries.forEach((raw, i) => {
    const result = normalizeEntry(raw);
    if ('error' in result) {
      issues.push({ path: [...path, String(i)], message: result.error });
      return;
    }
    const earlier = firstIndex.get(result.entry);
    if (earlier !== undefined) {
      issues.push({ path: [...path, String(i)], message: `${result.entry} is already listed (entry ${earlier})` });
      return;
    }
    firstIndex.set(result.entry, i);
    normalized.push(result.entry);
  });
  if (issues.length) throw new ValidationError(issues);
  return normalized;
}

/** Parsed ranges of a stored (normalized) allowlist; the cached key state keeps its array, so this parses once. */
const parsedLists = new WeakMap<readonly string[], Range[]>();

function rangesOf(allowlist: readonly string[]): Range[] {
  let ranges = parsedLists.get(allowlist);
  if (!ranges) {
    ranges = allowlist.map((entry): Range => {
      if (entry.includes('/')) return ipaddr.parseCIDR(entry);
      const address = ipaddr.parse(entry);
      return [address, address.kind() === 'ipv4' ? 32 : 128];
    });
    parsedLists.set(allowlist, ranges);
  }
  return ranges;
}

/**
 * Client addresses, parsed and normalized, memoized: ipaddr.js takes ~2 µs for an IPv4 and ~30 µs for an IPv6
 * address, and the same callers come back request after request. Bounded; emptied when full.
 */
const clientAddresses = new Map<string, { address: Addr; text: string } | null>();
const MAX_REMEMBERED_CLIENTS = 10_000;

function clientAddress(clientIp: string | null): { address: Addr; text: string } | null {
  if (clientIp === null) return null;
  let known = clientAddresses.get(clientIp);
  if (known === undefined) {
    const address = parseAddress(clientIp.trim());
    known = address && { address, text: address.toString() };
    if (clientAddresses.size >= MAX_REMEMBERED_CLIENTS) clientAddresses.clear();
    clientAddresses.set(clientIp, known);
  }
  return known;
}

/**
 * Whether a client address may use a key with this allowlist. An empty list allows everyone; otherwise an unknown
 * or unparsable client address is refused (fail closed).
 */
export function allowsAddress(allowlist: readonly string[], clientIp: string | null): boolean {
  if (!allowlist.length) return true;
  const client = clientAddress(clientIp)?.address;
  if (!client) return false;
  return rangesOf(allowlist).some(([range, bits]) => range.kind() === client.kind() && client.match(range, bits));
}

/** A client address as stored among a key's recent addresses: normalized (IPv4-mapped as IPv4), or null if unusable. */
export function normalizeClientAddress(clientIp: string | null): string | null {
  return clientAddress(clientIp)?.text ?? null;
}
