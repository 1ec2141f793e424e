import { Input, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/feedback';
import { searchAgencies } from './api';
import type { AgencySearchHit } from './types';

/** Accent-insensitive server search ('long duc' finds 'Xã Long Đức'); a hit selects the agency. */
export function AgencySearch({ onPick }: { onPick: (id: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<AgencySearchHit[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    const text = q.trim();
    if (text.length < 2) {
      setHits(null);
      return;
    }
    const mine = ++seq.current;
    const timer = setTimeout(async () => {
      setLoading(true);
      try {
        const found = await searchAgencies(text);
        if (mine === seq.current) {
          setHits(found);
          setError(null);
        }
      } catch (err) {
        if (mine === seq.current) setError(errorText(err, t));
      } finally {
        if (mine === seq.current) setLoading(false);
      }
    }, 300);
    return () => clearTimeout(timer);
  }, [q, t]);

  return (
    <div role="search">
      <Input.Search
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t('agencies.searchPlaceholder')}
        aria-label={t('agencies.search')}
        allowClear
        loading={loading}
        data-testid="agency-search"
      />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {hits &&
        (hits.length === 0 ? (
          <div className="op-list op-list-empty" style={{ marginTop: 8 }}>
            {t('agencies.noHits')}
          </div>
        ) : (
          <ul
            className="op-list"
            style={{ marginTop: 8, maxHeight: 280 }}
            data-testid="agency-search-results"
          >
            {hits.map((hit) => (
              <li key={hit.id}>
                <button
                  type="button"
                  onClick={() => {
                    onPick(hit.id);
                    setQ('');
                  }}
                  className="op-link-button"
                  data-testid="agency-search-hit"
                >
                  <Typography.Text strong>{hit.shortName}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {hit.path
                      .filter((p) => p.id !== hit.id)
                      .map((p) => p.shortName)
                      .join(' › ')}
                  </Typography.Text>
                </button>
              </li>
            ))}
          </ul>
        ))}
    </div>
  );
}
