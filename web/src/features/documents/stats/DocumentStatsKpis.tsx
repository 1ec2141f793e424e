import { Card, Flex, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { number, percent } from '../../stats/StatsTable';
import { type DocumentStats, ratio } from './api';

/** The headline figures, worded as in the department's report, each with its rate. */
export function DocumentStatsKpis({ s, loading }: { s: DocumentStats | null; loading: boolean }) {
  const { t } = useTranslation();
  const handled = s ? s.incoming.onTime + s.incoming.late : 0;
  const cards = [
    {
      key: 'issued',
      value: s ? number(s.issued) : '—',
      note: s ? t('documents.stats.kpi.issuedNote', { agencies: s.byAgency.length }) : '',
    },
    {
      key: 'signed',
      value: s ? number(s.digitallySigned) : '—',
      note:
        s && s.issued > 0
          ? t('documents.stats.kpi.signedNote', {
              rate: percent(ratio(s.digitallySigned, s.issued)),
            })
          : '',
    },
    {
      key: 'received',
      value: s ? number(s.incoming.received) : '—',
      note: s ? t('documents.stats.kpi.receivedNote', { handled: number(handled) }) : '',
    },
    {
      key: 'onTime',
      value: s ? percent(ratio(s.incoming.onTime, handled)) : '—',
      note: s
        ? t('documents.stats.kpi.onTimeNote', {
            onTime: number(s.incoming.onTime),
            late: number(s.incoming.late),
          })
        : '',
      danger: (s?.incoming.late ?? 0) > 0,
    },
    {
      key: 'receiveOnly',
      value: s ? `${number(s.communes.receiveOnly)}/${number(s.communes.total)}` : '—',
      note:
        s && s.communes.total > 0
          ? t('documents.stats.kpi.receiveOnlyNote', {
              rate: percent(ratio(s.communes.receiveOnly, s.communes.total)),
            })
          : '',
    },
  ];
  return (
    <Flex wrap gap={12} data-testid="doc-stats-kpis">
      {cards.map((c) => (
        <Card key={c.key} size="small" style={{ flex: '1 1 180px' }} data-kpi={c.key}>
          <Statistic
            title={t(`documents.stats.kpi.${c.key}`)}
            value={c.value}
            loading={loading && !s}
          />
          <Typography.Text
            type={c.danger ? 'danger' : 'secondary'}
            style={{ fontSize: 12 }}
            data-testid="kpi-note"
          >
            {c.note}
          </Typography.Text>
        </Card>
      ))}
    </Flex>
  );
}
