/**
 * Document search: full text, Vietnamese and accent-insensitive, over the metadata and the
 * PDFs' text, with filters and saved searches; only what the reader may see. Part of the
 * documents module (schema `document`, table `search_index` kept by triggers).
 */
import { createSavedSearches } from './saved.js';
import { createSearchUseCase, type SearchDeps } from './service.js';

export { searchRoutes, type SearchRoutesDeps } from './routes.js';
export type { SearchDeps } from './service.js';
export * from './schema.js';

export function createDocumentSearch(deps: SearchDeps) {
  const search = createSearchUseCase(deps);
  return { search, saved: createSavedSearches(deps, search) };
}
export type DocumentSearch = ReturnType<typeof createDocumentSearch>;
