import { createImport2025 } from './import-2025.js';
import { createAgencyReads } from './read.js';
import { createSeedAndImport } from './seed-demo.js';
import type { AgencyDeps } from './deps.js';
import { createAgencyWrites } from './write.js';

/**
 * The agency directory. Every method takes the database (or an open transaction) first:
 * the app composes the service once, without a database, and callers pass theirs.
 */
export function createAgencyService(deps: AgencyDeps) {
  return {
    ...createAgencyReads(deps),
    ...createAgencyWrites(deps),
    ...createSeedAndImport(deps),
    ...createImport2025(deps),
  };
}

export type AgencyService = ReturnType<typeof createAgencyService>;
