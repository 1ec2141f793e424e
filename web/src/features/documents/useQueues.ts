import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSession } from '../../app/session';
import { getCounts } from './api';
import { queueDefs } from './queues';
import type { DocumentCounts } from './types';

/**
 * The queues this user may see and their counts, in one call: the server answers only the
 * queues the reader holds the permission of. Should that call fail, the queues follow the
 * session's permissions, without counts.
 */
export function useQueues() {
  const { me } = useSession();
  const [counts, setCounts] = useState<DocumentCounts | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reloadCounts = useCallback(async () => {
    try {
      setCounts(await getCounts());
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, []);

  useEffect(() => {
    void reloadCounts();
  }, [reloadCounts]);

  const visible = useMemo(() => {
    if (counts) return queueDefs.filter((q) => counts[q.key] !== undefined);
    if (!error) return [];
    const held: readonly string[] = me?.permissions ?? [];
    return queueDefs.filter((q) => held.includes(q.permission));
  }, [counts, error, me]);

  return {
    visible,
    counts: counts ?? {},
    isLoading: !counts && !error,
    error,
    reloadCounts,
  };
}
