import { Alert, Card, DatePicker, Flex, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/feedback';
import { AgencyTreeSelect } from '../agencies/AgencyTreeSelect';
import { getStats } from './api';
import type { Breakdown, PkiCounts } from './types';

const measures = ['active', 'issued', 'revoked'] as const;
const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

/** Certificates active / issued / revoked in a period, by key storage and holder. */
export function PkiStats() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const [agencyId, setAgencyId] = useState<string | undefined>();
  const [data, setData] = useState<PkiCounts | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    getStats({ from: iso(range[0]), to: iso(range[1]), agencyId }).then(
      (d) => live && (setData(d), setError(null)),
      (err: unknown) => live && setError(errorText(err, t)),
    );
    return () => {
      live = false;
    };
  }, [range, agencyId, t]);

  const row = (key: (typeof measures)[number], b: Breakdown) => ({
    key,
    measure: t(`pki.stats.${key}`),
    total: b.total,
    remote: b.byKeyKind.remote,
    usb_token: b.byKeyKind.usb_token,
    sim_pki: b.byKeyKind.sim_pki,
    person: b.byHolderKind.person,
    agency: b.byHolderKind.agency,
  });

  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
        <span>{t('pki.stats.period')}</span>
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          format="DD/MM/YYYY"
          aria-label={t('pki.stats.period')}
        />
        <AgencyTreeSelect
          allowClear
          value={agencyId}
          onChange={setAgencyId}
          placeholder={t('pki.stats.agency')}
          aria-label={t('pki.stats.agency')}
        />
      </Flex>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Flex gap={12} wrap style={{ marginBottom: 16 }} data-testid="pki-kpis">
        {measures.map((m) => (
          <Card key={m} size="small" style={{ flex: '1 1 180px' }}>
            <Statistic
              title={t(`pki.stats.${m}`)}
              value={data?.[m].total ?? '—'}
              loading={!data && !error}
            />
          </Card>
        ))}
      </Flex>
      <Table
        size="middle"
        pagination={false}
        dataSource={data ? measures.map((m) => row(m, data[m])) : []}
        loading={!data && !error}
        scroll={{ x: 700 }}
        columns={[
          { key: 'measure', dataIndex: 'measure', title: t('pki.stats.measure') },
          { key: 'total', dataIndex: 'total', title: t('pki.stats.total'), align: 'right' },
          {
            key: 'remote',
            dataIndex: 'remote',
            title: t('pki.keyKindShort.remote'),
            align: 'right',
          },
          {
            key: 'usb',
            dataIndex: 'usb_token',
            title: t('pki.keyKindShort.usb_token'),
            align: 'right',
          },
          {
            key: 'sim',
            dataIndex: 'sim_pki',
            title: t('pki.keyKindShort.sim_pki'),
            align: 'right',
          },
          { key: 'person', dataIndex: 'person', title: t('pki.stats.person'), align: 'right' },
          { key: 'agency', dataIndex: 'agency', title: t('pki.stats.agencyKind'), align: 'right' },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {data
          ? `${dayjs(data.from).format('DD/MM/YYYY')} – ${dayjs(data.to).format('DD/MM/YYYY')}`
          : ''}
      </Typography.Paragraph>
    </>
  );
}
