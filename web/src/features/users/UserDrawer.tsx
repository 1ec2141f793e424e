import { CheckCircleOutlined, EditOutlined, KeyOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Divider, Drawer, Grid, Popconfirm, Space, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, useFeedback } from '../../app/feedback';
import { formatDateTime } from '../../app/format';
import { useSession } from '../../app/session';
import type { User } from '../../app/types';
import { AgencyName } from '../agencies/AgencyName';
import { getUser, updateUser } from './api';
import { EditUserModal } from './EditUserModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { RoleAssignments } from './RoleAssignments';

/** One user: profile, status, password reset and roles. Open while the route is /users/:id. */
export function UserDrawer({
  userId,
  onClose,
  onChanged,
}: {
  userId: string | null;
  onClose: () => void;
  onChanged: (user: User) => void;
}) {
  const { t } = useTranslation();
  const { can, me } = useSession();
  const feedback = useFeedback();
  const screens = Grid.useBreakpoint();
  const [user, setUser] = useState<User | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'edit' | 'password' | null>(null);

  const load = useCallback(async () => {
    if (!userId) return;
    try {
      setUser(await getUser(userId));
      setError(null);
    } catch (err) {
      setError(errorText(err, t));
    }
  }, [userId, t]);

  useEffect(() => {
    setUser(null);
    void load();
  }, [load]);

  const changed = (next: User) => {
    setUser(next);
    onChanged(next);
  };

  const toggleActive = async () => {
    if (!user) return;
    try {
      changed(await updateUser(user.id, { isActive: !user.isActive }));
      feedback.success(user.isActive ? t('users.deactivated') : t('users.activated'));
    } catch (err) {
      feedback.error(err);
    }
  };

  const manage = can('identity.user.manage');
  const self = user?.id === me?.id;

  return (
    <Drawer
      open={userId !== null}
      onClose={onClose}
      size={screens.md ? 720 : '100%'}
      title={user ? `${user.fullName} (${user.username})` : t('users.detail')}
      loading={!user && !error}
      data-testid="user-drawer"
    >
      {error && <Alert type="error" showIcon title={error} />}
      {user && (
        <>
          {manage && (
            <Space wrap style={{ marginBottom: 16 }}>
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                {t('common.edit')}
              </Button>
              <Button icon={<KeyOutlined />} onClick={() => setDialog('password')}>
                {t('users.resetPassword')}
              </Button>
              {!self && (
                <Popconfirm
                  title={user.isActive ? t('users.confirmDeactivate') : t('users.confirmActivate')}
                  okText={t('common.yes')}
                  cancelText={t('common.no')}
                  onConfirm={toggleActive}
                >
                  <Button
                    danger={user.isActive}
                    icon={user.isActive ? <StopOutlined /> : <CheckCircleOutlined />}
                  >
                    {user.isActive ? t('users.deactivate') : t('users.activate')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          )}
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'username', label: t('users.field.username'), children: user.username },
              { key: 'fullName', label: t('users.field.fullName'), children: user.fullName },
              { key: 'position', label: t('users.field.position'), children: user.position ?? '—' },
              {
                key: 'agency',
                label: t('users.agency'),
                children: <AgencyName id={user.agencyId} />,
              },
              { key: 'email', label: t('users.field.email'), children: user.email ?? '—' },
              { key: 'phone', label: t('users.field.phone'), children: user.phone ?? '—' },
              { key: 'kind', label: t('users.field.kind'), children: t(`users.kind.${user.kind}`) },
              {
                key: 'status',
                label: t('users.field.status'),
                children: (
                  <Space size={[0, 4]} wrap>
                    {user.isActive ? (
                      <Tag color="green">{t('users.active')}</Tag>
                    ) : (
                      <Tag>{t('users.inactive')}</Tag>
                    )}
                    {user.mustChangePassword && <Tag color="orange">{t('users.mustChange')}</Tag>}
                    {user.totpEnabled && <Tag color="blue">{t('users.totpOn')}</Tag>}
                  </Space>
                ),
              },
              {
                key: 'lastLoginAt',
                label: t('users.field.lastLogin'),
                children: user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('users.never'),
              },
              {
                key: 'createdAt',
                label: t('users.field.createdAt'),
                children: formatDateTime(user.createdAt),
              },
            ]}
          />
          <Divider titlePlacement="start">{t('users.roles')}</Divider>
          <RoleAssignments user={user} onChanged={changed} />
          <EditUserModal
            user={dialog === 'edit' ? user : null}
            onClose={() => setDialog(null)}
            onSaved={(u) => {
              setDialog(null);
              changed(u);
            }}
          />
          <ResetPasswordModal
            user={dialog === 'password' ? user : null}
            onClose={() => setDialog(null)}
            onDone={() => {
              setDialog(null);
              void load();
            }}
          />
        </>
      )}
    </Drawer>
  );
}
