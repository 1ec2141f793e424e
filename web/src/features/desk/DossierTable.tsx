import { Grid, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../app/format';
import { useMe } from '../../app/session';
import { DossierCode, DueDate, StateTag } from './labels';
import type { DossierListItem } from './types';

const finishedStates = new Set(['refused', 'returned', 'withdrawn', 'cancelled', 'result_ready']);

/** One queue page: the code links to the dossier; due dates coloured by urgency. */
export function DossierTable({ items, loading }: { items: DossierListItem[]; loading: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const wide = Grid.useBreakpoint().md ?? true;
  return (
    <Table<DossierListItem>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      pagination={false}
      scroll={{ x: 960 }}
      data-testid="desk-table"
      locale={{ emptyText: t('desk.empty') }}
      columns={[
        {
          key: 'code',
          title: t('desk.col.code'),
          width: 165,
          fixed: wide ? 'left' : undefined,
          render: (_, d) => (
            <Link to={`/desk/dossiers/${d.id}`} data-testid="desk-row-link">
              <DossierCode code={d.code} />
            </Link>
          ),
        },
        {
          key: 'procedure',
          title: t('desk.col.procedureApplicant'),
          render: (_, d) => (
            <>
              <Typography.Paragraph
                ellipsis={{ rows: 2, tooltip: d.procedureName }}
                style={{ marginBottom: 2 }}
              >
                {d.procedureName}
              </Typography.Paragraph>
              <Typography.Text strong>{d.applicantName}</Typography.Text>{' '}
              <Typography.Text type="secondary">· {t(`desk.channel.${d.channel}`)}</Typography.Text>
            </>
          ),
        },
        {
          key: 'agency',
          title: t('desk.col.agency'),
          width: 140,
          ellipsis: { showTitle: false },
          render: (_, d) => (
            <span title={d.agencyName}>{d.agencyName.replace(/^Ủy ban nhân dân /, 'UBND ')}</span>
          ),
        },
        {
          key: 'received',
          title: t('desk.col.received'),
          width: 110,
          render: (_, d) =>
            d.receivedAt ? (
              <span title={formatDateTime(d.receivedAt)}>{formatDate(d.receivedAt)}</span>
            ) : (
              <Typography.Text type="secondary" title={formatDateTime(d.submittedAt)}>
                {t('desk.submittedOn', { at: formatDate(d.submittedAt) })}
              </Typography.Text>
            ),
        },
        {
          key: 'due',
          title: t('desk.col.due'),
          width: 130,
          render: (_, d) => (
            <DueDate dueAt={d.dueAt} overdue={d.overdue} finished={finishedStates.has(d.state)} />
          ),
        },
        {
          key: 'state',
          title: t('desk.col.state'),
          width: 130,
          render: (_, d) => <StateTag state={d.state} />,
        },
        {
          key: 'assignee',
          title: t('desk.col.assignee'),
          width: 110,
          render: (_, d) =>
            d.assigneeId === null ? (
              <Typography.Text type="secondary">{t('desk.assignee.none')}</Typography.Text>
            ) : d.assigneeId === me.id ? (
              <Typography.Text strong>{t('desk.assignee.me')}</Typography.Text>
            ) : (
              t('desk.assignee.other')
            ),
        },
      ]}
    />
  );
}
