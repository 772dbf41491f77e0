import { PGlite } from '@electric-sql/pglite';
import { openPGlite } from './pglite.ts';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import type { Config } from '../config/config.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { applyMigrations } from './migrations.ts';
import { createPGliteAdapter } from './pglite-adapter.ts';

/** A LISTEN subscription: `reconnect` drops the connection (reported as lost) and establishes a new one. */
export type Listener = { stop(): Promise<void>; reconnect(): void };

export type Database = {
  kind: 'pglite' | 'postgres';
  prisma: PrismaClient;
  /** Applies committed migrations that are not yet applied; returns their names. */
  migrate(): Promise<string[]>;
  /**
   * LISTENs on `channel`. `onStatus(true)` once listening, `onStatus(false)` when the connection is lost (it is
   * re-established with back-off; notifications sent meanwhile are lost, so callers must treat a gap as "anything
   * may have changed"). Resolves to a function that stops listening.
   */
  listen(channel: string, onNotify: (payload: string) => void, onStatus: (live: boolean) => void): Promise<Listener>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
};

export async function openDatabase(config: Config['database']): Promise<Database> {
  if (config.kind === 'postgres') {
    const adapter = new PrismaPg(
      {
        connectionString: config.url,
        max: 10,
        connectionTimeoutMillis: 5000,
        // Raw SQL (auth hot path, locks, usage flush) must see the same schema as Prisma's generated queries.
        ...(config.schema ? { options: `-c search_path="${config.schema}"` } : {}),
      },
      config.schema ? { schema: config.schema } : undefined,
    );
    const prisma = new PrismaClient({ adapter });
    return {
      kind: 'postgres',
      prisma,
      migrate: () => applyMigrations({ kind: 'postgres', connectionString: config.url, schema: config.schema }),
      listen: (channel, onNotify, onStatus) => listenPostgres(config.url, channel, onNotify, onStatus),
      ping: async () => {
        await prisma.$queryRawUnsafe('SELECT 1');
      },
      close: () => prisma.$disconnect(),
    };
  }
  if (!config.dataDir) {
    const pglite = openPGlite();
    await pglite.waitReady;
    return pgliteDatabase(pglite);
  }
  const lock = lockDataDir(config.dataDir);
  try {
    const pglite = openPGlite(config.dataDir);
    await pglite.waitReady;
    return pgliteDatabase(pglite, { onClose: lock.release });
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** Wraps an already open PGlite (tests share one migrated instance per worker). */
export function pgliteDatabase(pglite: PGlite, options: { ownsPglite?: boolean; onClose?: () => void } = {}): Database {
  const prisma = new PrismaClient({ adapter: createPGliteAdapter(pglite) });
  return {
    kind: 'pglite',
    prisma,
    migrate: async () => {
      const applied = await applyMigrations({ kind: 'pglite', pglite });
      // PGlite runs no autovacuum, so nothing else gathers planner statistics: without them a list that filters the
      // keys of a large organization sorts all of them instead of walking the index. Start-up refreshes them.
      await pglite.exec('ANALYZE');
      return applied;
    },
    listen: async (channel, onNotify, onStatus) => {
      // Same process, same database: notifications are delivered as the committing query completes.
      const unlisten = await pglite.listen(channel, onNotify);
      onStatus(true);
      return {
        stop: async () => {
          onStatus(false);
          if (!pglite.closed) await unlisten();
        },
        // In-process: nothing can go silently stale; report a gap so that the cache restarts empty.
        reconnect: () => {
          onStatus(false);
          onStatus(true);
        },
      };
    },
    ping: async () => {
      if (pglite.closed) throw new Error('database closed');
      await pglite.query('SELECT 1');
    },
    close: async () => {
      await prisma.$disconnect();
      if (options.ownsPglite !== false && !pglite.closed) await pglite.close();
      options.onClose?.();
    },
  };
}

/** A dedicated connection that LISTENs, reconnecting with back-off after a loss. */
async function listenPostgres(
  url: string,
  channel: string,
  onNotify: (payload: string) => void,
  onStatus: (live: boolean) => void,
): Promise<Listener> {
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let delay = 100;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000, keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
    client = c;
    c.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    const lost = () => {
      if (client !== c) return;
      client = null;
      onStatus(false);
      c.end().catch(() => {});
      if (!stopped) {
        retry = setTimeout(() => void connect().catch(lost), delay);
        retry.unref();
        delay = Math.min(delay * 2, 5000);
      }
    };
    c.on('error', lost);
    c.on('end', lost);
    try {
      await c.connect();
      await c.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
    } catch (error) {
      lost();
      throw error;
    }
    delay = 100;
    onStatus(true);
  };
  await connect().catch(() => {
    // Not listening yet: the caller runs without its cache until the retry succeeds.
  });
  return {
    stop: async () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      onStatus(false);
      await c?.end().catch(() => {});
    },
    // A connection can die without an error (a silent network partition): the heartbeat notices and calls this.
    reconnect: () => {
      client?.emit('error', new Error('listener reconnect requested'));
    },
  };
}
