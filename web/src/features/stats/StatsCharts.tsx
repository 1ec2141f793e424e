import { Card, Col, Grid, Row } from 'antd';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import { EChart } from './EChart';
import { monthName, number, percent } from './StatsTable';
import type { GroupBy, StatsFigures, StatsRow } from './types';

// Only what these charts use: the page's chunk stays far below the full echarts build.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  SVGRenderer,
]);

const colors = {
  early: '#237804',
  onTime: '#52c41a',
  late: '#cf1322',
  notDue: '#1677ff',
  overdue: '#fa8c16',
  online: '#0b5cad',
  desk: '#13a8a8',
  post: '#9254de',
};

/** Rows beyond this are summed up in the table only: a bar chart of 200 names says nothing. */
const MAX_BARS = 15;

/** Chart labels are short: "Ủy ban nhân dân huyện Trà Cú" reads "UBND huyện Trà Cú". */
const shorten = (s: string, n = 30) => {
  const short = s.replace(/^Ủy ban nhân dân /, 'UBND ');
  return short.length > n ? `${short.slice(0, n - 1)}…` : short;
};

/**
 * Settled early / on time / late and in progress per row (stacked bars), the channels of
 * the new dossiers (pie) and, by month, the trend of received and settled dossiers.
 */
export default function StatsCharts({
  rows,
  total,
  groupBy,
}: {
  rows: StatsRow[];
  total: StatsFigures;
  groupBy: GroupBy;
}) {
  const { t } = useTranslation();
  const narrow = !(Grid.useBreakpoint().md ?? true);
  const name = (r: StatsRow) => (groupBy === 'month' ? monthName(t, r.key) : r.name);
  const shown = groupBy === 'month' ? rows : rows.slice(0, MAX_BARS);
  // horizontal bars read better with long agency and procedure names
  const horizontal = groupBy !== 'month';
  const categories = shown.map((r) => shorten(name(r)));
  const series = (
    [
      ['settledEarly', 'stats.col.early', colors.early],
      ['settledOnTime', 'stats.col.onTime', colors.onTime],
      ['settledLate', 'stats.col.late', colors.late],
      ['inProgressNotDue', 'stats.chart.inProgressNotDue', colors.notDue],
      ['inProgressOverdue', 'stats.chart.inProgressOverdue', colors.overdue],
    ] as const
  ).map(([key, label, color]) => ({
    name: t(label),
    type: 'bar' as const,
    stack: 'all',
    itemStyle: { color },
    emphasis: { focus: 'series' as const },
    barMaxWidth: 40,
    data: shown.map((r) => r[key]),
  }));

  const categoryAxis = {
    type: 'category' as const,
    data: categories,
    inverse: horizontal,
    axisLabel: { width: narrow ? 96 : 180, overflow: 'truncate' as const },
  };
  const valueAxis = {
    type: 'value' as const,
    minInterval: 1,
    axisLabel: { formatter: (v: number) => number(v) },
  };
  const barOption = {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: number) => number(v),
    },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series,
  };
  // an empty channel would only draw a "0%" label on its leader line
  const channels = [
    {
      name: t('stats.col.online'),
      value: total.receivedOnline,
      itemStyle: { color: colors.online },
    },
    {
      name: t('stats.col.desk'),
      value: total.receivedDesk,
      itemStyle: { color: colors.desk },
    },
    {
      name: t('stats.col.post'),
      value: total.receivedPost,
      itemStyle: { color: colors.post },
    },
  ].filter((d) => d.value > 0);
  const pieOption = {
    tooltip: { trigger: 'item', valueFormatter: (v: number) => number(v) },
    legend: {
      bottom: 0,
      formatter: (name: string) => {
        const value = channels.find((c) => c.name === name)?.value ?? 0;
        return `${name}: ${number(value)}`;
      },
    },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        // percentages inside the ring; a slice too thin for its label goes without
        label: {
          position: 'inside',
          formatter: (p: { percent: number }) => percent(p.percent / 100),
          color: '#fff',
          fontWeight: 600,
        },
        minShowLabelAngle: 18,
        data: channels,
      },
    ],
  };
  const trendOption = {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => number(v) },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => monthName(t, r.key)) },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => number(v) } },
    series: [
      {
        name: t('stats.chart.received'),
        type: 'line',
        smooth: true,
        data: rows.map((r) => r.received),
        itemStyle: { color: colors.online },
      },
      {
        name: t('stats.chart.settled'),
        type: 'line',
        smooth: true,
        data: rows.map((r) => r.settled),
        itemStyle: { color: colors.early },
      },
      {
        name: t('stats.chart.settledLate'),
        type: 'line',
        smooth: true,
        data: rows.map((r) => r.settledLate),
        itemStyle: { color: colors.late },
      },
    ],
  };
  const barHeight = horizontal ? Math.max(220, 60 + shown.length * 28) : 300;

  return (
    <Row gutter={[16, 16]} data-testid="stats-charts">
      <Col xs={24} xl={16}>
        <Card
          size="small"
          title={
            horizontal && rows.length > MAX_BARS
              ? t('stats.chart.barsTop', { count: MAX_BARS })
              : t('stats.chart.bars')
          }
        >
          <EChart
            option={barOption}
            style={{ height: barHeight, width: '100%' }}
            label={t('stats.chart.bars')}
          />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card size="small" title={t('stats.chart.channels')}>
          <EChart
            option={pieOption}
            style={{ height: 300, width: '100%' }}
            label={t('stats.chart.channels')}
          />
        </Card>
      </Col>
      {groupBy === 'month' && (
        <Col xs={24}>
          <Card size="small" title={t('stats.chart.trend')}>
            <EChart
              option={trendOption}
              style={{ height: 300, width: '100%' }}
              label={t('stats.chart.trend')}
            />
          </Card>
        </Col>
      )}
    </Row>
  );
}
