import { Select, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchAgencies } from '../agencies/api';

type Picked = { id: string; name: string };
type Option = { value: string; label: string; path: string };

/**
 * Agencies on the platform that receive the document: typed (accent-insensitive, the server
 * searches the tree), each hit shown with its place in the tree.
 */
export function RecipientsField({
  value = [],
  onChange,
  id,
}: {
  value?: Picked[];
  onChange?: (next: Picked[]) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const search = (q: string) => {
    clearTimeout(timer.current);
    if (q.trim().length < 2) return;
    timer.current = setTimeout(async () => {
      setLoading(true);
      try {
        const hits = await searchAgencies(q.trim());
        setOptions(
          hits.map((h) => ({
            value: h.id,
            label: h.name,
            path: h.path
              .filter((p) => p.id !== h.id)
              .map((p) => p.shortName)
              .join(' › '),
          })),
        );
      } catch {
        setOptions([]);
      } finally {
        setLoading(false);
      }
    }, 250);
  };

  return (
    <Select<{ value: string; label: string }[]>
      id={id}
      mode="multiple"
      labelInValue
      value={value.map((p) => ({ value: p.id, label: p.name }))}
      onChange={(next) => onChange?.(next.map((v) => ({ id: v.value, name: String(v.label) })))}
      showSearch={{ filterOption: false, onSearch: search }}
      loading={loading}
      options={options}
      optionRender={(o) => (
        <div>
          <div>{o.label}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {(o.data as Option).path}
          </Typography.Text>
        </div>
      )}
      placeholder={t('agencies.searchPlaceholder')}
      notFoundContent={t('common.noData')}
      data-testid="doc-recipients"
    />
  );
}
