import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * The API key format, in one place:
 *
 *   ksk_<publicId:12>_<secret:32><checksum:6>
 *
 * - `ksk_` is a fixed product prefix that secret scanners can match.
 * - `publicId` (12 base62 chars, ~71 bits, random) is the lookup id; `ksk_<publicId>` is the visible prefix.
 * - `secret` (32 base62 chars, ~190 bits from the CSPRNG) is never stored; only an argon2id hash of the whole key.
 * - `checksum` is CRC32 of everything before it, in 6 base62 chars, so that typos and forged strings are rejected
 *   without a database read.
 */
export const KEY_PREFIX = 'ksk_';
const PUBLIC_ID_LENGTH = 12;
const SECRET_LENGTH = 32;
const CHECKSUM_LENGTH = 6;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export const KEY_PATTERN = new RegExp(
  `^${KEY_PREFIX}([0-9A-Za-z]{${PUBLIC_ID_LENGTH}})_([0-9A-Za-z]{${SECRET_LENGTH}})([0-9A-Za-z]{${CHECKSUM_LENGTH}})$`,
);
export const KEY_LENGTH = KEY_PREFIX.length + PUBLIC_ID_LENGTH + 1 + SECRET_LENGTH + CHECKSUM_LENGTH;
/** Every key-shaped string in free text (log lines), with group 1 its visible prefix: for redaction. */
export const KEY_IN_TEXT = new RegExp(`(${KEY_PREFIX}[0-9A-Za-z]{${PUBLIC_ID_LENGTH}})_[0-9A-Za-z]{${SECRET_LENGTH + CHECKSUM_LENGTH}}`, 'g');

/** What a search for keys looks up by prefix: the public id part of `ksk_<publicId>` (or the text as typed). */
export function publicIdSearchTerm(search: string): string {
  return search.startsWith(KEY_PREFIX) ? search.slice(KEY_PREFIX.length) : search;
}

/** Entropy of the secret part, in bits (the public id adds ~71 more that are not secret). */
export const SECRET_ENTROPY_BITS = Math.floor(SECRET_LENGTH * Math.log2(ALPHABET.length));

/** Uniform base62 from the CSPRNG, by rejection sampling (no modulo bias). */
function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248) out += ALPHABET[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

function encodeChecksum(value: number): string {
  let n = value >>> 0;
  let out = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = ALPHABET[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out;
}

export function checksumOf(body: string): string {
  return encodeChecksum(crc32(body));
}

export type GeneratedKey = { key: string; publicId: string; prefix: string };

export function generateKey(): GeneratedKey {
  const publicId = randomBase62(PUBLIC_ID_LENGTH);
  const body = `${KEY_PREFIX}${publicId}_${randomBase62(SECRET_LENGTH)}`;
  return { key: body + checksumOf(body), publicId, prefix: visiblePrefix(publicId) };
}

export function visiblePrefix(publicId: string): string {
  return `${KEY_PREFIX}${publicId}`;
}

/**
 * Where the public id would be in a key of the right length, unvalidated: only for looking up a key whose exact
 * full value was already verified (anything else must go through parseKey).
 */
export function unverifiedPublicId(candidate: string): string | null {
  return candidate.length === KEY_LENGTH && candidate.startsWith(KEY_PREFIX) ? candidate.slice(KEY_PREFIX.length, KEY_PREFIX.length + PUBLIC_ID_LENGTH) : null;
}

/** Returns the public id of a well-formed key with a valid checksum, or null. Pure: no I/O. */
export function parseKey(candidate: string): { publicId: string } | null {
  if (candidate.length !== KEY_LENGTH) return null;
  const match = KEY_PATTERN.exec(candidate);
  if (!match) return null;
  const body = candidate.slice(0, KEY_LENGTH - CHECKSUM_LENGTH);
  if (checksumOf(body) !== match[3]) return null;
  return { publicId: match[1] };
}

