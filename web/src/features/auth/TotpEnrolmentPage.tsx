import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { TotpEnrolForm } from '../account/TotpEnrolForm';
import { AccountSetupLayout } from './AccountSetupLayout';

/** Shown instead of the whole app while an administrator has no second factor. */
export default function TotpEnrolmentPage() {
  const { t } = useTranslation();
  const { me, reload } = useSession();
  const { message } = App.useApp();

  const done = async () => {
    await reload();
    void message.success(t('auth.totp.enabled'));
  };

  return (
    <AccountSetupLayout
      title={t('auth.totp.requiredTitle')}
      notice={t('auth.totp.requiredText', { name: me?.fullName ?? '' })}
      width={560}
    >
      <TotpEnrolForm onDone={done} />
    </AccountSetupLayout>
  );
}
