import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSession } from '../../app/session';
import { listIncoming, listOutgoing } from './api';
import { type QueueDef, type QueueKey, queueDefs } from './queues';

/** The queues this user may see and their counts (each a one-row query for the total). */
export function useQueues() {
  const { can } = useSession();
  const visible = useMemo(() => queueDefs.filter((q) => can(q.permission)), [can]);
  const [counts, setCounts] = useState<Partial<Record<QueueKey, number>>>({});

  const reloadCounts = useCallback(async () => {
    const entries = await Promise.all(
      visible.map(async (q: QueueDef) => {
        try {
          const fetcher = q.source === 'outgoing' ? listOutgoing : listIncoming;
          const page = await fetcher({ ...q.query, limit: 1 });
          return [q.key, page.total] as const;
        } catch {
          return [q.key, undefined] as const;
        }
      }),
    );
    setCounts(Object.fromEntries(entries));
  }, [visible]);

  useEffect(() => {
    void reloadCounts();
  }, [reloadCounts]);

  return { visible, counts, reloadCounts };
}
