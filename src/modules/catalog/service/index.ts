import { createCarriers } from './carry.js';
import type { CatalogDeps } from './deps.js';
import { createImport } from './import.js';
import { createReads } from './read.js';
import { createSeed } from './seed.js';
import { createSettings } from './settings.js';
import { createWrites } from './write.js';

/**
 * The procedure catalogue. Reads take the database or an open transaction (`exec`) first;
 * writes take the root database, open their own transaction and audit in it.
 */
export function createCatalogService(deps: CatalogDeps) {
  const carriers = createCarriers(deps);
  const importer = createImport(deps, carriers);
  return {
    ...createReads(deps, carriers),
    isCarriedBy: carriers.isCarriedBy,
    agenciesCarrying: carriers.agenciesCarrying,
    ...createWrites(deps, carriers),
    ...createSettings(deps, carriers),
    importCatalog: importer.importCatalog,
    ...createSeed(deps, carriers, importer),
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
