import type { AnyDb } from '../../../platform/db/connect.js';
import { createReadCache } from '../../../platform/db/read-cache.js';
import type { Agency } from '../schema.js';
import * as store from '../store.js';

/**
 * The shape of the tree in memory: every access check asks "is agency X under one of these
 * roots?", on every request. Agencies never move (a reorganisation ends and starts agencies),
 * so a cached path stays true; what a cache can miss is an agency created since it was loaded:
 * an unknown id reloads it, writes through this module drop it, and it expires after
 * TTL_MS so that other app servers see new agencies too.
 */
type Index = {
  paths: Map<string, { path: readonly string[]; validTo: string | null }>;
  loadedAt: number;
};

const TTL_MS = 30_000;
/** An unknown id reloads the index at most this often; in between, the database answers. */
const RELOAD_MIN_MS = 1_000;
const indexes = new WeakMap<AnyDb, Promise<Index>>();
/** Agency rows by id, under the same rules (dossier filing reads the receiving agency's). */
const rows = createReadCache<Agency | undefined>({ ttlMs: TTL_MS, maxEntries: 20_000 });

async function load(db: AnyDb): Promise<Index> {
  return { paths: await store.allPaths(db), loadedAt: Date.now() };
}

async function indexOf(db: AnyDb, mustKnow?: string): Promise<Index> {
  const pending = indexes.get(db);
  const index = pending ? await pending : undefined;
  const age = index ? Date.now() - index.loadedAt : Infinity;
  const unknown = mustKnow !== undefined && index !== undefined && !index.paths.has(mustKnow);
  if (age > TTL_MS || (unknown && age > RELOAD_MIN_MS)) {
    const next = load(db);
    indexes.set(db, next);
    next.catch(() => {
      if (indexes.get(db) === next) indexes.delete(db);
    });
    return next;
  }
  return index!;
}

/** A transaction sees its own uncommitted agencies: it always asks the database. */
const isTransaction = (db: AnyDb) => db.isTransaction;

export const treeIndex = {
  async isWithin(db: AnyDb, id: string, rootIds: readonly string[]): Promise<boolean> {
    if (isTransaction(db) || rootIds.length === 0) return store.isWithin(db, id, rootIds);
    const entry = (await indexOf(db, id)).paths.get(id);
    // Not there even after a reload (or reloaded too recently): ask the database.
    if (!entry) return store.isWithin(db, id, rootIds);
    return rootIds.some((r) => entry.path.includes(r));
  },

  async subtreeIds(db: AnyDb, rootIds: readonly string[]): Promise<string[]> {
    if (isTransaction(db)) return store.subtreeIds(db, rootIds);
    if (rootIds.length === 0) return [];
    const ids: string[] = [];
    for (const [id, { path }] of (await indexOf(db)).paths) {
      if (rootIds.some((r) => path.includes(r))) ids.push(id);
    }
    return ids;
  },

  async anyIsRoot(db: AnyDb, ids: readonly string[]): Promise<boolean> {
    if (isTransaction(db)) return store.anyIsRoot(db, ids);
    const { paths } = await indexOf(db);
    // A grant on the root of a province that has ended (merged) covers only its old tree.
    return ids.some((id) => {
      const entry = paths.get(id);
      return entry?.path.length === 1 && entry.validTo === null;
    });
  },

  findById(db: AnyDb, id: string): Promise<Agency | undefined> {
    return rows.get(db, id, () => store.findById(db, id));
  },

  /** Called after every write of this module. */
  invalidate(db: AnyDb): void {
    indexes.delete(db);
    rows.invalidate(db);
  },
};
