import { Card, Flex, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { number, percent } from './StatsTable';
import type { StatsFigures } from './types';

/** The headline figures of the period. */
export function KpiCards({ f, loading }: { f: StatsFigures | null; loading: boolean }) {
  const { t } = useTranslation();
  const rated = f ? f.ratedVerySatisfied + f.ratedSatisfied + f.ratedNotSatisfied : 0;
  const satisfied = f ? f.ratedVerySatisfied + f.ratedSatisfied : 0;
  const cards = [
    {
      key: 'received',
      title: t('stats.kpi.received'),
      value: f?.received,
      note: f
        ? t('stats.kpi.receivedNote', { online: percent(f.onlineRatio), carried: f.carriedOver })
        : '',
    },
    {
      key: 'settled',
      title: t('stats.kpi.settled'),
      value: f?.settled,
      note: f
        ? t('stats.kpi.settledNote', { ratio: percent(f.onTimeRatio), late: f.settledLate })
        : '',
    },
    {
      key: 'inProgress',
      title: t('stats.kpi.inProgress'),
      value: f?.inProgress,
      note: f ? t('stats.kpi.inProgressNote', { overdue: f.inProgressOverdue }) : '',
      danger: (f?.inProgressOverdue ?? 0) > 0,
    },
    {
      key: 'returned',
      title: t('stats.kpi.returned'),
      value: f?.returned,
      note: f
        ? t('stats.kpi.returnedNote', { refused: f.refused, withdrawn: f.withdrawn + f.cancelled })
        : '',
    },
    {
      key: 'satisfaction',
      title: t('stats.kpi.satisfaction'),
      value: rated ? `${number(satisfied)}/${number(rated)}` : '—',
      note: f ? t('stats.kpi.satisfactionNote', { not: f.ratedNotSatisfied }) : '',
    },
  ];
  return (
    <Flex wrap gap={12} data-testid="stats-kpis">
      {cards.map((c) => (
        <Card key={c.key} size="small" style={{ flex: '1 1 160px' }} data-kpi={c.key}>
          <Statistic
            title={c.title}
            value={c.value ?? '—'}
            formatter={(v) => (typeof v === 'number' ? number(v) : String(v))}
            loading={loading && !f}
          />
          <Typography.Text type={c.danger ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
            {c.note}
          </Typography.Text>
        </Card>
      ))}
    </Flex>
  );
}
