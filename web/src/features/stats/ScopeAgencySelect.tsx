import { TreeSelect } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fold } from '../../app/format';
import { useMe } from '../../app/session';
import { getAgency, listChildren } from '../agencies/api';
import { statsScopeIds } from './scope';

type Node = { id: string; pId: string | null; value: string; title: string; isLeaf: boolean };

/**
 * Picks an agency inside the reader's statistics scope: the tree starts at the agencies the
 * reader holds `dossier.stats` on (not at the province), and opens branch by branch.
 */
export function ScopeAgencySelect({
  value,
  onChange,
  placeholder,
  ...rest
}: {
  value?: string;
  onChange: (value: string | undefined) => void;
  placeholder?: string;
  id?: string;
  'aria-label'?: string;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const [nodes, setNodes] = useState<Node[]>([]);
  const loaded = useRef(new Set<string>());
  const scopeKey = statsScopeIds(me).join(',');

  const merge = useCallback((incoming: Node[]) => {
    setNodes((prev) => {
      const byId = new Map(prev.map((n) => [n.id, n]));
      for (const n of incoming) if (!byId.has(n.id)) byId.set(n.id, n);
      return [...byId.values()];
    });
  }, []);

  useEffect(() => {
    let live = true;
    void (async () => {
      const roots = await Promise.all(
        scopeKey
          .split(',')
          .filter(Boolean)
          .map((id) => getAgency(id).catch(() => null)),
      );
      const ids = new Set(roots.flatMap((r) => (r ? [r.id] : [])));
      if (!live) return;
      merge(
        roots.flatMap((r) =>
          // a root inside another root's subtree is reached through it
          r && !r.ancestorIds.some((a) => ids.has(a))
            ? [{ id: r.id, pId: null, value: r.id, title: r.shortName, isLeaf: false }]
            : [],
        ),
      );
    })();
    return () => {
      live = false;
    };
  }, [scopeKey, merge]);

  // Show the chosen agency even when it lies deep in the tree (after a drill-down).
  useEffect(() => {
    if (!value) return;
    let live = true;
    getAgency(value).then(
      (a) => {
        if (!live) return;
        const roots = new Set(scopeKey.split(','));
        const chain = [...a.ancestors.map((x) => x.id), a.id];
        const start = chain.findIndex((id) => roots.has(id));
        if (start < 0) return;
        const path = [
          ...a.ancestors.map((x) => ({ id: x.id, title: x.shortName })),
          { id: a.id, title: a.shortName },
        ];
        merge(
          path.slice(start).map((p, i, all) => ({
            id: p.id,
            pId: i === 0 ? null : all[i - 1]!.id,
            value: p.id,
            title: p.title,
            isLeaf: false,
          })),
        );
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [value, scopeKey, merge]);

  const loadChildren = async (parentId: string) => {
    if (loaded.current.has(parentId)) return;
    loaded.current.add(parentId);
    try {
      const children = await listChildren(parentId);
      merge(
        children.map((c) => ({
          id: c.id,
          pId: parentId,
          value: c.id,
          title: c.shortName,
          isLeaf: c.childCount === 0,
        })),
      );
      if (children.length === 0) {
        setNodes((prev) => prev.map((n) => (n.id === parentId ? { ...n, isLeaf: true } : n)));
      }
    } catch {
      loaded.current.delete(parentId);
    }
  };

  return (
    <TreeSelect
      {...rest}
      value={value}
      onChange={(v: string | undefined) => onChange(v)}
      treeDataSimpleMode
      treeData={nodes}
      loadData={(node) => loadChildren(String(node.value))}
      showSearch={{
        filterTreeNode: (input, node) => fold(String(node.title ?? '')).includes(fold(input)),
      }}
      allowClear
      placeholder={placeholder ?? t('stats.filter.agencyAll')}
      popupMatchSelectWidth={false}
      notFoundContent={t('common.noData')}
      style={{ width: '100%' }}
    />
  );
}
