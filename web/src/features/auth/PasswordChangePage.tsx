import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from '../account/ChangePasswordForm';
import { AccountSetupLayout } from './AccountSetupLayout';

/** Shown instead of the whole app while the user is on a password an administrator set. */
export default function PasswordChangePage() {
  const { t } = useTranslation();
  return (
    <AccountSetupLayout
      title={t('app.mustChangePassword.title')}
      notice={t('app.mustChangePassword.text')}
      width={480}
    >
      <ChangePasswordForm />
    </AccountSetupLayout>
  );
}
