import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../app/FormModal';
import { useFeedback } from '../../app/feedback';
import type { User } from '../../app/types';
import { resetPassword } from './api';
import { PasswordField } from './PasswordField';

/** Sets a temporary password; the user must choose a new one at the next sign-in. */
export function ResetPasswordModal({
  user,
  onClose,
  onDone,
}: {
  user: User | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  return (
    <FormModal<{ newPassword: string }>
      open={user !== null}
      title={t('users.resetTitle', { username: user?.username ?? '' })}
      onCancel={onClose}
      onSubmit={async (v) => {
        await resetPassword(user!.id, v.newPassword);
        feedback.success(t('users.passwordReset'));
        onDone();
      }}
    >
      <Alert type="info" showIcon title={t('users.resetHint')} style={{ marginBottom: 16 }} />
      <PasswordField name="newPassword" label={t('users.temporaryPassword')} />
    </FormModal>
  );
}
