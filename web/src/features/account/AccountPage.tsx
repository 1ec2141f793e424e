import { Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { useMe } from '../../app/session';
import { AgencyName } from '../agencies/AgencyName';
import { RoleTag } from '../users/RoleTag';
import { ChangePasswordForm } from './ChangePasswordForm';
import { TotpCard } from './TotpCard';

/** My account: profile, password, second factor. */
export default function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  const official = me.kind === 'official';

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('account.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('account.profile')}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'username', label: t('users.field.username'), children: me.username },
                { key: 'fullName', label: t('users.field.fullName'), children: me.fullName },
                { key: 'email', label: t('users.field.email'), children: me.email ?? '—' },
                { key: 'phone', label: t('users.field.phone'), children: me.phone ?? '—' },
                { key: 'kind', label: t('users.field.kind'), children: t(`users.kind.${me.kind}`) },
                ...(official
                  ? [
                      {
                        key: 'agency',
                        label: t('users.agency'),
                        children: <AgencyName id={me.agencyId} />,
                      },
                      {
                        key: 'position',
                        label: t('users.field.position'),
                        children: me.position ?? '—',
                      },
                      {
                        key: 'roles',
                        label: t('users.field.roles'),
                        children: me.roles.length ? (
                          <Space size={[0, 4]} wrap>
                            {me.roles.map((r) => (
                              <RoleTag key={r.id} assignment={r} />
                            ))}
                          </Space>
                        ) : (
                          '—'
                        ),
                      },
                    ]
                  : []),
                {
                  key: 'lastLogin',
                  label: t('users.field.lastLogin'),
                  children: formatDateTime(me.lastLoginAt),
                },
                {
                  key: 'createdAt',
                  label: t('users.field.createdAt'),
                  children: formatDateTime(me.createdAt),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card
              title={t('account.password')}
              extra={
                me.mustChangePassword ? <Tag color="orange">{t('users.mustChange')}</Tag> : null
              }
            >
              <ChangePasswordForm />
            </Card>
            <TotpCard />
          </Space>
        </Col>
      </Row>
    </>
  );
}
