import { Alert, Card, Col, Flex, Pagination, Row, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorText } from '../../../app/feedback';
import { type SearchPage as Page, searchDocuments } from './api';
import { SavedSearches } from './SavedSearches';
import { type Criteria, SearchFilters } from './SearchFilters';
import { SearchResults } from './SearchResults';

const PAGE = 20;
const keys = ['q', 'direction', 'typeKey', 'agencyId', 'from', 'to', 'signer'] as const;

/** Full-text search over what the reader may see, its criteria kept in the address. */
export default function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const criteria = useMemo<Criteria>(
    () => Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined])),
    [params],
  );
  const page = Number(params.get('page') ?? '1') || 1;
  const [result, setResult] = useState<Page | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setLoading(true);
    searchDocuments({ ...criteria, limit: PAGE, offset: (page - 1) * PAGE })
      .then(
        (r) => live && (setResult(r), setError(null)),
        (err: unknown) => live && setError(errorText(err, t)),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [criteria, page, t]);

  const apply = (next: Criteria) => {
    const p = new URLSearchParams();
    for (const k of keys) {
      const v = next[k]?.trim();
      if (v) p.set(k, v);
    }
    setParams(p, { replace: true });
  };

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('documents.search.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={18}>
          <Card>
            <SearchFilters value={criteria} onSearch={apply} />
            {error && <Alert type="error" showIcon title={error} style={{ margin: '12px 0' }} />}
            <Typography.Paragraph
              type="secondary"
              style={{ margin: '12px 0 8px' }}
              data-testid="search-total"
            >
              {result
                ? t(
                    result.isTotalCapped
                      ? 'documents.search.totalCapped'
                      : 'documents.search.total',
                    {
                      count: result.total,
                    },
                  )
                : ''}
            </Typography.Paragraph>
            <SearchResults items={result?.items ?? []} loading={loading} />
            {result && result.total > PAGE && (
              <Flex justify="end" style={{ marginTop: 12 }}>
                <Pagination
                  current={page}
                  pageSize={PAGE}
                  total={result.total}
                  showSizeChanger={false}
                  onChange={(p) => {
                    const next = new URLSearchParams(params);
                    next.set('page', String(p));
                    setParams(next, { replace: true });
                  }}
                />
              </Flex>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={6}>
          <SavedSearches current={criteria} onRun={apply} />
        </Col>
      </Row>
    </>
  );
}
