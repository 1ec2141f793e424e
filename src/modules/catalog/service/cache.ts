import { createReadCache } from '../../../platform/db/read-cache.js';
import type { ProcedureVersion } from '../schema.js';
import type { carrierSettingsOf } from '../store/sectors.js';
import type { Exec } from './deps.js';

const TTL_MS = 30_000;

/**
 * What filing a dossier reads from the catalogue on every request, kept in memory (see
 * `createReadCache`): the version in force of a procedure on a day, and the settings that say
 * who carries it. Every catalogue write (`inTransaction`) drops them; other app servers see a
 * change within 30 s. The spelling vocabulary is kept longer: a stale list only makes a
 * suggestion miss.
 */
export const catalogCache = {
  versions: createReadCache<ProcedureVersion | undefined>({ ttlMs: TTL_MS, maxEntries: 5_000 }),
  carriers: createReadCache<Awaited<ReturnType<typeof carrierSettingsOf>>>({
    ttlMs: TTL_MS,
    maxEntries: 5_000,
  }),
  vocabulary: createReadCache<Map<string, number>>({ ttlMs: 5 * 60_000, maxEntries: 1 }),

  invalidate(db: Exec): void {
    this.versions.invalidate(db);
    this.carriers.invalidate(db);
    this.vocabulary.invalidate(db);
  },
};
