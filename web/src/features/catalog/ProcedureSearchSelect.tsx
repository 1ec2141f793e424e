import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchProcedures } from './api';
import type { Level, ProcedureHit } from './types';

/** A procedure found by name or code, with or without diacritics, as the admin types. */
export function ProcedureSearchSelect({
  value,
  onChange,
  level,
  ...rest
}: {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  level?: Level;
  'aria-label'?: string;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const [hits, setHits] = useState<ProcedureHit[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const generation = useRef(0);

  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const mine = ++generation.current;
      setLoading(true);
      searchProcedures({ q: q.trim() || undefined, level, pageSize: 30 })
        .then((page) => mine === generation.current && setHits(page.items))
        .catch(() => {})
        .finally(() => mine === generation.current && setLoading(false));
    }, 250);
  };

  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <Select
      {...rest}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      onFocus={() => hits.length === 0 && search('')}
      showSearch={{ filterOption: false, onSearch: search }}
      loading={loading}
      allowClear
      placeholder={t('catalog.override.procedurePlaceholder')}
      notFoundContent={loading ? t('common.loading') : t('catalog.noResults')}
      options={hits.map((h) => ({ value: h.id, label: `${h.code} — ${h.name}` }))}
      optionRender={(o) => <div style={{ whiteSpace: 'normal' }}>{o.label}</div>}
      style={{ width: '100%' }}
    />
  );
}
