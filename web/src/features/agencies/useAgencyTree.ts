import { useCallback, useEffect, useRef, useState } from 'react';
import { getAgency, listChildren } from './api';
import type { AgencyListItem } from './types';

const ROOT = '';

/** The loaded part of the agency tree: children per parent id ('' for the roots). */
export function useAgencyTree(includeEnded: boolean) {
  const [children, setChildren] = useState<ReadonlyMap<string, AgencyListItem[]>>(new Map());
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const current = useRef(children);
  current.current = children;

  const load = useCallback(
    async (parentId: string | null, force = false) => {
      const key = parentId ?? ROOT;
      if (!force && current.current.has(key)) return current.current.get(key)!;
      try {
        const items = await listChildren(parentId, includeEnded);
        setChildren((prev) => {
          const next = new Map(prev).set(key, items);
          current.current = next;
          return next;
        });
        return items;
      } catch (err) {
        setError(err);
        return [];
      }
    },
    [includeEnded],
  );

  useEffect(() => {
    current.current = new Map();
    setChildren(new Map());
    setExpandedKeys([]);
    void load(null, true);
  }, [load]);

  /** Loads every branch down to the agency and opens them. */
  const reveal = useCallback(
    async (id: string) => {
      const agency = await getAgency(id);
      await load(null);
      for (const ancestor of agency.ancestors) await load(ancestor.id);
      setExpandedKeys((prev) => [...new Set([...prev, ...agency.ancestors.map((a) => a.id)])]);
      return agency;
    },
    [load],
  );

  const expand = useCallback(
    (id: string) => setExpandedKeys((prev) => (prev.includes(id) ? prev : [...prev, id])),
    [],
  );

  return {
    children,
    roots: children.get(ROOT),
    load,
    reveal,
    expand,
    expandedKeys,
    setExpandedKeys,
    error,
  };
}
