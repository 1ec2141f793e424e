import { RightOutlined } from '@ant-design/icons';
import { Button, Grid, Table, type TableColumnsType, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import type { GroupBy, StatsFigures, StatsRow } from './types';

type Leaf = { key: keyof StatsFigures; title: string };
type Group = { title: string; children: (Leaf | Group)[] };

const isLeaf = (c: Leaf | Group): c is Leaf => 'key' in c;

/** The report's columns, grouped as in the Vietnamese one-stop report (and its Excel). */
function layout(t: TFunction): (Leaf | Group)[] {
  const c = (key: keyof StatsFigures, title: string): Leaf => ({ key, title: t(title) });
  return [
    {
      title: t('stats.col.receivedGroup'),
      children: [
        c('total', 'stats.col.total'),
        c('carriedOver', 'stats.col.carriedOver'),
        {
          title: t('stats.col.newGroup'),
          children: [
            c('receivedOnline', 'stats.col.online'),
            c('receivedDesk', 'stats.col.desk'),
            c('receivedPost', 'stats.col.post'),
          ],
        },
      ],
    },
    {
      title: t('stats.col.resultGroup'),
      children: [
        {
          title: t('stats.col.settledGroup'),
          children: [
            c('settled', 'stats.col.total'),
            c('settledEarly', 'stats.col.early'),
            c('settledOnTime', 'stats.col.onTime'),
            c('settledLate', 'stats.col.late'),
          ],
        },
        {
          title: t('stats.col.inProgressGroup'),
          children: [
            c('inProgress', 'stats.col.total'),
            c('inProgressNotDue', 'stats.col.notDue'),
            c('inProgressOverdue', 'stats.col.overdue'),
          ],
        },
      ],
    },
    {
      title: t('stats.col.notSettledGroup'),
      children: [
        c('refused', 'stats.col.refused'),
        c('withdrawn', 'stats.col.withdrawn'),
        c('cancelled', 'stats.col.cancelled'),
      ],
    },
    { title: t('stats.col.returnedGroup'), children: [c('returned', 'stats.col.returned')] },
    {
      title: t('stats.col.ratingGroup'),
      children: [
        c('ratedVerySatisfied', 'stats.col.verySatisfied'),
        c('ratedSatisfied', 'stats.col.satisfied'),
        c('ratedNotSatisfied', 'stats.col.notSatisfied'),
      ],
    },
    {
      title: t('stats.col.ratioGroup'),
      children: [
        c('onlineRatio', 'stats.col.onlineRatio'),
        c('onTimeRatio', 'stats.col.onTimeRatio'),
      ],
    },
  ];
}

const leavesOf = (cols: (Leaf | Group)[]): Leaf[] =>
  cols.flatMap((c) => (isLeaf(c) ? [c] : leavesOf(c.children)));

const locale = () => (currentLanguage() === 'en' ? 'en-GB' : 'vi-VN');
export const percent = (x: number | null) =>
  x === null
    ? '—'
    : `${new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(x * 100)} %`;
export const number = (x: number) => new Intl.NumberFormat(locale()).format(x);

function cell(f: StatsFigures, key: keyof StatsFigures) {
  const v = f[key];
  const text = key === 'onlineRatio' || key === 'onTimeRatio' ? percent(v) : number(v ?? 0);
  const alert = key === 'settledLate' || key === 'inProgressOverdue';
  return (
    <span data-col={key} style={alert && v ? { color: '#a8071a', fontWeight: 600 } : undefined}>
      {text}
    </span>
  );
}

/**
 * The report table: grouped headers, one row per group and a total row. Agency rows open
 * into their children, or into their procedures when they have none.
 */
export function StatsTable({
  rows,
  total,
  groupBy,
  loading,
  onOpen,
}: {
  rows: StatsRow[];
  total: StatsFigures | null;
  groupBy: GroupBy;
  loading: boolean;
  onOpen: (row: StatsRow) => void;
}) {
  const { t } = useTranslation();
  // On a phone, columns fixed at the left would cover the figures they label.
  const wide = Grid.useBreakpoint().md ?? true;
  const cols = layout(t);
  const leaves = leavesOf(cols);
  const toColumn = (c: Leaf | Group, i: number): TableColumnsType<StatsRow>[number] =>
    isLeaf(c)
      ? {
          key: c.key,
          title: c.title,
          align: 'right',
          width: c.key === 'onlineRatio' || c.key === 'onTimeRatio' ? 96 : 84,
          render: (_, r) => cell(r, c.key),
        }
      : {
          key: `g${i}-${c.title}`,
          title: c.title,
          align: 'center',
          children: c.children.map(toColumn),
        };

  const columns: TableColumnsType<StatsRow> = [
    {
      key: 'stt',
      title: t('stats.col.stt'),
      width: 52,
      align: 'center',
      fixed: wide ? 'left' : undefined,
      render: (_, __, i) => i + 1,
    },
    {
      key: 'name',
      title: t(`stats.groupTitle.${groupBy}`),
      width: wide ? 260 : 170,
      fixed: wide ? 'left' : undefined,
      render: (_, r) =>
        groupBy === 'agency' ? (
          <Button
            type="link"
            onClick={() => onOpen(r)}
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
            data-testid="stats-open"
            title={r.hasChildren ? t('stats.openChildren') : t('stats.openProcedures')}
          >
            {r.name}
            {r.hasChildren && <RightOutlined style={{ fontSize: 10 }} />}
          </Button>
        ) : groupBy === 'month' ? (
          monthName(t, r.key)
        ) : (
          r.name
        ),
    },
    ...cols.map(toColumn),
  ];

  return (
    <Table<StatsRow>
      rowKey="key"
      size="small"
      bordered
      loading={loading}
      dataSource={rows}
      columns={columns}
      pagination={false}
      scroll={{ x: 312 + leaves.length * 86 }}
      data-testid="stats-table"
      locale={{ emptyText: t('stats.empty') }}
      summary={() =>
        total ? (
          <Table.Summary fixed="bottom">
            <Table.Summary.Row data-testid="stats-total" style={{ background: '#fafafa' }}>
              <Table.Summary.Cell index={0} colSpan={2}>
                <Typography.Text strong>{t('stats.total')}</Typography.Text>
              </Table.Summary.Cell>
              {leaves.map((l, i) => (
                <Table.Summary.Cell key={l.key} index={i + 2} align="right">
                  <strong>{cell(total, l.key)}</strong>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
    />
  );
}

/** "2026-03" → "Tháng 3/2026". */
export function monthName(t: TFunction, key: string): string {
  const [y, m] = key.split('-');
  return t('stats.month', { month: Number(m), year: y });
}
