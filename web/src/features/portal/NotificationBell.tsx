import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Popover, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { formatDateTime } from '../../app/format';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from './api';
import type { Notification } from './types';

/** The bell with the number of unread notifications; the latest ten in a popover. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [items, setItems] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);

  const load = useCallback(async () => {
    try {
      const list = await listNotifications();
      setItems(list.items);
      setUnread(list.unread);
    } catch {
      // the bell stays quiet: notifications are a convenience, not the page
    }
  }, []);

  // Again on every page change: a submission or a supplement makes new ones.
  useEffect(() => {
    void load();
  }, [load, location.pathname]);

  const openOne = async (n: Notification) => {
    setOpen(false);
    if (!n.readAt) {
      await markNotificationRead(n.id).catch(() => undefined);
      void load();
    }
    if (n.link) navigate(n.link);
  };

  const readAll = async () => {
    await markAllNotificationsRead().catch(() => undefined);
    void load();
  };

  const content = (
    <div className="portal-notifications">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portal.notifications.none')} />
      ) : (
        <ul className="portal-notification-list">
          {items.map((n) => (
            <li key={n.id}>
              <button
                type="button"
                className={n.readAt ? 'portal-notification' : 'portal-notification unread'}
                onClick={() => void openOne(n)}
              >
                <span className="portal-notification-title">{n.title}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(n.createdAt)}
                </Typography.Text>
              </button>
            </li>
          ))}
        </ul>
      )}
      {unread > 0 && (
        <Flex justify="end" style={{ marginTop: 8 }}>
          <Button size="small" type="link" onClick={() => void readAll()}>
            {t('portal.notifications.readAll')}
          </Button>
        </Flex>
      )}
    </div>
  );

  return (
    <Popover
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      title={t('portal.notifications.title')}
      content={content}
      placement="bottomRight"
    >
      <Button
        type="text"
        className="portal-header-button"
        title={t('portal.notifications.title')}
        data-testid="portal-notifications"
      >
        <span className="sr-only">{t('portal.notifications.button', { count: unread })}</span>
        <Badge count={unread} size="small" offset={[4, -2]} aria-hidden>
          <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
