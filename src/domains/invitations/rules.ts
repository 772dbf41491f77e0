import type { Context } from '../../context.ts';

// Pure rules of invitations: how long they last and whose sign-in may answer one (SECURITY.md, "Invitations").

/** An invitation is open for 7 days: long enough for someone on leave for a week, short enough to go stale. */
export const INVITATION_LIFETIME_DAYS = 7;

export function invitationExpiresAt(now: Date): Date {
  return new Date(now.getTime() + INVITATION_LIFETIME_DAYS * 24 * 60 * 60 * 1000);
}

export function isExpired(invitation: { expiresAt: Date }, now: Date): boolean {
  return invitation.expiresAt.getTime() <= now.getTime();
}

/**
 * The email address the viewer may answer invitations for: the email claim of this request's token, unless the
 * provider marked it unverified (`email_verified: false`). A token without `email_verified` is taken at its word:
 * Keysmith trusts its one configured identity provider, and many providers put only addresses they stand behind in
 * access tokens without saying so. Not the stored `User.email`: that keeps the last address seen, and another
 * subject can claim the same one.
 */
export function answeringEmail(principal: Context['principal']): { ok: true; address: string } | { ok: false; reason: string } {
  if (principal?.kind !== 'user' || !principal.tokenEmail) {
    return { ok: false, reason: 'Your sign-in carries no email address, so no invitation can be yours' };
  }
  if (principal.tokenEmail.verified === false) {
    return { ok: false, reason: 'Your identity provider has not verified your email address: verify it there, then sign in again' };
  }
  return { ok: true, address: principal.tokenEmail.address };
}
