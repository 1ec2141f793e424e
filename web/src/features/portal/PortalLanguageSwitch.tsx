import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { type PortalLanguage, portalLanguage, setPortalLanguage } from './language';

/** VI / EN / ខ្មែរ: the app's language switch plus Khmer, for the portal. */
export function PortalLanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<PortalLanguage>
      size="small"
      aria-label={t('portal.language')}
      value={portalLanguage(i18n.language)}
      onChange={(value) => {
        void setPortalLanguage(value).then(() => {
          // the app's switch titles the page as the officials' workspace
          document.title = i18n.t('portal.documentTitle');
        });
      }}
      options={[
        {
          label: (
            <span title="Tiếng Việt" lang="vi">
              VI
            </span>
          ),
          value: 'vi',
        },
        {
          label: (
            <span title="English" lang="en">
              EN
            </span>
          ),
          value: 'en',
        },
        {
          label: (
            <span title="ភាសាខ្មែរ (Tiếng Khmer)" lang="km">
              ខ្មែរ
            </span>
          ),
          value: 'km',
        },
      ]}
      data-testid="portal-language"
    />
  );
}
