import { useEffect, useState } from 'react';
import { getAgency } from './api';
import type { AgencyDetail } from './types';

/**
 * The agency with this id (cached across the app): undefined while loading,
 * null when there is none or it cannot be read.
 */
export function useAgency(id: string | null | undefined): AgencyDetail | null | undefined {
  const [agency, setAgency] = useState<AgencyDetail | null | undefined>(id ? undefined : null);
  useEffect(() => {
    if (!id) {
      setAgency(null);
      return;
    }
    let live = true;
    setAgency(undefined);
    getAgency(id).then(
      (a) => live && setAgency(a),
      () => live && setAgency(null),
    );
    return () => {
      live = false;
    };
  }, [id]);
  return agency;
}
