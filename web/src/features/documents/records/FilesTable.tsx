import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../app/format';
import type { RecordFileSummary } from './api';

/** Files with their code, title, retention, keeper, state and number of documents. */
export function FilesTable({ items, extra }: { items: RecordFileSummary[]; extra?: 'dueOn' }) {
  const { t } = useTranslation();
  return (
    <Table<RecordFileSummary & { dueOn?: string; isOverdue?: boolean }>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={items}
      scroll={{ x: 760 }}
      locale={{ emptyText: t('documents.records.noFiles') }}
      data-testid="files-table"
      columns={[
        {
          key: 'code',
          title: t('documents.records.code'),
          width: 140,
          render: (_, f) => (
            <Link
              to={`/documents/records/files/${f.id}`}
              className="op-mono"
              data-testid="file-link"
            >
              {f.code}
            </Link>
          ),
        },
        { key: 'title', title: t('documents.records.fileTitle'), dataIndex: 'title' },
        {
          key: 'retention',
          title: t('documents.records.retention'),
          width: 110,
          dataIndex: 'retentionLabel',
        },
        {
          key: 'keeper',
          title: t('documents.records.keeper'),
          width: 170,
          render: (_, f) => f.keeper.name,
        },
        {
          key: 'count',
          title: t('documents.records.count'),
          width: 90,
          align: 'right',
          dataIndex: 'documentCount',
        },
        ...(extra === 'dueOn'
          ? [
              {
                key: 'dueOn',
                title: t('documents.records.dueOn'),
                width: 120,
                render: (_: unknown, f: { dueOn?: string; isOverdue?: boolean }) =>
                  f.isOverdue ? <Tag color="red">{formatDate(f.dueOn)}</Tag> : formatDate(f.dueOn),
              },
            ]
          : []),
        {
          key: 'state',
          title: t('documents.col.state'),
          width: 120,
          render: (_, f) =>
            f.transferredOn ? (
              <Tag color="purple">{t('documents.records.transferred')}</Tag>
            ) : (
              <Tag color={f.state === 'open' ? 'blue' : 'default'}>
                {t(`documents.records.state.${f.state}`)}
              </Tag>
            ),
        },
      ]}
    />
  );
}
