import type { Plugin } from 'graphql-yoga';
import type { JWTExtendContextFields } from '@graphql-yoga/plugin-jwt';
import { GraphQLError } from 'graphql';
import type { Context } from '../context.ts';

type Claims = JWTExtendContextFields['payload'] & { email?: unknown; email_verified?: unknown; name?: unknown; roles?: unknown };

/** A usable string claim: present, not too long, valid Unicode without control characters; otherwise ignored. */
function stringClaim(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= max && !/[\u0000-\u001f\u007f]|\p{Cs}/u.test(value)
    ? value
    : null;
}

/** Turns a verified JWT into the request's principal, creating the user on first sight. */
export function useViewer(): Plugin<Context & { jwt?: JWTExtendContextFields }> {
  return {
    async onContextBuilding({ context, extendContext }) {
      const claims = context.jwt?.payload as Claims | undefined;
      if (!claims) return;
      const subject = stringClaim(claims.sub, 255);
      // A token that never expires cannot be revoked by time: refuse it.
      if (!subject || typeof claims.exp !== 'number') {
        throw new GraphQLError('Unauthenticated', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
      }
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
