import { CheckOutlined } from '@ant-design/icons';
import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { IncomingStateTag } from './labels';
import type { Recipient } from './types';

/** Delivery and read receipts: when each recipient got it, its incoming number, who read it. */
export function RecipientsCard({ recipients }: { recipients: Recipient[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('documents.recipients.title')} data-testid="doc-receipts">
      <Table<Recipient>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={recipients}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('documents.recipients.empty') }}
        onRow={(r) => ({ 'data-read': r.readAt ? 'true' : 'false' }) as object}
        columns={[
          {
            key: 'name',
            title: t('documents.recipients.name'),
            render: (_, r) => (
              <>
                {r.name}
                {r.email && (
                  <div>
                    <Typography.Text type="secondary">{r.email}</Typography.Text>
                  </div>
                )}
                {r.returnedAt && (
                  <div>
                    <Typography.Text style={{ color: '#a8071a' }}>
                      {t('documents.recipients.returned', { reason: r.returnReason ?? '' })}
                    </Typography.Text>
                  </div>
                )}
              </>
            ),
          },
          {
            key: 'delivered',
            title: t('documents.recipients.delivered'),
            width: 150,
            render: (_, r) => formatDateTime(r.deliveredAt),
          },
          {
            key: 'number',
            title: t('documents.recipients.number'),
            width: 80,
            render: (_, r) => r.incomingNumber ?? '—',
          },
          {
            key: 'read',
            title: t('documents.recipients.read'),
            width: 200,
            render: (_, r) =>
              r.readAt ? (
                <span data-testid="doc-read-receipt">
                  <CheckOutlined style={{ color: '#389e0d' }} /> {formatDateTime(r.readAt)}
                  {r.readByName && <div>{r.readByName}</div>}
                </span>
              ) : (
                '—'
              ),
          },
          {
            key: 'state',
            title: t('documents.recipients.state'),
            width: 130,
            render: (_, r) => (r.state ? <IncomingStateTag state={r.state} /> : '—'),
          },
        ]}
      />
    </Card>
  );
}
