import { LogoutOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { ChangePasswordForm } from '../account/ChangePasswordForm';
import { AuthLayout } from './AuthLayout';

/** Shown instead of the whole app while the user is on a password an administrator set. */
export default function PasswordChangePage() {
  const { t } = useTranslation();
  const { logout } = useSession();

  return (
    <AuthLayout
      title={t('app.mustChangePassword.title')}
      width={480}
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
        title={t('app.mustChangePassword.text')}
        data-testid="must-change-password"
      />
      <ChangePasswordForm />
    </AuthLayout>
  );
}
