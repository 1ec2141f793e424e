import { Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../app/format';
import {
  Deadline,
  DocStateTag,
  IncomingStateTag,
  SignatureMark,
  symbolText,
  UrgencyTag,
} from './labels';
import type { IncomingListItem, OutgoingListItem } from './types';

function Summary({
  to,
  text,
  urgency,
}: {
  to: string;
  text: string;
  urgency: OutgoingListItem['urgency'];
}) {
  return (
    <>
      <UrgencyTag urgency={urgency} />
      <Link to={to} data-testid="doc-link">
        {text}
      </Link>
    </>
  );
}

/** Outgoing documents and drafts of the reader's agencies. */
export function OutgoingTable({ items, loading }: { items: OutgoingListItem[]; loading: boolean }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<OutgoingListItem> = [
    {
      key: 'symbol',
      title: t('documents.col.symbol'),
      width: 140,
      render: (_, d) => <span className="op-mono">{symbolText(d)}</span>,
    },
    {
      key: 'summary',
      title: t('documents.col.summary'),
      render: (_, d) => (
        <>
          <Typography.Text type="secondary">
            {d.typeName}
            {d.drafterName ? ` · ${d.drafterName}` : ''}
          </Typography.Text>
          <br />
          <Summary to={`/documents/outgoing/${d.id}`} text={d.summary} urgency={d.urgency} />
        </>
      ),
    },
    {
      key: 'signer',
      title: t('documents.col.signer'),
      width: 180,
      render: (_, d) => d.signerName ?? '—',
    },
    {
      key: 'date',
      title: t('documents.col.date'),
      width: 110,
      render: (_, d) => formatDate(d.issuedOn ?? d.createdAt),
    },
    {
      key: 'state',
      title: t('documents.col.state'),
      width: 160,
      render: (_, d) => <DocStateTag state={d.state} />,
    },
  ];
  return (
    <Table<OutgoingListItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 900 }}
      locale={{ emptyText: t('documents.empty') }}
      onRow={(d) => ({ 'data-id': d.id, 'data-state': d.state }) as object}
      data-testid="doc-table"
    />
  );
}

/** The incoming register (or a work list of it). */
export function IncomingTable({ items, loading }: { items: IncomingListItem[]; loading: boolean }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<IncomingListItem> = [
    {
      key: 'number',
      title: t('documents.col.number'),
      width: 80,
      render: (_, e) => <strong>{e.number}</strong>,
    },
    {
      key: 'receivedOn',
      title: t('documents.col.receivedOn'),
      width: 110,
      render: (_, e) => formatDate(e.receivedOn),
    },
    {
      key: 'summary',
      title: t('documents.col.summary'),
      render: (_, e) => (
        <>
          <Typography.Text type="secondary">
            {e.issuerName} — <span className="op-mono">{e.symbol ?? '—'}</span>
          </Typography.Text>
          <br />
          <Summary to={`/documents/incoming/${e.id}`} text={e.summary} urgency={e.urgency} />
        </>
      ),
    },
    {
      key: 'lead',
      title: t('documents.col.lead'),
      width: 170,
      render: (_, e) => e.leadName ?? '—',
    },
    {
      key: 'deadline',
      title: t('documents.col.deadline'),
      width: 110,
      render: (_, e) => <Deadline date={e.deadline} overdue={e.isOverdue} />,
    },
    {
      key: 'signature',
      title: t('documents.col.signature'),
      width: 140,
      render: (_, e) => <SignatureMark isValid={e.isValid} />,
    },
    {
      key: 'state',
      title: t('documents.col.state'),
      width: 140,
      render: (_, e) => <IncomingStateTag state={e.state} />,
    },
  ];
  return (
    <Table<IncomingListItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 1000 }}
      locale={{ emptyText: t('documents.empty') }}
      onRow={(e) => ({ 'data-id': e.id, 'data-state': e.state }) as object}
      data-testid="incoming-table"
    />
  );
}
