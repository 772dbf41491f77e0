import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../clock.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { SecretBox } from '../../lib/secret-box.ts';

/**
 * Server-side sessions of the web console (the backend-for-frontend pattern): the browser holds only a random
 * secret in an HttpOnly cookie; the identity provider's tokens stay here. Rows live in the database, so every
 * instance sees the same sessions and a sign-out anywhere ends them everywhere.
 *
 * The cookie secret is never stored: a row is found by its SHA-256, and the tokens are sealed (AES-256-GCM) under a
 * key derived from it. A copy of the table opens no session and reveals no token.
 */

/** The provider's tokens (OpenID Connect) or the claims a development token is re-issued from. */
export type SessionTokens = {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  /** Development sessions: who signed in, to issue a fresh token when the current one is about to expire. */
  development?: { sub: string; email?: string; operator: boolean };
};

export type SessionKind = 'development' | 'oidc';

export type SessionPolicy = {
  /** The session ends after this long without a request. */
  idleMs: number;
  /** The session ends this long after sign-in, however active. */
  maxMs: number;
};

export type OpenSession = {
  id: string;
  subject: string;
  kind: SessionKind;
  tokens: SessionTokens;
  tokenExpiresAt: Date;
  expiresAt: Date;
  /** The cookie secret, kept for this request only: it seals refreshed tokens. */
  secret: string;
};

export type SessionLookup = { ok: true; session: OpenSession } | { ok: false; reason: 'unknown' | 'idle' | 'expired' };

/** lastSeenAt is written at most this often: an idle timeout of minutes needs no write per request. */
const TOUCH_INTERVAL_MS = 60_000;

const lookupOf = (secret: string) => createHash('sha256').update(secret).digest('base64url');
const boxOf = (secret: string) => SecretBox.derive(secret, 'keysmith console session tokens');

/** 32 random bytes, base64url: what the cookie carries. */
const COOKIE_SECRET = /^[A-Za-z0-9_-]{43}$/;

export class ConsoleSessions {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock,
    readonly policy: SessionPolicy,
  ) {}

  /** Starts a session; returns the secret to put in the cookie (its only copy). */
  async create(input: { subject: string; kind: SessionKind; tokens: SessionTokens; tokenExpiresAt: Date }): Promise<{ secret: string; expiresAt: Date }> {
    const secret = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.policy.maxMs);
    await this.prisma.consoleSession.create({
      data: {
        lookup: lookupOf(secret),
        subject: input.subject,
        kind: input.kind,
        tokens: boxOf(secret).seal(JSON.stringify(input.tokens)),
        tokenExpiresAt: input.tokenExpiresAt,
        lastSeenAt: now,
        expiresAt,
        createdAt: now,
      },
    });
    return { secret, expiresAt };
  }

  /** The session a cookie names, if it is still open: not idle for longer than the policy, not past its end. */
  async find(secret: string): Promise<SessionLookup> {
    if (!COOKIE_SECRET.test(secret)) return { ok: false, reason: 'unknown' };
    const row = await this.prisma.consoleSession.findUnique({ where: { lookup: lookupOf(secret) } });
    if (!row) return { ok: false, reason: 'unknown' };
    const now = this.clock.now().getTime();
    const reason = now >= row.expiresAt.getTime() ? 'expired' : now >= row.lastSeenAt.getTime() + this.policy.idleMs ? 'idle' : null;
    if (reason) {
      await this.prisma.consoleSession.deleteMany({ where: { id: row.id } });
      return { ok: false, reason };
    }
    if (now - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
      await this.prisma.consoleSession.updateMany({ where: { id: row.id }, data: { lastSeenAt: new Date(now) } });
    }
    let tokens: SessionTokens;
    try {
      tokens = JSON.parse(boxOf(secret).open(row.tokens)) as SessionTokens;
    } catch {
      return { ok: false, reason: 'unknown' };
    }
    return {
      ok: true,
      session: { id: row.id, subject: row.subject, kind: row.kind as SessionKind, tokens, tokenExpiresAt: row.tokenExpiresAt, expiresAt: row.expiresAt, secret },
    };
  }

  /** Stores refreshed tokens (sealed again under the same cookie secret). */
  async replaceTokens(session: OpenSession, tokens: SessionTokens, tokenExpiresAt: Date): Promise<void> {
    await this.prisma.consoleSession.updateMany({
      where: { id: session.id },
      data: { tokens: boxOf(session.secret).seal(JSON.stringify(tokens)), tokenExpiresAt },
    });
  }

  /** Ends one session (this browser: every tab). */
  async end(secret: string): Promise<void> {
    if (!COOKIE_SECRET.test(secret)) return;
    await this.prisma.consoleSession.deleteMany({ where: { lookup: lookupOf(secret) } });
  }

  async endById(id: string): Promise<void> {
    await this.prisma.consoleSession.deleteMany({ where: { id } });
  }

  /** Ends every session of a subject, in every browser, on every instance; returns how many. */
  async endAll(subject: string): Promise<number> {
    return (await this.prisma.consoleSession.deleteMany({ where: { subject } })).count;
  }

  /** Removes sessions past their end (called now and then; `find` refuses them anyway). */
  async prune(): Promise<void> {
    const now = this.clock.now();
    await this.prisma.consoleSession.deleteMany({
      where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: new Date(now.getTime() - this.policy.idleMs) } }] },
    });
  }
}
