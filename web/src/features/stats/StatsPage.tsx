import { FileExcelOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Flex, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorText } from '../../app/feedback';
import { useMe } from '../../app/session';
import { getAgency } from '../agencies/api';
import { excelUrl, getReport } from './api';
import { KpiCards } from './KpiCards';
import { formatDay, periodOf, type Preset, presets } from './periods';
import { statsScopeIds } from './scope';
import { type Filters, StatsFilters } from './StatsFilters';
import { StatsTable } from './StatsTable';
import type { GroupBy, Level, StatsQuery, StatsReport, StatsRow } from './types';

// echarts is the heavy part: it loads after the figures are on screen.
const StatsCharts = lazy(() => import('./StatsCharts'));

const groupBys: readonly GroupBy[] = ['agency', 'procedure', 'sector', 'month'];
const levels: readonly Level[] = ['province', 'district', 'commune'];

/** The filters live in the address bar: a report can be bookmarked, shared, reloaded. */
function filtersOf(params: URLSearchParams): Filters {
  const preset = (presets as readonly string[]).includes(params.get('preset') ?? '')
    ? (params.get('preset') as Preset)
    : params.get('from') && params.get('to')
      ? 'custom'
      : 'this_month';
  const year = Number(params.get('year')) || dayjs().year();
  const period = periodOf(preset, year);
  const groupBy = params.get('groupBy') as GroupBy;
  const level = params.get('level') as Level;
  return {
    preset,
    year,
    from: period?.[0] ?? params.get('from') ?? dayjs().startOf('month').format('YYYY-MM-DD'),
    to: period?.[1] ?? params.get('to') ?? dayjs().endOf('month').format('YYYY-MM-DD'),
    agencyId: params.get('agencyId') ?? undefined,
    sectorId: params.get('sectorId') ?? undefined,
    procedureId: params.get('procedureId') ?? undefined,
    level: levels.includes(level) ? level : undefined,
    groupBy: groupBys.includes(groupBy) ? groupBy : 'agency',
  };
}

type Crumb = { id: string; name: string };

/**
 * The one-stop report: for a period and an agency subtree (optionally a sector, a procedure,
 * a level), what was received, settled, is in progress, returned, refused, withdrawn; with
 * charts, drill-down from agency to child agency to procedure, and the Excel export.
 */
export default function StatsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersOf(params), [params]);
  const query: StatsQuery = useMemo(
    () => ({
      from: filters.from,
      to: filters.to,
      agencyId: filters.agencyId,
      sectorId: filters.sectorId,
      procedureId: filters.procedureId,
      level: filters.level,
      groupBy: filters.groupBy,
    }),
    [filters],
  );
  const [report, setReport] = useState<StatsReport | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [crumbs, setCrumbs] = useState<Crumb[]>([]);
  const generation = useRef(0);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const r = await getReport(query);
      if (mine !== generation.current) return;
      setReport(r);
      setError(null);
    } catch (err) {
      if (mine === generation.current) setError(errorText(err, t));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [query, t]);

  useEffect(() => {
    void load();
  }, [load]);

  // The breadcrumb: from the reader's scope root down to the agency reported on.
  const reportAgency = report?.agency;
  useEffect(() => {
    if (!reportAgency) return;
    let live = true;
    const roots = new Set(statsScopeIds(me));
    getAgency(reportAgency.id).then(
      (a) => {
        if (!live) return;
        const chain = [
          ...a.ancestors.map((x) => ({ id: x.id, name: x.shortName })),
          { id: a.id, name: a.shortName },
        ];
        const start = chain.findIndex((c) => roots.has(c.id));
        setCrumbs(start < 0 ? [chain.at(-1)!] : chain.slice(start));
      },
      () => live && setCrumbs([{ id: reportAgency.id, name: reportAgency.name }]),
    );
    return () => {
      live = false;
    };
  }, [reportAgency, me]);

  const update = (patch: Partial<Filters>) => {
    const next = { ...filters, ...patch };
    const p = new URLSearchParams();
    p.set('preset', next.preset);
    if (next.preset === 'custom') {
      p.set('from', next.from);
      p.set('to', next.to);
    }
    if (next.preset !== 'custom' && next.preset !== 'this_month' && next.preset !== 'last_month') {
      p.set('year', String(next.year));
    }
    for (const key of ['agencyId', 'sectorId', 'procedureId', 'level'] as const) {
      if (next[key]) p.set(key, next[key]);
    }
    if (next.groupBy !== 'agency') p.set('groupBy', next.groupBy);
    setParams(p);
  };

  const open = (row: StatsRow) => {
    if (row.hasChildren) update({ agencyId: row.key, groupBy: 'agency' });
    else update({ agencyId: row.key, groupBy: 'procedure' });
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('stats.title')}
        </Typography.Title>
        <Flex gap={8} wrap>
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>
            {t('common.refresh')}
          </Button>
          <Button
            type="primary"
            icon={<FileExcelOutlined />}
            href={excelUrl(query)}
            download
            data-testid="stats-excel"
          >
            {t('stats.excel')}
          </Button>
        </Flex>
      </Flex>
      <Card style={{ marginTop: 16 }}>
        <StatsFilters value={filters} onChange={update} />
      </Card>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
      <Flex vertical gap={16} style={{ marginTop: 16 }}>
        <div>
          <Breadcrumb
            data-testid="stats-breadcrumb"
            items={crumbs.map((c, i) => ({
              key: c.id,
              title:
                i < crumbs.length - 1 || filters.groupBy !== 'agency' ? (
                  <a
                    href={`#${c.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      update({ agencyId: c.id, groupBy: 'agency' });
                    }}
                  >
                    {c.name}
                  </a>
                ) : (
                  c.name
                ),
            }))}
          />
          <Typography.Text type="secondary" data-testid="stats-period">
            {t('stats.periodText', {
              from: formatDay(filters.from),
              to: formatDay(filters.to),
            })}
          </Typography.Text>
        </div>
        <KpiCards f={report?.total ?? null} loading={loading} />
        {report && report.total.total + report.total.returned > 0 && (
          <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
            <StatsCharts rows={report.rows} total={report.total} groupBy={report.groupBy} />
          </Suspense>
        )}
        <Card
          size="small"
          title={t('stats.tableTitle')}
          extra={<Typography.Text type="secondary">{t('stats.unit')}</Typography.Text>}
        >
          <StatsTable
            rows={report?.rows ?? []}
            total={report?.total ?? null}
            groupBy={report?.groupBy ?? filters.groupBy}
            loading={loading}
            onOpen={open}
          />
          {report?.groupBy === 'agency' && report.rows.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {t('stats.drillHint')}
            </Typography.Paragraph>
          )}
        </Card>
      </Flex>
    </>
  );
}
