import { SearchOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Col,
  Empty,
  Flex,
  Input,
  Pagination,
  Row,
  Select,
  Skeleton,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { errorText } from '../../app/feedback';
import { fold } from '../../app/format';
import { listSectors, searchProcedures } from './api';
import { feeText, processingTimeText, procedurePath } from './labels';
import { OnlineClassTag } from './tags';
import type { Level, OnlineClass, ProcedurePage, Sector } from './types';

const PAGE_SIZE = 20;
const levels: Level[] = ['province', 'district', 'commune'];
const onlineClasses: OnlineClass[] = ['full', 'partial', 'info'];

/** The catalogue of procedures: words with or without diacritics, filters, pages (all in the URL). */
export default function PortalHome() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const sectorId = params.get('sector') ?? undefined;
  const level = (levels as string[]).includes(params.get('level') ?? '')
    ? (params.get('level') as Level)
    : undefined;
  const onlineClass = (onlineClasses as string[]).includes(params.get('online') ?? '')
    ? (params.get('online') as OnlineClass)
    : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);

  const [text, setText] = useState(q);
  const [sectors, setSectors] = useState<Sector[]>([]);
  const [result, setResult] = useState<ProcedurePage | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setText(q), [q]);

  useEffect(() => {
    listSectors(level)
      .then((list) => setSectors(list.items.filter((s) => s.procedureCount > 0)))
      .catch(() => setSectors([]));
  }, [level]);

  useEffect(() => {
    let stale = false;
    setLoading(true);
    searchProcedures({
      q: q.trim() || undefined,
      sectorId,
      level,
      onlineClass,
      page,
      pageSize: PAGE_SIZE,
    })
      .then((r) => {
        if (stale) return;
        setResult(r);
        setError(null);
      })
      .catch((err) => !stale && setError(errorText(err, t)))
      .finally(() => !stale && setLoading(false));
    return () => {
      stale = true;
    };
  }, [q, sectorId, level, onlineClass, page, t]);

  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };

  const sectorOptions = useMemo(
    () =>
      sectors.map((s) => ({
        value: s.id,
        label: `${s.name} (${s.procedureCount})`,
        search: fold(s.name),
      })),
    [sectors],
  );
  const filtered = Boolean(q || sectorId || level || onlineClass);

  return (
    <>
      <section className="portal-hero" aria-labelledby="portal-home-title">
        <Typography.Title level={1} id="portal-home-title" className="portal-hero-title">
          {t('portal.home.title')}
        </Typography.Title>
        <Typography.Paragraph className="portal-hero-text">
          {t('portal.home.intro')}
        </Typography.Paragraph>
        <form
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            update({ q: text.trim() || undefined });
          }}
        >
          <label htmlFor="portal-search" className="sr-only">
            {t('portal.home.searchLabel')}
          </label>
          <Flex gap={8}>
            <Input
              id="portal-search"
              size="large"
              allowClear
              prefix={<SearchOutlined aria-hidden />}
              placeholder={t('portal.home.searchPlaceholder')}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                if (e.target.value === '' && q) update({ q: undefined });
              }}
              data-testid="procedure-search"
            />
            <Button
              size="large"
              type="primary"
              htmlType="submit"
              data-testid="procedure-search-submit"
            >
              {t('portal.home.search')}
            </Button>
          </Flex>
        </form>
        <Row gutter={[8, 8]} style={{ marginTop: 12 }}>
          <Col xs={24} md={10}>
            <Select
              allowClear
              showSearch={{
                filterOption: (input, option) => (option?.search ?? '').includes(fold(input)),
              }}
              style={{ width: '100%' }}
              aria-label={t('portal.filter.sector')}
              placeholder={t('portal.filter.sectorAll')}
              value={sectorId}
              options={sectorOptions}
              onChange={(v: string | undefined) => update({ sector: v })}
              data-testid="filter-sector"
            />
          </Col>
          <Col xs={12} md={7}>
            <Select
              allowClear
              style={{ width: '100%' }}
              aria-label={t('portal.filter.level')}
              placeholder={t('portal.filter.levelAll')}
              value={level}
              options={levels.map((l) => ({ value: l, label: t(`portal.level.${l}`) }))}
              onChange={(v: string | undefined) => update({ level: v })}
              data-testid="filter-level"
            />
          </Col>
          <Col xs={12} md={7}>
            <Select
              allowClear
              style={{ width: '100%' }}
              aria-label={t('portal.filter.online')}
              placeholder={t('portal.filter.onlineAll')}
              value={onlineClass}
              options={onlineClasses.map((c) => ({
                value: c,
                label: t(`portal.onlineClass.${c}`),
              }))}
              onChange={(v: string | undefined) => update({ online: v })}
              data-testid="filter-online"
            />
          </Col>
        </Row>
      </section>

      <section aria-labelledby="portal-results-title" style={{ marginTop: 24 }}>
        <Flex justify="space-between" align="baseline" wrap gap={8}>
          <Typography.Title level={2} id="portal-results-title" style={{ margin: 0, fontSize: 20 }}>
            {t('portal.home.results')}
          </Typography.Title>
          <Flex gap={12} align="baseline">
            {result && (
              <Typography.Text type="secondary" role="status" data-testid="procedure-total">
                {t('portal.home.total', { count: result.total })}
              </Typography.Text>
            )}
            {filtered && (
              <Button type="link" size="small" onClick={() => setParams(new URLSearchParams())}>
                {t('portal.filter.clear')}
              </Button>
            )}
          </Flex>
        </Flex>
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
        {loading && !result ? (
          <Skeleton active style={{ marginTop: 16 }} />
        ) : result && result.items.length === 0 ? (
          <Empty description={t('portal.home.none')} style={{ margin: '32px 0' }} />
        ) : (
          <ul className="portal-cards" aria-busy={loading} data-testid="procedure-results">
            {result?.items.map((p) => (
              <li key={p.id} className="portal-card" data-code={p.code}>
                <Link to={procedurePath(p.code)} className="portal-card-title">
                  {p.name}
                </Link>
                <Flex gap={6} wrap align="center" className="portal-card-tags">
                  <OnlineClassTag value={p.onlineClass} />
                  <Typography.Text type="secondary">{p.sectorName}</Typography.Text>
                </Flex>
                <dl className="portal-facts">
                  <div>
                    <dt>{t('portal.procedure.code')}</dt>
                    <dd>{p.code}</dd>
                  </div>
                  <div>
                    <dt>{t('portal.procedure.level')}</dt>
                    <dd>{p.levels.map((l) => t(`portal.level.${l}`)).join(', ') || '—'}</dd>
                  </div>
                  <div>
                    <dt>{t('portal.procedure.time')}</dt>
                    <dd>{processingTimeText(t, p.processingTime, p.timeUnit)}</dd>
                  </div>
                  <div>
                    <dt>{t('portal.procedure.fee')}</dt>
                    <dd>{feeText(t, p.feeVnd)}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        )}
        {result && result.total > PAGE_SIZE && (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Pagination
              current={page}
              pageSize={PAGE_SIZE}
              total={result.total}
              showSizeChanger={false}
              responsive
              showLessItems
              onChange={(p) => {
                update({ page: String(p) });
                window.scrollTo({ top: 0 });
              }}
            />
          </Flex>
        )}
      </section>
    </>
  );
}
