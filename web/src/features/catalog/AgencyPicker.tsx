import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getAgency, searchAgencies } from '../agencies/api';
import type { AgencySearchHit } from '../agencies/types';

type Option = { value: string; label: string; path: string };

type Common = {
  id?: string;
  placeholder?: string;
  disabled?: boolean;
  status?: 'error' | 'warning';
  style?: React.CSSProperties;
  'aria-label'?: string;
  'aria-labelledby'?: string;
  'data-testid'?: string;
};

type Single = Common & {
  mode?: undefined;
  value?: string | null;
  onChange?: (value: string | null) => void;
};
type Multiple = Common & {
  mode: 'multiple';
  value?: string[];
  onChange?: (value: string[]) => void;
};

const optionOf = (hit: AgencySearchHit): Option => ({
  value: hit.id,
  label: hit.name,
  path: hit.path.map((p) => p.shortName).join(' › '),
});

/**
 * An agency chosen by the server's accent-insensitive search ("so tu phap" finds Sở Tư pháp);
 * the chosen ones show their short names, read once from the agency cache.
 */
export function AgencyPicker(props: Single | Multiple) {
  const { t } = useTranslation();
  const { id, placeholder, disabled, status, style } = props;
  const [hits, setHits] = useState<Option[]>([]);
  const [known, setKnown] = useState<Record<string, Option>>({});
  const [loading, setLoading] = useState(false);
  const [typed, setTyped] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const generation = useRef(0);

  const chosen = props.mode === 'multiple' ? (props.value ?? []) : props.value ? [props.value] : [];
  const chosenKey = chosen.join(',');

  // Names of the chosen agencies (a value set from outside has no option yet).
  useEffect(() => {
    let live = true;
    for (const agencyId of chosenKey.split(',').filter(Boolean)) {
      getAgency(agencyId).then(
        (a) =>
          live &&
          setKnown((prev) =>
            prev[a.id]
              ? prev
              : {
                  ...prev,
                  [a.id]: {
                    value: a.id,
                    label: a.name,
                    path: a.ancestors.map((x) => x.shortName).join(' › '),
                  },
                },
          ),
        () => {},
      );
    }
    return () => {
      live = false;
    };
  }, [chosenKey]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const search = (q: string) => {
    clearTimeout(timer.current);
    const text = q.trim();
    if (!text) {
      generation.current++;
      setHits([]);
      setTyped(false);
      setLoading(false);
      return;
    }
    timer.current = setTimeout(() => {
      const mine = ++generation.current;
      setLoading(true);
      searchAgencies(text)
        .then((found) => {
          if (mine !== generation.current) return;
          const options = found.map(optionOf);
          setHits(options);
          setTyped(true);
          setKnown((prev) => ({
            ...prev,
            ...Object.fromEntries(options.map((o) => [o.value, o])),
          }));
        })
        .catch(() => {})
        .finally(() => mine === generation.current && setLoading(false));
    }, 250);
  };

  const options = [
    ...chosen
      .filter((v) => !hits.some((h) => h.value === v))
      .map((v) => known[v] ?? { value: v, label: t('common.loading'), path: '' }),
    ...hits,
  ];

  return (
    <Select<string | string[]>
      id={id}
      mode={props.mode}
      value={props.mode === 'multiple' ? (props.value ?? []) : (props.value ?? undefined)}
      onChange={(v) => {
        if (props.mode === 'multiple') props.onChange?.(Array.isArray(v) ? v : []);
        else props.onChange?.(typeof v === 'string' ? v : null);
      }}
      showSearch={{ filterOption: false, onSearch: search }}
      onBlur={() => search('')}
      loading={loading}
      allowClear
      disabled={disabled}
      status={status}
      placeholder={placeholder ?? t('catalog.agencyPicker.placeholder')}
      notFoundContent={
        loading
          ? t('common.loading')
          : typed
            ? t('catalog.agencyPicker.none')
            : t('catalog.agencyPicker.hint')
      }
      options={options.map((o) => ({ value: o.value, label: o.label, path: o.path }))}
      optionRender={(o) => (
        <div style={{ whiteSpace: 'normal' }}>
          <div>{o.label}</div>
          {o.data.path && (
            <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.62)' }}>{o.data.path}</div>
          )}
        </div>
      )}
      style={{ width: '100%', ...style }}
      aria-label={props['aria-label']}
      aria-labelledby={props['aria-labelledby']}
      data-testid={props['data-testid']}
    />
  );
}
