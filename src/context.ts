import type { YogaInitialContext } from 'graphql-yoga';
import type { PrismaClient, User } from './generated/prisma/client.ts';
import type { AuthenticatedKey } from './domains/api-keys/principal.ts';
import type { Clock } from './clock.ts';

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
};
