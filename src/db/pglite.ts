import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/**
 * Every embedded database Keysmith opens (the server's, migrations' and their shadow, tests'): PGlite with the
 * extensions the migrations create (pg_trgm: the trigram indexes behind key search).
 */
export function openPGlite(dataDir?: string, options: Omit<PGliteOptions, 'extensions' | 'dataDir'> = {}): PGlite {
  return new PGlite({ ...options, dataDir, extensions: { pg_trgm } });
}
