import type { YogaInitialContext } from 'graphql-yoga';
import type { PrismaClient, User } from './generated/prisma/client.ts';
import type { ApiKeyLevel, MemberRole, Plan } from './generated/prisma/enums.ts';
import type { Clock } from './clock.ts';
import type { SecretTags } from './lib/secret-tag.ts';
import type { SecretBox } from './lib/secret-box.ts';
import type { UrlPolicy } from './lib/url-policy.ts';
import type { KeyCall } from './domains/api-keys/usage-outcomes.ts';

/** An API key that passed every identity and state check for this request. Never holds the secret or its hash. */
export type AuthenticatedKey = {
  id: string;
  publicId: string;
  organizationId: string;
  level: ApiKeyLevel;
  projectId: string | null;
  allProjects: boolean;
  /** Selected projects of an organization-level key (empty otherwise). */
  projectIds: string[];
  /** Normalized addresses and CIDR ranges allowed to use the key; empty = any. */
  ipAllowlist: string[];
  /** Named rate limits, enforced before anything runs (rate-limiter.ts); empty = none. */
  rateLimits: { name: string; limit: number; durationSeconds: number }[];
  /** The key has a quota of credits, charged by each trigger (quota.ts). */
  hasQuota: boolean;
  /** What the key was given: catalog permissions (`resource:action`) and where they apply, from parseStoredGrants. */
  grants: { permission: string; projectIds: string[] | null; workflowIds: string[] | null }[];
  /** The owner's role in the organization now (null: no longer a member, so the key may do nothing). */
  ownerRole: MemberRole | null;
  /** A service key: owned by the organization, not a person (its ceiling is the ADMIN set). */
  ownedByOrganization: boolean;
  /** The owner (null for a service key), and the person who created the key (accountable for keys it creates). */
  ownerId: string | null;
  createdById: string;
};

export type Principal =
  | {
      kind: 'user';
      user: User;
      isOperator: boolean;
      /**
       * The email claim of this request's token (lower-cased) and its `email_verified` claim (null when the token has
       * none). Invitations are matched against this, not against `user.email`, which keeps the last address seen.
       */
      tokenEmail?: { address: string; verified: boolean | null } | null;
    }
  | { kind: 'apiKey'; key: AuthenticatedKey }
  /**
   * The platform acting on a report from outside, not a request's caller: `label` names it in audit events and
   * webhook payloads (e.g. `secret-scanning:github`). Never the principal of a GraphQL request.
   */
  | { kind: 'system'; label: string };

/** Per-request context. `principal` is null for anonymous requests. */
export type Context = YogaInitialContext & {
  prisma: PrismaClient;
  requestId: string;
  clock: Clock;
  principal: Principal | null;
  /** An API key's call, admitted: how it ends is counted in the key's usage when its response is sent (usage-outcomes.ts). */
  keyCall?: KeyCall;
  clientIp: string | null;
  /** Keyed verification tags of new keys' secrets; null when no tag secret is configured. */
  secretTags: SecretTags | null;
  /** Encrypts webhook signing secrets at rest; null when no key material is configured. */
  webhookSecrets: SecretBox | null;
  /** Which webhook URLs are accepted (https in production; private addresses only when allowed). */
  webhookUrlPolicy: UrlPolicy;
  /** The plan a new organization starts on (DEFAULT_PLAN). */
  defaultPlan: Plan;
};
