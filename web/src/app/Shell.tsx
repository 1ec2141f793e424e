import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  HomeOutlined,
  IdcardOutlined,
  InboxOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Layout, Menu, type MenuProps } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { FullPageSpin } from './FullPageSpin';
import { HeaderBar } from './HeaderBar';
import { useSession } from './session';
import type { Permission } from './types';

type Entry = {
  key: string;
  icon: React.ReactNode;
  /** Shown to holders of any of these. */
  permission?: Permission | Permission[];
  officialOnly?: boolean;
};

const entries: Entry[] = [
  { key: '/', icon: <HomeOutlined />, officialOnly: true },
  {
    key: '/documents',
    icon: <FileTextOutlined />,
    permission: ['document.read', 'document.stats'],
  },
  { key: '/desk', icon: <InboxOutlined />, permission: 'dossier.read' },
  { key: '/stats', icon: <BarChartOutlined />, permission: 'dossier.stats' },
  { key: '/catalog', icon: <ReadOutlined />, permission: 'catalog.manage' },
  { key: '/portal/dossiers', icon: <FileSearchOutlined /> },
  { key: '/pki', icon: <SafetyCertificateOutlined />, permission: 'pki.read' },
  { key: '/my-certificates', icon: <IdcardOutlined />, officialOnly: true },
  { key: '/agencies', icon: <ApartmentOutlined />, permission: 'agency.read' },
  { key: '/users', icon: <TeamOutlined />, permission: 'identity.user.read' },
  { key: '/calendar', icon: <CalendarOutlined />, permission: 'calendar.read' },
  { key: '/audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { key: '/account', icon: <UserOutlined /> },
];

const labelKeys: Record<string, string> = {
  '/': 'app.menu.home',
  '/documents': 'app.menu.documents',
  '/desk': 'app.menu.desk',
  '/stats': 'app.menu.stats',
  '/catalog': 'app.menu.catalog',
  '/portal/dossiers': 'app.menu.myDossiers',
  '/pki': 'app.menu.pki',
  '/my-certificates': 'app.menu.myCertificates',
  '/agencies': 'app.menu.agencies',
  '/users': 'app.menu.users',
  '/calendar': 'app.menu.calendar',
  '/audit': 'app.menu.audit',
  '/account': 'app.menu.account',
};

/** The signed-in layout: header, a side menu of what the user may use, the page. */
export function Shell() {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const section = `/${location.pathname.split('/')[1] ?? ''}`;
  // Below the lg breakpoint the menu hides; a header button opens it over the page.
  const [narrow, setNarrow] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);

  const items: MenuProps['items'] = entries
    .filter(
      (e) =>
        (!e.permission || [e.permission].flat().some(can)) &&
        (!e.officialOnly || me?.kind === 'official'),
    )
    .map((e) => ({ key: e.key, icon: e.icon, label: t(labelKeys[e.key] ?? e.key) }));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <HeaderBar
        menuToggle={narrow ? { open: menuOpen, toggle: () => setMenuOpen((o) => !o) } : undefined}
      />
      <Layout style={{ position: 'relative' }}>
        <Layout.Sider
          breakpoint="lg"
          onBreakpoint={(broken) => {
            setNarrow(broken);
            setMenuOpen(false);
          }}
          collapsed={narrow && !menuOpen}
          collapsedWidth={0}
          trigger={null}
          width={220}
          theme="light"
          id="main-menu"
          style={
            narrow
              ? {
                  position: 'absolute',
                  zIndex: 20,
                  height: '100%',
                  boxShadow: menuOpen ? '2px 0 8px rgba(0,0,0,0.15)' : undefined,
                }
              : undefined
          }
        >
          <nav aria-label={t('app.mainMenu')}>
            <Menu
              mode="inline"
              selectedKeys={[section]}
              items={items}
              onClick={({ key }) => {
                setMenuOpen(false);
                navigate(key);
              }}
              style={{ borderInlineEnd: 'none', paddingTop: 8 }}
              data-testid="side-menu"
            />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ padding: 16 }}>
          <main>
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
