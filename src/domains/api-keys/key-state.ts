import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Database, Listener } from '../../db/client.ts';
import type { Organization, PrismaClient } from '../../generated/prisma/client.ts';
import type { ApiKeyLevel, ApiKeyStatus, MemberRole } from '../../generated/prisma/enums.ts';

export const KEY_STATE_CHANNEL = 'keysmith_key_state';

/** Everything an authentication decision depends on (the secret hash is needed to verify, never returned). */
export type KeyState = {
  id: string;
  publicId: string;
  organizationId: string;
  level: ApiKeyLevel;
  projectId: string | null;
  allProjects: boolean;
  grants: unknown;
  /** The owner's role in the organization now; null when the owner is no longer a member (or for a service key). */
  ownerRole: MemberRole | null;
  ownedByOrganization: boolean;
  ownerId: string | null;
  createdById: string;
  status: ApiKeyStatus;
  /** When the key was revoked (told to its holder once the secret is verified). */
  revokedAt: Date | null;
  expiresAt: Date | null;
  graceEndsAt: Date | null;
  secretHash: string;
  secretTag: string | null;
  plan: Organization['plan'];
  projectIds: string[];
  /** Normalized addresses and CIDR ranges allowed to use the key; empty = any (see allowlist.ts). */
  ipAllowlist: string[];
  /** Stored JSON of the key's named rate limits (rate-limits.ts). */
  rateLimits: unknown;
  hasQuota: boolean;
};

export async function loadKeyState(prisma: PrismaClient, publicId: string): Promise<KeyState | null> {
  const rows = await prisma.$queryRaw<KeyState[]>`
    SELECT k.id, k."publicId", k."organizationId", k.level, k."projectId", k."allProjects", k.grants, k.status, k."revokedAt",
           k."expiresAt", k."graceEndsAt", k."secretHash", k."secretTag", o.plan, COALESCE(k."ipAllowlist", '{}') AS "ipAllowlist", k."rateLimits", k.quota IS NOT NULL AS "hasQuota",
           COALESCE((SELECT array_agg(p."projectId"::text) FROM "ApiKeyProject" p WHERE p."apiKeyId" = k.id), '{}') AS "projectIds",
           k."ownerId" IS NULL AS "ownedByOrganization", m.role::text AS "ownerRole", k."ownerId", k."createdById"
    FROM "ApiKey" k JOIN "Organization" o ON o.id = k."organizationId"
    LEFT JOIN "Membership" m ON m."organizationId" = k."organizationId" AND m."userId" = k."ownerId"
    WHERE k."publicId" = ${publicId}`;
  return rows[0] ?? null;
}

/**
 * Per-process cache of key state that is exactly as fresh as the database.
 *
 * Database triggers (migration `key_state_notify`) NOTIFY every change that can alter an authentication decision —
 * status, expiry, rotation grace, grants, owner, the owner's role, project access, IP allowlist, the organization's plan, deletion (also by cascade) — in
 * the committing transaction. Each instance LISTENs and drops the affected entries when the notification arrives,
 * which PostgreSQL sends at commit, before the writer's response can reach any client. While the LISTEN connection
 * is down (or not yet up) the cache is bypassed and emptied: every request reads the database, as if there were no
 * cache. A load that raced with a notification is not cached. Time-based state (expiry) is evaluated per request
 * against the clock, never cached as a verdict.
 */
export class KeyStateCache {
  private readonly entries = new Map<string, KeyState>();
  /** Key id → public id, for notifications that name a key by id (project-access changes). */
  private readonly publicIdById = new Map<string, string>();
  private live = false;
  /** Bumped by every invalidation, so that a load which overlapped one is not cached. */
  private generation = 0;
  private listener: Listener | null = null;
  private stopping = false;
  private heartbeat: NodeJS.Timeout | null = null;
  private readonly barriers = new Map<string, () => void>();
  /** `evictions`: entries dropped to stay within `maxEntries` (the key is read and judged again on its next request). */
  readonly stats = { hits: 0, misses: 0, invalidations: 0, evictions: 0 };

