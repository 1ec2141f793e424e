import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Language, setLanguage } from '../i18n';

/** VI / EN: switches texts, antd's locale, dates and the language problems come back in. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('app.language')}
      value={i18n.language === 'en' ? 'en' : 'vi'}
      onChange={(value) => void setLanguage(value)}
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
      ]}
      data-testid="language-switch"
    />
  );
}
