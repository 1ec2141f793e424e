import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fold } from '../../../app/format';
import { listSectors } from '../api';
import type { SectorCount } from '../types';

/** A sector of the catalogue, searched without diacritics in the browser (140 of them). */
export function SectorSelect({
  id,
  value,
  onChange,
  allowClear,
  placeholder,
  style,
  ...rest
}: {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const [sectors, setSectors] = useState<SectorCount[]>([]);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let live = true;
    listSectors()
      .then((items) => live && setSectors(items))
      .catch(() => {})
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, []);

  return (
    <Select
      {...rest}
      id={id}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      loading={loading}
      allowClear={allowClear}
      placeholder={placeholder ?? t('catalog.filter.sectorPlaceholder')}
      showSearch={{
        filterOption: (input, option) => fold(String(option?.label ?? '')).includes(fold(input)),
      }}
      options={sectors.map((s) => ({ value: s.id, label: s.name, count: s.procedureCount }))}
      optionRender={(o) => (
        <span style={{ whiteSpace: 'normal' }}>
          {o.label}{' '}
          <span style={{ color: 'rgba(0,0,0,0.62)', fontSize: 12 }}>({o.data.count})</span>
        </span>
      )}
      notFoundContent={t('common.noData')}
      style={{ width: '100%', ...style }}
    />
  );
}
