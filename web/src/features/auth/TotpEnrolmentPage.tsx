import { LogoutOutlined } from '@ant-design/icons';
import { Alert, App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { TotpEnrolForm } from '../account/TotpEnrolForm';
import { AuthLayout } from './AuthLayout';

/** Shown instead of the whole app while an administrator has no second factor. */
export default function TotpEnrolmentPage() {
  const { t } = useTranslation();
  const { me, reload, logout } = useSession();
  const { message } = App.useApp();

  const done = async () => {
    await reload();
    void message.success(t('auth.totp.enabled'));
  };

  return (
    <AuthLayout
      title={t('auth.totp.requiredTitle')}
      width={560}
      extra={
        <Button size="small" icon={<LogoutOutlined />} onClick={() => void logout()}>
          {t('app.logout')}
        </Button>
      }
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('auth.totp.requiredText', { name: me?.fullName ?? '' })}
      />
      <TotpEnrolForm onDone={done} />
    </AuthLayout>
  );
}
