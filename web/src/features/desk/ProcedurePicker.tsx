import { Select } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchProcedures } from './api';
import type { ProcedureHit } from './types';

type Props = {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Only procedures this agency carries today. */
  agencyId: string | undefined;
  placeholder?: string;
  'aria-label'?: string;
  'data-testid'?: string;
};

/** Searches the catalogue (name or code, with or without diacritics) as the officer types. */
export function ProcedurePicker({ value, onChange, agencyId, placeholder, ...rest }: Props) {
  const { t } = useTranslation();
  const [hits, setHits] = useState<ProcedureHit[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const generation = useRef(0);

  const search = useCallback(
    (q: string) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const mine = ++generation.current;
        setLoading(true);
        searchProcedures(q.trim(), agencyId)
          .then((page) => mine === generation.current && setHits(page.items))
          .catch(() => {})
          .finally(() => mine === generation.current && setLoading(false));
      }, 250);
    },
    [agencyId],
  );

  // The first page before anything is typed: the officer may just scroll the list.
  useEffect(() => {
    search('');
    return () => clearTimeout(timer.current);
  }, [search]);

  return (
    <Select
      {...rest}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      showSearch={{ filterOption: false, onSearch: search }}
      loading={loading}
      allowClear
      placeholder={placeholder ?? t('desk.new.procedurePlaceholder')}
      notFoundContent={loading ? t('common.loading') : t('desk.new.noProcedure')}
      options={hits.map((h) => ({
        value: h.id,
        label: `${h.code} — ${h.name}`,
        title: `${h.code} — ${h.name} (${h.sectorName})`,
      }))}
      optionRender={(o) => <div style={{ whiteSpace: 'normal' }}>{o.label}</div>}
      style={{ width: '100%' }}
    />
  );
}
