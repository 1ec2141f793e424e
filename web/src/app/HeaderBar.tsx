import { DownOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex, Layout, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LanguageSwitch } from './LanguageSwitch';
import { useSession } from './session';

type MenuToggle = { open: boolean; toggle: () => void };

/** Brand, language, user menu; on narrow screens also the button that opens the main menu. */
export function HeaderBar({ menuToggle }: { menuToggle?: MenuToggle }) {
  const { t } = useTranslation();
  const { me, logout } = useSession();
  const navigate = useNavigate();

  const onLogout = async () => {
    await logout();
    navigate('/login', { replace: true });
  };

  return (
    <Layout.Header style={{ paddingInline: 16, display: 'flex', alignItems: 'center', gap: 12 }}>
      {menuToggle && (
        <Button
          type="text"
          icon={<MenuOutlined />}
          style={{ color: '#fff' }}
          aria-label={t('app.mainMenu')}
          aria-expanded={menuToggle.open}
          aria-controls="main-menu"
          onClick={menuToggle.toggle}
        />
      )}
      <Typography.Title
        level={1}
        style={{
          color: '#fff',
          margin: 0,
          fontSize: 18,
          flex: 1,
          minWidth: 0,
          whiteSpace: 'nowrap',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
        }}
      >
        OpenProvince <span className="op-brand-sub">— {t('app.subtitle')}</span>
      </Typography.Title>
      <Flex gap={12} align="center">
        <LanguageSwitch />
        {me && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                {
                  key: 'account',
                  icon: <UserOutlined />,
                  label: t('app.menu.account'),
                  onClick: () => navigate('/account'),
                },
                { type: 'divider' },
                {
                  key: 'logout',
                  icon: <LogoutOutlined />,
                  label: t('app.logout'),
                  onClick: () => void onLogout(),
                  danger: true,
                },
              ],
            }}
          >
            <Button
              type="text"
              style={{ color: '#fff' }}
              data-testid="user-menu"
              title={t('app.userMenu')}
              aria-label={`${t('app.userMenu')}: ${me.fullName}`}
            >
              <UserOutlined />
              <span
                className="op-user-name"
                style={{ maxWidth: 180, overflow: 'hidden', textOverflow: 'ellipsis' }}
              >
                {me.fullName}
              </span>
              <DownOutlined />
            </Button>
          </Dropdown>
        )}
      </Flex>
    </Layout.Header>
  );
}
