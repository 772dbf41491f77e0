import { PGlite } from '@electric-sql/pglite';
import { openPGlite } from './pglite.ts';
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';

/**
 * A Prisma driver adapter factory for an open PGlite, usable by `new PrismaClient({ adapter })` and by the schema
 * engine (src/db/migrations.ts).
 *
 * It fixes pglite-prisma-adapter 0.7.2, whose `executeScript` starts `pglite.exec(script)` without awaiting it: the
 * schema engine then records a migration as applied before its SQL has run (and a failing script goes unnoticed).
 * Its shadow database is also replaced: 0.7.2 opens a PGlite for it that is never closed.
 *
 * Disposing an adapter never closes `pglite`: it belongs to the caller.
 */
export function createPGliteAdapter(pglite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPGlite(pglite);
  return {
    provider: 'postgres',
    adapterName: inner.adapterName,
    connect: async () => withAwaitedScripts(await inner.connect(), pglite),
    connectToShadowDb: async () => {
      const shadow = openPGlite();
      await shadow.waitReady;
      const adapter = await new PrismaPGlite(shadow).connect();
      return withAwaitedScripts(adapter, shadow, async () => {
        await adapter.dispose();
        if (!shadow.closed) await shadow.close();
      });
    },
  };
}

function withAwaitedScripts(
  adapter: SqlDriverAdapter,
  pglite: PGlite,
  dispose?: () => Promise<void>,
): SqlDriverAdapter {
  return overrideMethods(adapter, {
    executeScript: async (script: string) => {
      try {
        await pglite.exec(script);
      } catch (error) {
        throw toDriverAdapterError(error);
      }
    },
    ...(dispose ? { dispose } : {}),
  });
}

/**
 * Returns `target` with some methods replaced; every other member is forwarded with `this` bound to `target`, so
 * that classes with private state keep working (the adapters' classes are not exported, so they cannot be extended).
 */
export function overrideMethods<T extends object>(target: T, overrides: Partial<T>): T {
  return new Proxy(target, {
    get(obj, property) {
      if (Object.hasOwn(overrides, property)) return overrides[property as keyof T];
      const value: unknown = Reflect.get(obj, property, obj);
      return typeof value === 'function' ? value.bind(obj) : value;
    },
  });
}

/**
 * PostgreSQL errors (from PGlite or node-postgres: both carry `code` and `severity`) become Prisma's `postgres` driver
 * error, so the engine reports the database's message; anything else is rethrown unchanged.
 */
export function toDriverAdapterError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const e = error as Error & { code?: unknown; severity?: unknown; detail?: string; column?: string; hint?: string };
  if (typeof e.code !== 'string' || typeof e.severity !== 'string') return error;
  return new DriverAdapterError({
    kind: 'postgres',
    code: e.code,
    severity: e.severity,
    message: e.message,
    detail: e.detail,
    column: e.column,
    hint: e.hint,
  });
}
