import {
  BankOutlined,
  DownOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  LoginOutlined,
  LogoutOutlined,
  MenuOutlined,
  ReadOutlined,
  UserAddOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, ConfigProvider, Drawer, Dropdown, Flex, Grid, Layout } from 'antd';
import kmKH from 'antd/locale/km_KH';
import { type ReactNode, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { FullPageSpin } from '../../app/FullPageSpin';
import { useSession } from '../../app/session';
import { khmerRemembered, setPortalLanguage } from './language';
import { NotificationBell } from './NotificationBell';
import { PortalLanguageSwitch } from './PortalLanguageSwitch';
import { RegisterModal } from './RegisterModal';
import { forgetReturn, rememberReturn, takeReturn } from './returnTo';
import './portal.css';

type NavEntry = { to: string; label: string; icon: ReactNode; active: (path: string) => boolean };

/**
 * The public layout of the citizen portal (not the officials' shell): the portal's name,
 * its three sections, the language (with Khmer), and sign-in / sign-up / the account.
 */
export default function PortalLayout() {
  const { t, i18n } = useTranslation();
  const { me, logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [menuOpen, setMenuOpen] = useState(false);
  const [registering, setRegistering] = useState(false);

  useEffect(() => {
    if (khmerRemembered() && i18n.language !== 'km') void setPortalLanguage('km');
    // only on entering the portal
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Signed out on an account page: remember it (the app is about to show the login page).
  // Signed in: go on to where the citizen was going before signing in.
  const here = location.pathname + location.search;
  useEffect(() => {
    if (me === null && location.pathname.startsWith('/portal/dossiers')) rememberReturn(here);
    if (me) {
      const target = takeReturn();
      if (target && target !== here) navigate(target, { replace: true });
    }
  }, [me, here, location.pathname, navigate]);

  useEffect(() => {
    document.title = t('portal.documentTitle');
    return () => {
      document.title = i18n.t('app.documentTitle');
    };
  }, [t, i18n]);

  const entries: NavEntry[] = [
    {
      to: '/portal',
      label: t('portal.nav.procedures'),
      icon: <ReadOutlined />,
      active: (p) => p === '/portal' || p.startsWith('/portal/procedures'),
    },
    {
      to: '/tra-cuu',
      label: t('portal.nav.lookup'),
      icon: <FileSearchOutlined />,
      active: (p) => p.startsWith('/tra-cuu'),
    },
    {
      to: '/portal/dossiers',
      label: t('portal.nav.mine'),
      icon: <FolderOpenOutlined />,
      active: (p) => p.startsWith('/portal/dossiers'),
    },
  ];

  const navLinks = (onClick?: () => void) => (
    <ul className="portal-nav-list">
      {entries.map((e) => {
        const active = e.active(location.pathname);
        return (
          <li key={e.to}>
            <Link
              to={e.to}
              className={active ? 'portal-nav-link active' : 'portal-nav-link'}
              aria-current={active ? 'page' : undefined}
              onClick={onClick}
            >
              {e.icon}
              <span>{e.label}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );

  // Off the account pages first, so that signing out does not bounce to the login page.
  const onLogout = async () => {
    navigate('/portal', { replace: true });
    await logout();
    forgetReturn();
  };

  const skipToMain = (event: React.MouseEvent) => {
    event.preventDefault();
    document.getElementById('portal-main')?.focus();
  };

  return (
    <ConfigProvider locale={i18n.language === 'km' ? kmKH : undefined}>
      <Layout className="portal">
        <a href="#portal-main" className="portal-skip" onClick={skipToMain}>
          {t('portal.skip')}
        </a>
        <Layout.Header className="portal-header">
          <div className="portal-container portal-header-inner">
            <Link to="/portal" className="portal-brand">
              <BankOutlined className="portal-brand-icon" aria-hidden />
              <span className="portal-brand-text">
                <span className="portal-brand-title">{t('portal.title')}</span>
                <span className="portal-brand-sub">{t('portal.subtitle')}</span>
              </span>
            </Link>
            <Flex gap={8} align="center" className="portal-header-actions">
              {!narrow && <PortalLanguageSwitch />}
              {me && <NotificationBell />}
              {me && !narrow && (
                <Dropdown
                  trigger={['click']}
                  menu={{
                    items: [
                      {
                        key: 'mine',
                        icon: <FolderOpenOutlined />,
                        label: t('portal.nav.mine'),
                        onClick: () => navigate('/portal/dossiers'),
                      },
                      {
                        key: 'account',
                        icon: <UserOutlined />,
                        label: t('portal.account.settings'),
                        onClick: () => navigate('/account'),
                      },
                      { type: 'divider' },
                      {
                        key: 'logout',
                        icon: <LogoutOutlined />,
                        label: t('portal.account.logout'),
                        danger: true,
                        onClick: () => void onLogout(),
                      },
                    ],
                  }}
                >
                  <Button
                    type="text"
                    className="portal-header-button"
                    aria-label={`${t('portal.account.menu')}: ${me.fullName}`}
                    data-testid="portal-user-menu"
                  >
                    <UserOutlined />
                    <span className="portal-user-name">{me.fullName}</span>
                    <DownOutlined />
                  </Button>
                </Dropdown>
              )}
              {!me && (
                <>
                  <Link
                    to="/login"
                    state={{ from: here }}
                    className="portal-header-link"
                    onClick={() => rememberReturn(here)}
                  >
                    <LoginOutlined /> <span>{t('portal.account.login')}</span>
                  </Link>
                  {!narrow && (
                    <Button
                      type="default"
                      ghost
                      icon={<UserAddOutlined />}
                      onClick={() => setRegistering(true)}
                      data-testid="portal-register"
                    >
                      {t('portal.account.register')}
                    </Button>
                  )}
                </>
              )}
              {narrow && (
                <Button
                  type="text"
                  className="portal-header-button"
                  icon={<MenuOutlined />}
                  aria-label={t('portal.nav.open')}
                  aria-expanded={menuOpen}
                  aria-controls="portal-menu"
                  onClick={() => setMenuOpen(true)}
                  data-testid="portal-menu-button"
                />
              )}
            </Flex>
          </div>
        </Layout.Header>
        {!narrow && (
          <nav className="portal-nav" aria-label={t('portal.nav.label')}>
            <div className="portal-container">{navLinks()}</div>
          </nav>
        )}
        <Layout.Content id="portal-main" tabIndex={-1} className="portal-main">
          <div className="portal-container">
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          </div>
        </Layout.Content>
        <Layout.Footer className="portal-footer">
          <div className="portal-container">
            <div>{t('portal.footer.owner')}</div>
            <div>{t('portal.footer.help')}</div>
          </div>
        </Layout.Footer>
        <Drawer
          open={narrow && menuOpen}
          onClose={() => setMenuOpen(false)}
          title={t('portal.nav.menu')}
          placement="right"
          size={300}
          id="portal-menu"
        >
          <nav aria-label={t('portal.nav.label')} className="portal-drawer-nav">
            {navLinks(() => setMenuOpen(false))}
          </nav>
          <Flex vertical gap={16} style={{ marginTop: 24 }}>
            <div>
              <PortalLanguageSwitch />
            </div>
            {me && (
              <div className="portal-drawer-account">
                <div className="portal-drawer-user">
                  <UserOutlined aria-hidden /> {me.fullName}
                </div>
                <Flex gap={8} wrap>
                  <Button
                    onClick={() => {
                      setMenuOpen(false);
                      navigate('/account');
                    }}
                  >
                    {t('portal.account.settings')}
                  </Button>
                  <Button
                    danger
                    icon={<LogoutOutlined />}
                    onClick={() => {
                      setMenuOpen(false);
                      void onLogout();
                    }}
                  >
                    {t('portal.account.logout')}
                  </Button>
                </Flex>
              </div>
            )}
            {!me && (
              <Button
                icon={<UserAddOutlined />}
                onClick={() => {
                  setMenuOpen(false);
                  setRegistering(true);
                }}
                data-testid="portal-register-drawer"
              >
                {t('portal.account.register')}
              </Button>
            )}
          </Flex>
        </Drawer>
        <RegisterModal open={registering} onClose={() => setRegistering(false)} />
      </Layout>
    </ConfigProvider>
  );
}
