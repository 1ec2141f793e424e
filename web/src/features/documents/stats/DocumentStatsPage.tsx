import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Flex, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from '../../../app/feedback';
import { useSession } from '../../../app/session';
import { AgencyTreeSelect } from '../../agencies/AgencyTreeSelect';
import { type DocumentStats, getDocumentStats } from './api';
import { DocumentStatsKpis } from './DocumentStatsKpis';
import { DocumentStatsTables } from './DocumentStatsTables';

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

/**
 * The figures of the department's report on electronic documents for a period: documents
 * issued and digitally signed (by signer, agency, agency kind), the communes that only
 * receive, incoming handled on time or late — each with its rate.
 */
export default function DocumentStatsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const [agencyId, setAgencyId] = useState<string | undefined>();
  const [data, setData] = useState<DocumentStats | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const next = await getDocumentStats({ from: iso(range[0]), to: iso(range[1]), agencyId });
      if (mine !== generation.current) return;
      setData(next);
      setError(null);
    } catch (err) {
      if (mine === generation.current) setError(errorText(err, t));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [range, agencyId, t]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      {can('document.read') && (
        <Link to="/documents">
          <ArrowLeftOutlined /> {t('documents.backToList')}
        </Link>
      )}
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 8 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('documents.stats.title')}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>
          {t('common.refresh')}
        </Button>
      </Flex>
      <Card style={{ marginTop: 16 }}>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
          <span>{t('documents.stats.period')}</span>
          <span data-testid="doc-stats-period">
            <DatePicker.RangePicker
              value={range}
              allowClear={false}
              onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
              // dd/mm/yyyy in both languages, as the line under the figures (antd's English is US)
              format="DD/MM/YYYY"
              aria-label={t('documents.stats.period')}
            />
          </span>
          <AgencyTreeSelect
            allowClear
            value={agencyId}
            onChange={setAgencyId}
            placeholder={t('documents.stats.scope')}
            aria-label={t('documents.stats.scope')}
            style={{ minWidth: 280 }}
            data-testid="doc-stats-agency"
          />
        </Flex>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <DocumentStatsKpis s={data} loading={loading} />
        <Typography.Paragraph
          type="secondary"
          style={{ marginTop: 8 }}
          data-testid="doc-stats-range"
        >
          {data
            ? t('documents.stats.range', {
                from: dayjs(data.from).format('DD/MM/YYYY'),
                to: dayjs(data.to).format('DD/MM/YYYY'),
              })
            : ''}
        </Typography.Paragraph>
      </Card>
      <div style={{ marginTop: 16 }}>
        {data ? <DocumentStatsTables s={data} /> : !error && <Skeleton active />}
      </div>
    </>
  );
}
