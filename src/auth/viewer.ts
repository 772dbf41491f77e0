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
      // Members are added by email: an address the identity provider says is unverified is not taken.
      const email = claims.email_verified === false ? null : (stringClaim(claims.email, 320)?.toLowerCase() ?? null);
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
      extendContext({ principal: { kind: 'user', user, isOperator: roles.includes('operator') } } as Partial<Context>);
    },
  };
}
