import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './AppRoutes';
import { SessionProvider } from './session';

/**
 * antd's default secondary and placeholder greys, danger red and tag texts are below WCAG AA contrast (4.5:1) on
 * white; these are darkened just enough. The primary blue is 6.5:1 against white.
 */
const accessibleTokens = {
  colorPrimary: '#0b5cad',
  borderRadius: 6,
  colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.58)',
  colorTextDescription: 'rgba(0, 0, 0, 0.62)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
  colorError: '#cf1322',
  // Tag texts use shade 7 of each palette on shade 1: one or two shades darker reach 4.5:1.
  red7: '#a8071a',
  volcano7: '#ad2102',
  orange7: '#ad4e00',
  gold7: '#874d00',
  green7: '#237804',
  cyan7: '#006d75',
  blue7: '#0050b3',
  purple7: '#391085',
  magenta7: '#9e1068',
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
