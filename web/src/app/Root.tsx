import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './AppRoutes';
import { SessionProvider } from './session';

/**
 * antd's default secondary and placeholder greys and danger red are below WCAG AA contrast (4.5:1) on
 * white; these are darkened just enough (tag texts: global.css). The primary blue is
 * 6.5:1 against white.
 */
const accessibleTokens = {
  colorPrimary: '#0b5cad',
  borderRadius: 6,
  colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.58)',
  colorTextDescription: 'rgba(0, 0, 0, 0.62)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
  colorError: '#cf1322',
  colorLink: '#0b5cad',
};

/** Providers: antd locale follows the UI language; the session wraps every route. */
export function Root() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : viVN}
      theme={{ algorithm: theme.defaultAlgorithm, token: accessibleTokens }}
    >
      <AntApp>
        <BrowserRouter>
          <SessionProvider>
            <AppRoutes />
          </SessionProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
