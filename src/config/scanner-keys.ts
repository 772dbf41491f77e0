import { createPublicKey, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';

/**
 * The keys a secret scanner signs its reports with, in GitHub's own format — the answer of
 * `GET https://api.github.com/meta/public_keys/secret_scanning`, pasted as is:
 *
 *   {"public_keys":[{"key_identifier":"<hex>","key":"-----BEGIN PUBLIC KEY-----\n...","is_current":true}]}
 *
 * Every listed key is accepted, current or not: GitHub lists a retiring key until no report signed with it can still
 * arrive, and marks its successor current before it signs with it.
 */
const keysFileSchema = z.object({
  public_keys: z
    .array(
      z.object({
        key_identifier: z.string().min(1).max(200),
        key: z.string().min(1).max(10_000),
        is_current: z.boolean().optional(),
      }),
    )
    .min(1, 'must list at least one key'),
});

export type ScannerKey = { identifier: string; key: KeyObject; current: boolean };

/** Thrown with a message fit for one line of start-up error (never contains the value). */
export class ScannerKeysError extends Error {
  override name = 'ScannerKeysError';
}

/**
 * Parses SECRET_SCANNING_PUBLIC_KEYS: the JSON itself (it starts with `{`), or the path of a file holding it. Each
 * key must be an ECDSA P-256 public key (PEM or base64 DER), as GitHub's are.
 */
export function loadScannerKeys(value: string): ScannerKey[] {
  const trimmed = value.trim();
  let text = trimmed;
  if (!trimmed.startsWith('{')) {
    try {
      text = fs.readFileSync(trimmed, 'utf8');
    } catch (error) {
      throw new ScannerKeysError(`is neither JSON nor a readable file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ScannerKeysError('is not valid JSON (expected {"public_keys":[{"key_identifier":"...","key":"-----BEGIN PUBLIC KEY-----..."}]})');
  }
  const parsed = keysFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ScannerKeysError(`${issue.path.join('.') || 'value'} ${issue.message}`);
  }
  const seen = new Set<string>();
  return parsed.data.public_keys.map((entry, i) => {
    if (seen.has(entry.key_identifier)) throw new ScannerKeysError(`public_keys.${i}.key_identifier is listed twice`);
    seen.add(entry.key_identifier);
    let key: KeyObject;
    try {
      key = entry.key.includes('-----BEGIN')
        ? createPublicKey(entry.key)
        : createPublicKey({ key: Buffer.from(entry.key, 'base64'), format: 'der', type: 'spki' });
    } catch {
      throw new ScannerKeysError(`public_keys.${i}.key is not a public key in PEM (or base64 DER)`);
    }
    if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
      throw new ScannerKeysError(`public_keys.${i}.key must be an ECDSA P-256 key`);
    }
    return { identifier: entry.key_identifier, key, current: entry.is_current ?? true };
  });
}
