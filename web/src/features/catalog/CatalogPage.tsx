import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { errorText } from '../../app/feedback';
import { AgencyPicker } from './AgencyPicker';
import { searchProcedures } from './api';
import { ProcedureEditor } from './editor/ProcedureEditor';
import { SectorSelect } from './editor/SectorSelect';
import { feeLabel, LevelTags, OnlineClassTag, timeLabel } from './labels';
import {
  type Level,
  levels,
  type OnlineClass,
  onlineClasses,
  type ProcedureHit,
  type ProcedurePage,
} from './types';
import './catalog.css';

const PAGE_SIZE = 20;
const CREATE = { kind: 'create' } as const;

/** The catalogue for the department admin: search, filters, a page of procedures, a new one. */
export default function CatalogPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const sectorId = params.get('sectorId') ?? undefined;
  const level = (params.get('level') as Level | null) ?? undefined;
  const onlineClass = (params.get('onlineClass') as OnlineClass | null) ?? undefined;
  const agencyId = params.get('agencyId') ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [qInput, setQInput] = useState(q);
  const [result, setResult] = useState<ProcedurePage | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const generation = useRef(0);

  const setParam = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };

  // Typing searches after a pause; the URL keeps the query for back navigation.
  useEffect(() => {
    if (qInput.trim() === q) return;
    const timer = setTimeout(() => setParam({ q: qInput.trim() || undefined }), 350);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [qInput]);

  useEffect(() => {
    const mine = ++generation.current;
    setLoading(true);
    searchProcedures({
      q: q || undefined,
      sectorId,
      level,
      onlineClass,
      agencyId,
      page,
      pageSize: PAGE_SIZE,
    })
      .then((r) => {
        if (mine !== generation.current) return;
        setResult(r);
        setError(null);
      })
      .catch((err) => mine === generation.current && setError(errorText(err, t)))
      .finally(() => mine === generation.current && setLoading(false));
  }, [q, sectorId, level, onlineClass, agencyId, page, t]);

  const filtered = Boolean(q || sectorId || level || onlineClass || agencyId);
  const search = params.toString();
  const columns = useMemo(
    () => [
      {
        key: 'code',
        title: t('catalog.prop.code'),
        width: 100,
        render: (_: unknown, p: ProcedureHit) => <span className="op-mono">{p.code}</span>,
      },
      {
        key: 'name',
        title: t('catalog.prop.name'),
        render: (_: unknown, p: ProcedureHit) => (
          <>
            <Link to={`/catalog/${p.id}`} state={{ from: search }} data-testid="procedure-link">
              {p.name}
            </Link>
            {p.external && <Tag style={{ marginInlineStart: 8 }}>{t('catalog.externalTag')}</Tag>}
          </>
        ),
      },
      {
        key: 'sector',
        title: t('catalog.prop.sector'),
        width: 150,
        render: (_: unknown, p: ProcedureHit) => p.sectorName,
      },
      {
        key: 'levels',
        title: t('catalog.prop.levels'),
        width: 100,
        render: (_: unknown, p: ProcedureHit) => <LevelTags value={p.levels} />,
      },
      {
        key: 'online',
        title: t('catalog.prop.onlineClass'),
        width: 150,
        render: (_: unknown, p: ProcedureHit) => <OnlineClassTag value={p.onlineClass} />,
      },
      {
        key: 'time',
        title: t('catalog.prop.time'),
        width: 120,
        render: (_: unknown, p: ProcedureHit) => timeLabel(t, p.processingTime, p.timeUnit),
      },
      {
        key: 'fee',
        title: t('catalog.prop.fee'),
        width: 100,
        align: 'right' as const,
        render: (_: unknown, p: ProcedureHit) => feeLabel(t, p.feeVnd),
      },
    ],
    [t, search],
  );

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('catalog.title')}
        </Typography.Title>
        <Space wrap>
          <Button
            icon={<SettingOutlined />}
            onClick={() => navigate('/catalog/settings')}
            data-testid="catalog-settings-link"
          >
            {t('catalog.settingsLink')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="procedure-create"
          >
            {t('catalog.create')}
          </Button>
        </Space>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('catalog.intro')}
      </Typography.Paragraph>
      <Card>
        <div role="search" className="op-cat-filters">
          <Input.Search
            value={qInput}
            onChange={(e) => setQInput(e.target.value)}
            onSearch={(v) => setParam({ q: v.trim() || undefined })}
            placeholder={t('catalog.filter.qPlaceholder')}
            aria-label={t('catalog.filter.q')}
            allowClear
            data-testid="catalog-search"
            style={{ gridColumn: 'span 2' }}
          />
          <SectorSelect
            value={sectorId}
            onChange={(v) => setParam({ sectorId: v })}
            allowClear
            placeholder={t('catalog.filter.sectorAll')}
            aria-label={t('catalog.prop.sector')}
            data-testid="catalog-filter-sector"
          />
          <Select
            value={level}
            onChange={(v: Level | undefined) => setParam({ level: v })}
            allowClear
            placeholder={t('catalog.filter.levelAll')}
            aria-label={t('catalog.prop.levels')}
            options={levels.map((l) => ({ value: l, label: t(`catalog.level.${l}`) }))}
          />
          <Select
            value={onlineClass}
            onChange={(v: OnlineClass | undefined) => setParam({ onlineClass: v })}
            allowClear
            placeholder={t('catalog.filter.onlineAll')}
            aria-label={t('catalog.prop.onlineClass')}
            options={onlineClasses.map((c) => ({ value: c, label: t(`catalog.onlineClass.${c}`) }))}
          />
          <AgencyPicker
            value={agencyId}
            onChange={(v) => setParam({ agencyId: v ?? undefined })}
            placeholder={t('catalog.filter.agencyAll')}
            aria-label={t('catalog.filter.agency')}
          />
          {filtered && (
            <Button
              style={{ justifySelf: 'start' }}
              onClick={() => {
                setQInput('');
                setParams(new URLSearchParams(), { replace: true });
              }}
            >
              {t('common.reset')}
            </Button>
          )}
        </div>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Table<ProcedureHit>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={result?.items ?? []}
          columns={columns}
          scroll={{ x: 960 }}
          data-testid="catalog-table"
          locale={{ emptyText: t('catalog.noResults') }}
          onRow={(p) => ({
            onClick: (e) => {
              // the name is a link already; elsewhere on the row opens it too
              if (!(e.target as HTMLElement).closest('a'))
                navigate(`/catalog/${p.id}`, { state: { from: search } });
            },
            style: { cursor: 'pointer' },
          })}
          pagination={{
            current: result?.page ?? page,
            pageSize: PAGE_SIZE,
            total: result?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('catalog.total', { count: total }),
            onChange: (p) => setParam({ page: p > 1 ? String(p) : undefined }),
          }}
        />
      </Card>
      <ProcedureEditor
        target={creating ? CREATE : null}
        onClose={() => setCreating(false)}
        onSaved={({ procedureId }) => {
          setCreating(false);
          navigate(`/catalog/${procedureId}`);
        }}
      />
    </>
  );
}
