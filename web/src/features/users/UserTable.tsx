import { Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../app/format';
import type { User } from '../../app/types';
import { RoleTag } from './RoleTag';

export function UserTable({
  users,
  loading,
  linkSuffix,
}: {
  users: User[];
  loading: boolean;
  linkSuffix: string;
}) {
  const { t } = useTranslation();
  return (
    <Table<User>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={users}
      pagination={false}
      scroll={{ x: 900 }}
      data-testid="users-table"
      columns={[
        {
          key: 'username',
          title: t('users.field.username'),
          render: (_, u) => <Link to={`/users/${u.id}${linkSuffix}`}>{u.username}</Link>,
        },
        { key: 'fullName', title: t('users.field.fullName'), dataIndex: 'fullName' },
        {
          key: 'position',
          title: t('users.field.position'),
          dataIndex: 'position',
          render: (v: string | null) => v ?? '—',
        },
        {
          key: 'roles',
          title: t('users.field.roles'),
          render: (_, u) =>
            u.roles.length ? (
              <Space size={[0, 4]} wrap>
                {u.roles.map((r) => (
                  <RoleTag key={r.id} assignment={r} />
                ))}
              </Space>
            ) : (
              '—'
            ),
        },
        {
          key: 'status',
          title: t('users.field.status'),
          render: (_, u) => (
            <Space size={[0, 4]} wrap>
              {u.isActive ? (
                <Tag color="green">{t('users.active')}</Tag>
              ) : (
                <Tag color="default">{t('users.inactive')}</Tag>
              )}
              {u.mustChangePassword && <Tag color="orange">{t('users.mustChange')}</Tag>}
            </Space>
          ),
        },
        {
          key: 'lastLoginAt',
          title: t('users.field.lastLogin'),
          dataIndex: 'lastLoginAt',
          render: (v: string | null) => (v ? formatDateTime(v) : t('users.never')),
        },
      ]}
    />
  );
}
