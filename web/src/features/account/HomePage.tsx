import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../app/format';
import { useMe, useSession } from '../../app/session';
import type { Permission } from '../../app/types';
import { AgencyName } from '../agencies/AgencyName';
import { RoleTag } from '../users/RoleTag';

const links: { to: string; icon: ReactNode; key: string; permission?: Permission }[] = [
  { to: '/agencies', icon: <ApartmentOutlined />, key: 'agencies', permission: 'agency.read' },
  { to: '/users', icon: <TeamOutlined />, key: 'users', permission: 'identity.user.read' },
  { to: '/calendar', icon: <CalendarOutlined />, key: 'calendar', permission: 'calendar.read' },
  { to: '/audit', icon: <AuditOutlined />, key: 'audit', permission: 'audit.read' },
  { to: '/account', icon: <UserOutlined />, key: 'account' },
];

/** Welcome: who I am, where, with which roles; shortcuts to what I may use. */
export default function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const { can } = useSession();

  return (
    <>
      <Card data-testid="welcome">
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('home.welcome', { name: me.fullName })}
        </Typography.Title>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'agency', label: t('home.agency'), children: <AgencyName id={me.agencyId} /> },
            { key: 'position', label: t('home.position'), children: me.position ?? '—' },
            {
              key: 'roles',
              label: t('home.roles'),
              span: 'filled',
              children: me.roles.length ? (
                <Space size={[0, 4]} wrap>
                  {me.roles.map((r) => (
                    <RoleTag key={r.id} assignment={r} showAgency />
                  ))}
                </Space>
              ) : (
                t('home.noRoles')
              ),
            },
            {
              key: 'lastLogin',
              label: t('home.lastLogin'),
              children: formatDateTime(me.lastLoginAt),
            },
          ]}
        />
      </Card>
      <Typography.Title level={3} style={{ fontSize: 18, marginTop: 24 }}>
        {t('home.quickLinks')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {links
          .filter((l) => !l.permission || can(l.permission))
          .map((l) => (
            <Col key={l.key} xs={24} sm={12} lg={8} xl={6}>
              <Link to={l.to} style={{ display: 'block', height: '100%' }}>
                <Card hoverable size="small" style={{ height: '100%' }}>
                  <Space align="start">
                    <span style={{ fontSize: 22, color: '#0b5cad' }}>{l.icon}</span>
                    <span>
                      <Typography.Text strong>{t(`app.menu.${l.key}`)}</Typography.Text>
                      <br />
                      <Typography.Text type="secondary">{t(`home.link.${l.key}`)}</Typography.Text>
                    </span>
                  </Space>
                </Card>
              </Link>
            </Col>
          ))}
      </Row>
    </>
  );
}
