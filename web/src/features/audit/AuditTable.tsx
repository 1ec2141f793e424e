import { Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { AgencyName } from '../agencies/AgencyName';
import type { AuditEvent } from './api';
import { actionLabel, targetTypeLabel } from './labels';

const json = (value: unknown) =>
  value === null || value === undefined ? '—' : JSON.stringify(value, null, 2);

function EventDetail({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      items={[
        {
          key: 'before',
          label: t('audit.before'),
          children: <pre className="op-json op-mono">{json(event.before)}</pre>,
        },
        {
          key: 'after',
          label: t('audit.after'),
          children: <pre className="op-json op-mono">{json(event.after)}</pre>,
        },
        {
          key: 'target',
          label: t('audit.targetId'),
          children: <span className="op-mono">{event.targetId}</span>,
        },
        {
          key: 'request',
          label: t('audit.requestId'),
          children: <span className="op-mono">{event.requestId ?? '—'}</span>,
        },
        { key: 'ip', label: t('audit.clientIp'), children: event.clientIp ?? '—' },
        {
          key: 'hash',
          label: t('audit.hash'),
          children: <span className="op-mono">{event.hash}</span>,
        },
        {
          key: 'prev',
          label: t('audit.prevHash'),
          children: <span className="op-mono">{event.prevHash}</span>,
          span: 'filled',
        },
      ]}
    />
  );
}

/** Events newest first; a row expands to its before/after snapshots and chain hashes. */
export function AuditTable({ events, loading }: { events: AuditEvent[]; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<AuditEvent>
      rowKey="seq"
      size="small"
      loading={loading}
      dataSource={events}
      pagination={false}
      scroll={{ x: 900 }}
      data-testid="audit-table"
      expandable={{ expandedRowRender: (e) => <EventDetail event={e} /> }}
      columns={[
        { key: 'seq', title: '#', dataIndex: 'seq', width: 70 },
        {
          key: 'occurredAt',
          title: t('audit.occurredAt'),
          render: (_, e) => formatDateTime(e.occurredAt),
          width: 150,
        },
        { key: 'actor', title: t('audit.actor'), dataIndex: 'actorLabel' },
        {
          key: 'action',
          title: t('audit.action'),
          render: (_, e) => (
            <span data-action={e.action}>
              <Typography.Text strong>{actionLabel(t, e.action)}</Typography.Text>
            </span>
          ),
        },
        {
          key: 'target',
          title: t('audit.target'),
          render: (_, e) => <Tag>{targetTypeLabel(t, e.targetType)}</Tag>,
        },
        {
          key: 'agency',
          title: t('audit.agency'),
          render: (_, e) => <AgencyName id={e.agencyId} />,
        },
      ]}
    />
  );
}
