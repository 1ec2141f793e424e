import type { AnyDb } from './connect.js';

/**
 * Read-mostly facts kept in memory per database (the catalogue's version in force, an
 * agency's row): the hot path of filing a dossier asks them every time and they change a
 * few times a year. Rules, as for the agency tree index:
 * - a transaction always asks the database (it may see its own uncommitted writes);
 * - the module that owns the facts calls `invalidate` after each of its writes;
 * - entries expire after `ttlMs`, so other app servers' writes are seen within that time.
 */
export function createReadCache<V>(opts: { ttlMs: number; maxEntries: number }) {
  const maps = new WeakMap<AnyDb, Map<string, { loadedAt: number; value: Promise<V> }>>();
  return {
    async get(db: AnyDb, key: string, load: () => Promise<V>): Promise<V> {
      if (db.isTransaction) return load();
      let map = maps.get(db);
      if (!map) maps.set(db, (map = new Map()));
      const now = Date.now();
      const hit = map.get(key);
      if (hit && now - hit.loadedAt < opts.ttlMs) return hit.value;
      const value = load();
      const entries = map;
      entries.set(key, { loadedAt: now, value });
      // A failed load is not remembered; the oldest entry leaves when the map is full.
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      if (entries.size > opts.maxEntries) entries.delete(entries.keys().next().value!);
      return value;
    },

    invalidate(db: AnyDb): void {
      maps.delete(db);
    },
  };
}
