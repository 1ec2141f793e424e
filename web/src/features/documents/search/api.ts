import { api, type Query } from '../../../app/api';
import type * as S from '../../../../../src/modules/documents/search/schema.js';
import type { Wire } from '../../pki/wire';

export type SearchCriteria = S.SearchCriteria;
export type SearchHit = Wire<S.SearchHit>;
export type SearchPage = Wire<S.SearchPage>;
export type SavedSearch = Wire<S.SavedSearchView>;

export const searchDocuments = (query: Query) =>
  api.get<SearchPage>('/api/documents/search', query);
export const listSaved = () => api.get<{ items: SavedSearch[] }>('/api/documents/saved-searches');
export const saveSearch = (name: string, criteria: Partial<SearchCriteria>) =>
  api.post<SavedSearch>('/api/documents/saved-searches', { name, criteria });
export const deleteSaved = (id: string) => api.delete(`/api/documents/saved-searches/${id}`);
