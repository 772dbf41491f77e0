import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * Keyed verification tags of API-key secrets: a verification result shared by every instance through the database.
 *
 * Next to its argon2id hash (the at-rest hash, unchanged), a key row stores `tagId.HMAC-SHA256(tag secret, full key)`,
 * written when the key is created or rotated (the full key is in hand then) and, for keys created before tags
 * existed or under another tag secret, after the first argon2 verification that succeeds. With the tag, any
 * instance — a fresh one after a deploy included — decides a presented key with one HMAC instead of argon2: a match
 * authenticates, a mismatch under the same tag secret is a wrong secret. Without the tag secret, which never leaves
 * the servers' environment, the stored tag verifies nothing: a copy of the database is no faster to attack than
 * the argon2id hashes alone.
 *
 * `tagId` names the secret (a keyed digest of it, not the secret), so that after a change of tag secret old tags
 * are recognised as "unknown" — argon2 decides again, once, and the tag is rewritten — never as a mismatch.
 */
export class SecretTags {
  /** Short name of the current tag secret, stored in front of each tag. */
  readonly id: string;

  constructor(private readonly secret: Buffer) {
    this.id = createHmac('sha256', secret).update('keysmith secret-tag id').digest('base64url').slice(0, 8);
  }

  /** Derives the tag secret from a configured secret, with a label, so that it differs from any other use of it. */
  static derive(material: string, label: string): SecretTags {
    return new SecretTags(Buffer.from(hkdfSync('sha256', material, Buffer.alloc(0), label, 32)));
  }

  tag(fullKey: string): string {
    return `${this.id}.${createHmac('sha256', this.secret).update(fullKey).digest('base64url')}`;
  }

  /** 'match' and 'mismatch' are final; 'unknown' (no tag, or one made with another tag secret) means argon2 decides. */
  check(stored: string | null, fullKey: string): 'match' | 'mismatch' | 'unknown' {
    if (!stored || !stored.startsWith(`${this.id}.`)) return 'unknown';
    const expected = Buffer.from(this.tag(fullKey));
    const actual = Buffer.from(stored);
    return expected.length === actual.length && timingSafeEqual(expected, actual) ? 'match' : 'mismatch';
  }
}
