import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listUsers } from '../users/api';

type Option = { value: string; label: string };

/** Picks an official by typing part of the name or username (the server searches). */
export function UserSelect({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (v: string | undefined) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      setLoading(true);
      try {
        const page = await listUsers({ q: q.trim() || undefined, kind: 'official', limit: 30 });
        setOptions(
          page.items.map((u) => ({
            value: u.id,
            label: `${u.fullName} (${u.username})${u.position ? ` — ${u.position}` : ''}`,
          })),
        );
      } catch {
        setOptions([]);
      } finally {
        setLoading(false);
      }
    }, 250);
  };

  useEffect(() => {
    search('');
    return () => clearTimeout(timer.current);
    // the first list once
  }, []);

  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: search }}
      loading={loading}
      options={options}
      placeholder={t('pki.form.userPlaceholder')}
      notFoundContent={t('common.noData')}
      data-testid="cert-user-select"
    />
  );
}
