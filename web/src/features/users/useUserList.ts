import { useCallback, useEffect, useRef, useState } from 'react';
import type { User } from '../../app/types';
import { listUsers } from './api';

export type UserFilter = { agencyId?: string; subtree: boolean; q: string };

/** Users matching the filter, a page at a time (keyset: `loadMore` follows nextCursor). */
export function useUserList(filter: UserFilter) {
  const [items, setItems] = useState<User[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);

  const fetchPage = useCallback(
    async (cursor: string | null) => {
      const mine = cursor ? generation.current : ++generation.current;
      setLoading(true);
      try {
        const page = await listUsers({
          agencyId: filter.agencyId,
          subtree: filter.subtree,
          q: filter.q.trim() || undefined,
          cursor: cursor ?? undefined,
          limit: 50,
        });
        if (mine !== generation.current) return;
        setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
        setError(null);
      } catch (err) {
        if (mine === generation.current) setError(err);
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [filter.agencyId, filter.subtree, filter.q],
  );

  useEffect(() => {
    void fetchPage(null);
  }, [fetchPage]);

  return {
    items,
    loading,
    error,
    hasMore: nextCursor !== null,
    loadMore: () => nextCursor && fetchPage(nextCursor),
    reload: () => fetchPage(null),
    /** Replaces one row after an edit without reloading the list. */
    patch: (user: User) => setItems((prev) => prev.map((u) => (u.id === user.id ? user : u))),
  };
}
