import { SignJWT } from 'jose';
import type { Config } from '../config/config.ts';

export type DevTokenClaims = { sub: string; email?: string; name?: string; operator?: boolean; ttl?: string };

/** Signs a token with the configured HS256 secret, the way an identity provider would issue one. */
export function signDevelopmentToken(jwt: Extract<Config['jwt'], { kind: 'secret' }>, claims: DevTokenClaims): Promise<string> {
  const token = new SignJWT({
    ...(claims.email ? { email: claims.email } : {}),
    ...(claims.name ? { name: claims.name } : {}),
    ...(claims.operator ? { roles: ['operator'] } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(claims.ttl ?? '8h');
  if (jwt.issuer) token.setIssuer(jwt.issuer);
  if (jwt.audience) token.setAudience(jwt.audience);
  return token.sign(new TextEncoder().encode(jwt.secret));
}
