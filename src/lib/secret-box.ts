import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** A sealed secret that opens under no configured key (the key changed, or the value is corrupt). */
export class UnreadableSecretError extends Error {
  override name = 'UnreadableSecretError';
}

/**
 * Webhook signing secrets at rest. The server must sign with them, so they cannot be hashed: each is encrypted with
 * AES-256-GCM under a key derived (HKDF-SHA256) from WEBHOOK_SECRET_KEY (default: the key-tag secret). A database
 * dump alone does not reveal them. Stored form: `v1.<iv>.<tag>.<ciphertext>` (base64url).
 *
 * During a rotation of that key the previous material still opens what it sealed (`openedWithPrevious`), so that
 * callers can seal it again under the current key; nothing is ever sealed with the previous one.
 */
export class SecretBox {
  private constructor(
    private readonly key: Buffer,
    private readonly previousKey: Buffer | null,
  ) {}

  static derive(material: string, info: string, previousMaterial: string | null = null): SecretBox {
    const derive = (m: string) => Buffer.from(hkdfSync('sha256', m, Buffer.alloc(0), info, 32));
    return new SecretBox(derive(material), previousMaterial && previousMaterial !== material ? derive(previousMaterial) : null);
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  /** The plaintext; throws UnreadableSecretError when neither the current nor the previous key opens it. */
  open(sealed: string): string {
    return this.openDetailed(sealed).plaintext;
  }

  /** The plaintext, and whether only the previous key opened it (then it should be sealed again with `seal`). */
  openDetailed(sealed: string): { plaintext: string; openedWithPrevious: boolean } {
    const current = openWith(this.key, sealed);
    if (current !== null) return { plaintext: current, openedWithPrevious: false };
    const previous = this.previousKey ? openWith(this.previousKey, sealed) : null;
    if (previous !== null) return { plaintext: previous, openedWithPrevious: true };
    throw new UnreadableSecretError(
      this.previousKey ? 'sealed under neither WEBHOOK_SECRET_KEY nor WEBHOOK_SECRET_KEY_PREVIOUS' : 'not sealed under the current WEBHOOK_SECRET_KEY (was it changed?)',
    );
  }
}

function openWith(key: Buffer, sealed: string): string | null {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || ciphertext === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** A new Standard Webhooks signing secret: `whsec_` + 32 random bytes in base64. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}
