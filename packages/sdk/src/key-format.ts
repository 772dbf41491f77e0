/**
 * The offline check of an API key, before any request: the same format and checksum as the server's
 * src/lib/key-format.ts (`ksk_<publicId:12>_<secret:32><checksum:6>`, the checksum being CRC32 of everything before
 * it in 6 base62 characters). Pure and dependency-free so that it runs in browsers and edge runtimes as well as Node;
 * test/sdk-key-format.test.ts checks it against the server's module.
 *
 * The messages say which part is wrong and never quote the key.
 */
const KEY_PREFIX = 'ksk_';
const PUBLIC_ID_LENGTH = 12;
const SECRET_LENGTH = 32;
const CHECKSUM_LENGTH = 6;
const KEY_LENGTH = KEY_PREFIX.length + PUBLIC_ID_LENGTH + 1 + SECRET_LENGTH + CHECKSUM_LENGTH;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE62 = /^[0-9A-Za-z]*$/;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE, as zlib) of the UTF-8 bytes of `text`. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (const byte of new TextEncoder().encode(text)) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function checksumOf(body: string): string {
  let n = crc32(body);
  let out = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = ALPHABET[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out;
}

/** What is wrong with a candidate API key, in words that never repeat it; null when it is well formed. */
export function apiKeyProblem(candidate: string): string | null {
  if (candidate.trim() !== candidate) return 'it has spaces or a line break around it (copy the key alone)';
  if (!candidate.startsWith(KEY_PREFIX)) return `it does not start with "${KEY_PREFIX}" (is it an access token? use KEYSMITH_TOKEN / token for those)`;
  if (candidate.length !== KEY_LENGTH) return `it is ${candidate.length} characters long, a key has ${KEY_LENGTH} (was it cut off or pasted twice?)`;
  const publicId = candidate.slice(KEY_PREFIX.length, KEY_PREFIX.length + PUBLIC_ID_LENGTH);
  const separator = candidate[KEY_PREFIX.length + PUBLIC_ID_LENGTH];
  const rest = candidate.slice(KEY_PREFIX.length + PUBLIC_ID_LENGTH + 1);
  if (!BASE62.test(publicId)) return `its id part (the ${PUBLIC_ID_LENGTH} characters after "${KEY_PREFIX}") has a character other than letters and digits`;
  if (separator !== '_') return `it has no "_" after its ${PUBLIC_ID_LENGTH}-character id part`;
  if (!BASE62.test(rest)) return 'its secret part (after the second "_") has a character other than letters and digits';
  const body = candidate.slice(0, KEY_LENGTH - CHECKSUM_LENGTH);
  if (checksumOf(body) !== candidate.slice(KEY_LENGTH - CHECKSUM_LENGTH)) {
    return 'its checksum (the last 6 characters) does not match: a character was changed or mistyped';
  }
  return null;
}

/** The visible prefix (`ksk_<publicId>`) of a key that passed `apiKeyProblem`: safe to show and log. */
export function visiblePrefix(key: string): string {
  return key.slice(0, KEY_PREFIX.length + PUBLIC_ID_LENGTH);
}
