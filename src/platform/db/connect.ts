import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireDirLock } from './lock.js';

// The same values from both drivers: int8/count(*) as numbers (ids are uuids, counts stay
// far below 2^53), `date` as the 'YYYY-MM-DD' string it is rather than a local-midnight Date.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/** The whole database seen by stores; each module narrows it to its own tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one untyped root, narrowed per module
export type AnyDb = Kysely<any>;

export type Database = {
  readonly db: AnyDb;
  readonly kind: 'pglite' | 'postgres';
  /** The embedded instance, for dumping its files (test templates, backups). */
  readonly pglite?: PGlite;
  close(): Promise<void>;
};

export const pgliteExtensions = { unaccent, pg_trgm, btree_gin };

export type OpenOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-memory'; loadDataDir?: Blob | File };

export function createKysely(pool: pg.Pool): AnyDb {
  return new Kysely({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
}

/** Opens PostgreSQL (a server) or PGlite (embedded, file-backed under DATA_DIR/db). */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    pool.on('error', () => {}); // an idle client's error must not kill the process; queries report theirs
    const db = createKysely(pool);
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  let release = () => {};
  let pglite: PGlite;
  if (opts.kind === 'pglite') {
    const dir = path.join(opts.dataDir, 'db');
    release = acquireDirLock(opts.dataDir);
    try {
      pglite = await PGlite.create(dir, { extensions: pgliteExtensions });
    } catch (err) {
      release();
      throw err;
    }
  } else {
    pglite = await PGlite.create({
      extensions: pgliteExtensions,
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    });
  }
  const pool = new pg.Pool(createPgConfig(pglite) as pg.PoolConfig);
  const db = createKysely(pool);
  let closed = false;
  return {
    db,
    kind: 'pglite',
    pglite,
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
      await pglite.close();
      release();
    },
  };
}
