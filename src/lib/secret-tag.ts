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
 * are recognised as made with another secret, never as a mismatch. During a rotation the previous tag secret
 * (KEY_TAG_SECRET_PREVIOUS) still decides tags made with it — a match is rewritten under the current secret — so a
 * rotation never sends keys back to argon2 (where wrong secrets spend the key's failure budget before its real
 * secret is verified, locking its callers out). A tag made with neither secret is 'unknown': argon2 decides, once.
 */
export class SecretTags {
  /** Short name of the current tag secret, stored in front of each tag. */
  readonly id: string;
  private readonly previous: { id: string; secret: Buffer } | null;

  constructor(
    private readonly secret: Buffer,
    previousSecret: Buffer | null = null,
  ) {
    this.id = tagId(secret);
    this.previous = previousSecret ? { id: tagId(previousSecret), secret: previousSecret } : null;
  }

  /** Derives the tag secret from a configured secret, with a label, so that it differs from any other use of it. */
  static derive(material: string, label: string, previousMaterial: string | null = null): SecretTags {
    const key = (m: string) => Buffer.from(hkdfSync('sha256', m, Buffer.alloc(0), label, 32));
    return new SecretTags(key(material), previousMaterial ? key(previousMaterial) : null);
  }

  tag(fullKey: string): string {
    return `${this.id}.${digest(this.secret, fullKey)}`;
  }

  /**
   * 'match' and 'mismatch' are final; 'previous-match' is a match decided by the previous tag secret (the caller
   * rewrites the tag); 'unknown' (no tag, or one made with neither secret) means argon2 decides.
   */
  check(stored: string | null, fullKey: string): 'match' | 'previous-match' | 'mismatch' | 'unknown' {
    if (stored?.startsWith(`${this.id}.`)) return same(stored, this.tag(fullKey)) ? 'match' : 'mismatch';
    const previous = this.previous;
    if (previous && previous.id !== this.id && stored?.startsWith(`${previous.id}.`)) {
      return same(stored, `${previous.id}.${digest(previous.secret, fullKey)}`) ? 'previous-match' : 'mismatch';
    }
    return 'unknown';
  }

  /**
   * The same work as checking a tag, for a key id that has no row: an unknown id must not answer measurably faster
   * than a known one with a wrong secret (that difference tells an attacker which key ids exist).
   */
  checkAbsent(fullKey: string): void {
    same(DUMMY_TAG, this.tag(fullKey));
  }
}

function tagId(secret: Buffer): string {
  return createHmac('sha256', secret).update('keysmith secret-tag id').digest('base64url').slice(0, 8);
}

function digest(secret: Buffer, fullKey: string): string {
  return createHmac('sha256', secret).update(fullKey).digest('base64url');
}

/** Shaped like a real tag (8 + 1 + 43 characters), so that the comparison against it costs what a real one does. */
const DUMMY_TAG = `${'x'.repeat(8)}.${'x'.repeat(43)}`;

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