  /** `maxEntries`: KEY_CACHE_MAX_ENTRIES; when full, the oldest entry makes room (first in, first out). */
  constructor(
    private readonly db: Pick<Database, 'listen' | 'prisma'>,
    private readonly logger: Logger,
    private readonly maxEntries = 100_000,
  ) {}

  async start(heartbeatMs = 10_000): Promise<void> {
    this.listener = await this.db.listen(
      KEY_STATE_CHANNEL,
      (payload) => this.invalidate(payload),
      (live) => this.setLive(live),
    );
    // A LISTEN connection can die silently; a marker that does not come back within the timeout proves it.
    this.heartbeat = setInterval(() => void this.barrier(this.db.prisma).catch(() => {}), heartbeatMs);
    this.heartbeat.unref();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    await this.listener?.stop();
    this.listener = null;
  }

  get isLive(): boolean {
    return this.live;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached state, without I/O; undefined when not cached or while the cache is off. */
  peek(publicId: string): KeyState | undefined {
    if (!this.live) return undefined;
    const hit = this.entries.get(publicId);
    if (hit) this.stats.hits++;
    return hit;
  }

  async get(prisma: PrismaClient, publicId: string): Promise<KeyState | null> {
    const hit = this.peek(publicId);
    if (hit) return hit;
    this.stats.misses++;
    const generation = this.generation;
    const state = await loadKeyState(prisma, publicId);
    if (state && this.live && generation === this.generation) {
      if (this.entries.size >= this.maxEntries) {
        this.forget(this.entries.keys().next().value!);
        this.stats.evictions++;
      }
      this.entries.set(publicId, state);
      this.publicIdById.set(state.id, publicId);
    }
    return state;
  }

  private setLive(live: boolean): void {
    // Either way the cache restarts empty: while nobody listened, changes may have gone unseen.
    this.entries.clear();
    this.publicIdById.clear();
    this.generation++;
    if (this.live !== live && !this.stopping) {
      this.logger[live ? 'info' : 'warn']({ live }, live ? 'key-state cache live' : 'key-state cache off: reading every request from the database');
    }
    this.live = live;
  }

  private forget(publicId: string): void {
    const state = this.entries.get(publicId);
    if (state) this.publicIdById.delete(state.id);
    this.entries.delete(publicId);
  }

  /**
   * Resolves once this instance has received every key-state notification committed before the call: a marker is
   * NOTIFYed after them and PostgreSQL delivers notifications in commit order. Called after each user mutation, so
   * that this instance's next request can never see a stale entry, and so that the writer answers only after
   * PostgreSQL has dispatched the notifications (which it sends to every listening instance at once). If the marker
   * does not arrive in time the cache is switched off and rebuilt, never trusted.
   */
  async barrier(prisma: PrismaClient, timeoutMs = 2000): Promise<void> {
    if (!this.live) return;
    const token = randomUUID();
    const arrived = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.barriers.set(token, () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    try {
      await prisma.$executeRaw`SELECT pg_notify(${KEY_STATE_CHANNEL}, ${`barrier:${token}`})`;
      if (!(await arrived) && this.live) {
        this.logger.warn('key-state notifications stopped arriving: cache off until the listener reconnects');
        this.setLive(false);
        this.listener?.reconnect();
      }
    } finally {
      this.barriers.delete(token);
    }
  }

  private invalidate(payload: string): void {
    if (payload.startsWith('barrier:')) {
      this.barriers.get(payload.slice(8))?.();
      return;
    }
    this.generation++;
    this.stats.invalidations++;
    const [kind, value] = [payload.slice(0, 4), payload.slice(4)];
    if (kind === 'pub:') return this.forget(value);
    if (kind === 'key:') {
      const publicId = this.publicIdById.get(value);
      if (publicId) this.forget(publicId);
      return;
    }
    if (kind === 'org:') {
      for (const [publicId, state] of this.entries) if (state.organizationId === value) this.forget(publicId);
      return;
    }
    // Unknown payload: be safe.
    this.entries.clear();
    this.publicIdById.clear();
  }
}
