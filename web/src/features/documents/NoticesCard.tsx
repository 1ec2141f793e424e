import { BellOutlined } from '@ant-design/icons';
import { Button, Card, List, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../app/format';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from '../portal/api';
import type { Notification } from '../portal/types';

/**
 * The reader's unread notices (a recall by the sender, a return, a reminder of a deadline):
 * the workspace has no bell, so they show here, on the documents home, until read.
 */
export function NoticesCard({ reloadKey }: { reloadKey: number }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Notification[]>([]);

  const load = useCallback(async () => {
    try {
      setItems((await listNotifications()).items.filter((n) => !n.readAt));
    } catch {
      // notices are a convenience: the lists beside them are the work
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load, reloadKey]);

  if (items.length === 0) return null;
  return (
    <Card
      size="small"
      title={
        <span>
          <BellOutlined /> {t('documents.notices.title', { count: items.length })}
        </span>
      }
      extra={
        <Button
          size="small"
          type="link"
          onClick={() => void markAllNotificationsRead().then(load, () => undefined)}
        >
          {t('documents.notices.readAll')}
        </Button>
      }
      style={{ marginBottom: 16 }}
      data-testid="doc-notices"
    >
      <List
        size="small"
        dataSource={items}
        renderItem={(n) => (
          <List.Item
            data-testid="doc-notice"
            actions={[
              <Button
                key="read"
                size="small"
                type="link"
                onClick={() => void markNotificationRead(n.id).then(load, () => undefined)}
              >
                {t('documents.notices.read')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                n.link ? (
                  <Link to={n.link} onClick={() => void markNotificationRead(n.id).catch(() => {})}>
                    {n.title}
                  </Link>
                ) : (
                  n.title
                )
              }
              description={
                <>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{n.body}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(n.createdAt)}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
