import type { YogaInitialContext } from 'graphql-yoga';
import type { PrismaClient, User } from './generated/prisma/client.ts';
import type { AuthenticatedKey } from './domains/api-keys/principal.ts';
import type { Clock } from './clock.ts';
import type { SecretTags } from './domains/api-keys/secret-tag.ts';

export type Principal =
  | { kind: 'user'; user: User; isOperator: boolean }
  | { kind: 'apiKey'; key: AuthenticatedKey };

/** Per-request context. `principal` is null for anonymous requests. */
export type Context = YogaInitialContext & {
  prisma: PrismaClient;
  requestId: string;
  clock: Clock;
  principal: Principal | null;
  clientIp: string | null;
  /** Keyed verification tags of new keys' secrets; null when no tag secret is configured. */
  secretTags: SecretTags | null;
};
