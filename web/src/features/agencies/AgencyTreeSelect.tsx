import { TreeSelect } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fold } from '../../app/format';
import { getAgency, listChildren, searchAgencies } from './api';
import type { Agency } from './types';

type Node = { id: string; pId: string | null; value: string; title: string; isLeaf: boolean };

type Props = {
  id?: string;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  'aria-label'?: string;
  'data-testid'?: string;
};

const toNode = (a: Agency & { childCount?: number }): Node => ({
  id: a.id,
  pId: a.parentId,
  value: a.id,
  title: a.shortName,
  isLeaf: a.childCount === 0,
});

/**
 * Picks an agency from the tree, loading children as branches open; typing searches the
 * server (accent-insensitive) and adds the hits with their path.
 */
export function AgencyTreeSelect({
  value,
  onChange,
  placeholder,
  allowClear,
  style,
  ...rest
}: Props) {
  const { t } = useTranslation();
  const [nodes, setNodes] = useState<Node[]>([]);
  const loaded = useRef(new Set<string>());
  const searchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const merge = useCallback((incoming: Node[]) => {
    setNodes((prev) => {
      const byId = new Map(prev.map((n) => [n.id, n]));
      for (const n of incoming) {
        const old = byId.get(n.id);
        byId.set(n.id, old ? { ...old, ...n, isLeaf: old.isLeaf && n.isLeaf } : n);
      }
      return [...byId.values()];
    });
  }, []);

  const loadChildren = useCallback(
    async (parentId: string | null) => {
      const key = parentId ?? '';
      if (loaded.current.has(key)) return;
      loaded.current.add(key);
      try {
        merge((await listChildren(parentId)).map(toNode));
      } catch {
        loaded.current.delete(key);
      }
    },
    [merge],
  );

  useEffect(() => {
    void loadChildren(null);
  }, [loadChildren]);

  // Make the selected agency visible: load the branches down to it.
  useEffect(() => {
    if (!value) return;
    let live = true;
    void (async () => {
      try {
        const agency = await getAgency(value);
        for (const ancestor of agency.ancestors) {
          if (!live) return;
          await loadChildren(ancestor.id);
        }
        merge([toNode(agency)]);
      } catch {
        // an agency out of reach stays shown by its id
      }
    })();
    return () => {
      live = false;
    };
  }, [value, loadChildren, merge]);

  const onSearch = (q: string) => {
    clearTimeout(searchTimer.current);
    if (q.trim().length < 2) return;
    searchTimer.current = setTimeout(async () => {
      try {
        const hits = await searchAgencies(q.trim());
        const found: Node[] = [];
        for (const hit of hits) {
          hit.path.forEach((p, i) => {
            if (p.id !== hit.id)
              found.push({
                id: p.id,
                pId: hit.path[i - 1]?.id ?? null,
                value: p.id,
                title: p.shortName,
                isLeaf: false,
              });
          });
          found.push({ ...toNode(hit), isLeaf: false });
        }
        merge(found);
      } catch {
        // searching is a convenience; the tree still works
      }
    }, 300);
  };

  return (
    <TreeSelect
      {...rest}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v)}
      treeDataSimpleMode
      treeData={nodes}
      loadData={(node) => loadChildren(String(node.value))}
      showSearch={{
        filterTreeNode: (input, node) => fold(String(node.title ?? '')).includes(fold(input)),
        onSearch,
      }}
      placeholder={placeholder ?? t('agencies.pick')}
      allowClear={allowClear}
      style={{ minWidth: 240, ...style }}
      popupMatchSelectWidth={false}
      notFoundContent={t('common.noData')}
    />
  );
}
