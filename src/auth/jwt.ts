import {
  createInlineSigningKeyProvider,
  createRemoteJwksSigningKeyProvider,
  useJWT,
  type ExtractTokenFunction,
} from '@graphql-yoga/plugin-jwt';
import { GraphQLError } from 'graphql';
import type { Config } from '../config.ts';

/** Three base64url segments; the signature may be empty (alg "none"), which verification then rejects. */
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : header.trim() === '' ? null : '';
}

export function looksLikeJwt(token: string): boolean {
  return JWT_SHAPE.test(token);
}

// Only JWT-shaped bearer tokens are the JWT plugin's business; everything else (API keys, garbage) is judged by the
// API-key authenticator, which answers every failure with the same 401.
const lookupJwt: ExtractTokenFunction = ({ request }) => {
  const token = bearerToken(request);
  return token && looksLikeJwt(token) ? { token, prefix: 'Bearer' } : undefined;
};

export function jwtPlugin(config: Config['jwt']) {
  return useJWT({
    signingKeyProviders: [
      config.kind === 'secret'
        ? createInlineSigningKeyProvider(config.secret)
        : createRemoteJwksSigningKeyProvider({ jwksUri: config.url, cache: true, rateLimit: true }),
    ],
    tokenLookupLocations: [lookupJwt],
    tokenVerification: {
      algorithms: config.kind === 'secret' ? ['HS256'] : ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'PS256'],
      ...(config.issuer ? { issuer: config.issuer } : {}),
      ...(config.audience ? { audience: config.audience } : {}),
    },
    reject: { missingToken: false, invalidToken: true },
    extendContext: 'jwt',
  });
}

/** The JWT plugin's own rejections: 401 "Unauthenticated" or 400 "Invalid authentication token provided". */
export function isJwtRejection(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.extensions?.code) return false;
  const status = (error.extensions?.http as { status?: number } | undefined)?.status;
  return (
    (status === 401 && error.message === 'Unauthenticated') ||
    (status === 400 && error.message === 'Invalid authentication token provided')
  );
}
