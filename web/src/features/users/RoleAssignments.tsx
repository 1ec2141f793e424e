import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Popconfirm, Select, Table, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/feedback';
import { formatDateTime } from '../../app/format';
import { useSession } from '../../app/session';
import type { RoleAssignment, RoleCode, User } from '../../app/types';
import { AgencyName } from '../agencies/AgencyName';
import { AgencyTreeSelect } from '../agencies/AgencyTreeSelect';
import { assignRole, listRoles, type RoleInfo, revokeRole } from './api';
import { RoleTag } from './RoleTag';

/** The user's current roles with revoke buttons, and a form to grant one on an agency. */
export function RoleAssignments({
  user,
  onChanged,
}: {
  user: User;
  onChanged: (user: User) => void;
}) {
  const { t } = useTranslation();
  const { can, me } = useSession();
  const feedback = useFeedback();
  const [roles, setRoles] = useState<RoleInfo[]>([]);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ role: RoleCode; agencyId: string }>();
  const assign = can('identity.role.assign') && user.kind === 'official' && user.id !== me?.id;

  useEffect(() => {
    listRoles().then(setRoles, () => setRoles([]));
  }, []);

  useEffect(() => {
    form.setFieldsValue({ agencyId: user.agencyId ?? undefined });
  }, [user.agencyId, form]);

  const grant = async (v: { role: RoleCode; agencyId: string }) => {
    setBusy(true);
    try {
      const added = await assignRole(user.id, v.role, v.agencyId);
      onChanged({ ...user, roles: [...user.roles, added] });
      feedback.success(t('users.roleGranted', { role: t(`roles.${v.role}`) }));
      form.setFieldValue('role', undefined);
    } catch (err) {
      feedback.error(err);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (a: RoleAssignment) => {
    try {
      await revokeRole(user.id, a.id);
      onChanged({ ...user, roles: user.roles.filter((r) => r.id !== a.id) });
      feedback.success(t('users.roleRevoked', { role: t(`roles.${a.role}`) }));
    } catch (err) {
      feedback.error(err);
    }
  };

  return (
    <>
      <Table<RoleAssignment>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={user.roles}
        locale={{ emptyText: t('users.noRoles') }}
        data-testid="user-roles"
        columns={[
          {
            key: 'role',
            title: t('users.field.role'),
            render: (_, a) => <RoleTag assignment={a} />,
          },
          {
            key: 'agency',
            title: t('users.onAgency'),
            render: (_, a) => <AgencyName id={a.agencyId} />,
          },
          {
            key: 'grantedAt',
            title: t('users.grantedAt'),
            render: (_, a) => formatDateTime(a.grantedAt),
          },
          ...(assign
            ? [
                {
                  key: 'actions',
                  title: <span className="sr-only">{t('common.actions')}</span>,
                  width: 56,
                  render: (_: unknown, a: RoleAssignment) => (
                    <Popconfirm
                      title={t('users.confirmRevoke')}
                      okText={t('common.yes')}
                      cancelText={t('common.no')}
                      onConfirm={() => revoke(a)}
                    >
                      <Tooltip title={t('users.revoke')}>
                        <Button
                          danger
                          type="text"
                          icon={<DeleteOutlined />}
                          aria-label={t('users.revoke')}
                        />
                      </Tooltip>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {assign && (
        <Form
          form={form}
          layout="inline"
          onFinish={grant}
          style={{ marginTop: 16, rowGap: 8 }}
          data-testid="role-grant-form"
        >
          <Form.Item name="role" label={t('users.field.role')} rules={[{ required: true }]}>
            <Select
              style={{ width: 220 }}
              data-testid="role-select"
              options={roles.map((r) => ({
                value: r.code,
                label: (
                  <>
                    {t(`roles.${r.code}`)}{' '}
                    {r.requiresMfa && <Tag style={{ marginInlineStart: 4 }}>TOTP</Tag>}
                  </>
                ),
              }))}
            />
          </Form.Item>
          <Form.Item name="agencyId" label={t('users.onAgency')} rules={[{ required: true }]}>
            <AgencyTreeSelect style={{ width: 240 }} />
          </Form.Item>
          <Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              icon={<PlusOutlined />}
              loading={busy}
              data-testid="role-grant"
            >
              {t('users.grant')}
            </Button>
          </Form.Item>
        </Form>
      )}
    </>
  );
}
