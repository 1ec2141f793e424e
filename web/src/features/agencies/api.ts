import { api } from '../../app/api';
import type { Agency, AgencyDetail, AgencyListItem, AgencySearchHit } from './types';

type Page = { items: AgencyListItem[]; nextCursor: string | null };

/** Children of `parentId` (the roots when null), every page. */
export async function listChildren(
  parentId: string | null,
  includeEnded = false,
): Promise<AgencyListItem[]> {
  const all: AgencyListItem[] = [];
  let cursor: string | null = null;
  do {
    const page: Page = await api.get<Page>('/api/agencies', {
      parentId: parentId ?? undefined,
      includeEnded: includeEnded || undefined,
      limit: 500,
      cursor: cursor ?? undefined,
    });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

export async function searchAgencies(q: string, includeEnded = false): Promise<AgencySearchHit[]> {
  const result = await api.get<{ items: AgencySearchHit[] }>('/api/agencies/search', {
    q,
    includeEnded: includeEnded || undefined,
    limit: 30,
  });
  return result.items;
}

const details = new Map<string, Promise<AgencyDetail>>();

/** One agency with its ancestors and successions; cached, `fresh` refetches. */
export function getAgency(id: string, fresh = false): Promise<AgencyDetail> {
  let pending = fresh ? undefined : details.get(id);
  if (!pending) {
    pending = api.get<AgencyDetail>(`/api/agencies/${id}`);
    pending.catch(() => details.delete(id));
    details.set(id, pending);
  }
  return pending;
}

export const createAgency = (body: Record<string, unknown>) =>
  api.post<Agency>('/api/agencies', body);
export const updateAgency = (id: string, body: Record<string, unknown>) => {
  details.delete(id);
  return api.patch<Agency>(`/api/agencies/${id}`, body);
};
export const endAgency = (id: string, body: Record<string, unknown>) => {
  details.delete(id);
  return api.post<Agency>(`/api/agencies/${id}/end`, body);
};
