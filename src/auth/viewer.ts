import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.ts';
import { stringClaim, type JwtContext, type VerifiedClaims } from './jwt.ts';

type Claims = VerifiedClaims & { email?: unknown; email_verified?: unknown; name?: unknown; roles?: unknown };

/** Turns a verified JWT into the request's principal, creating the user on first sight. */
export function useViewer(): Plugin<Context & JwtContext> {
  return {
    async onContextBuilding({ context, extendContext }) {
      const claims = context.jwt?.payload as Claims | undefined;
      if (!claims) return;
      // The JWT verifier has checked `sub` and `exp` (see auth/jwt.ts).
      const subject = claims.sub;
      // An address the identity provider says is unverified is not stored (others see it in member lists).
      const claimedEmail = stringClaim(claims.email, 320)?.toLowerCase() ?? null;
      const verified = verifiedClaim(claims.email_verified);
      const email = verified === false ? null : claimedEmail;
      const name = stringClaim(claims.name, 200);
      const roles = Array.isArray(claims.roles) ? claims.roles : typeof claims.roles === 'string' ? claims.roles.split(/[\s,]+/) : [];
      let user = await context.prisma.user.findUnique({ where: { subject } });
      if (!user) {
        user = await context.prisma.user.upsert({ where: { subject }, create: { subject, email, name }, update: {} });
      } else if ((email && email !== user.email) || (name && name !== user.name)) {
        user = await context.prisma.user.update({
          where: { id: user.id },
          data: { email: email ?? user.email, name: name ?? user.name },
        });
      }
      const tokenEmail = claimedEmail ? { address: claimedEmail, verified } : null;
      extendContext({ principal: { kind: 'user', user, isOperator: roles.includes('operator'), tokenEmail } } as Partial<Context>);
    },
  };
}

/** `email_verified` as a boolean; some providers send it as the string "true"/"false". Anything else: not said. */
function verifiedClaim(value: unknown): boolean | null {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return null;
}
