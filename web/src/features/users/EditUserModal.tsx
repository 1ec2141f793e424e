import { useTranslation } from 'react-i18next';
import { FormModal } from '../../app/FormModal';
import { useFeedback } from '../../app/feedback';
import type { User } from '../../app/types';
import { updateUser } from './api';
import { ProfileFields } from './ProfileFields';

type Values = { fullName: string; email?: string; phone?: string; position?: string };

export function EditUserModal({
  user,
  onClose,
  onSaved,
}: {
  user: User | null;
  onClose: () => void;
  onSaved: (user: User) => void;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  return (
    <FormModal<Values>
      open={user !== null}
      title={t('users.editTitle', { username: user?.username ?? '' })}
      onCancel={onClose}
      width={600}
      initialValues={
        user
          ? {
              fullName: user.fullName,
              email: user.email ?? undefined,
              phone: user.phone ?? undefined,
              position: user.position ?? undefined,
            }
          : undefined
      }
      onSubmit={async (v) => {
        const saved = await updateUser(user!.id, {
          fullName: v.fullName.trim(),
          email: v.email?.trim() || null,
          phone: v.phone?.trim() || null,
          position: v.position?.trim() || null,
        });
        feedback.success(t('common.saved'));
        onSaved(saved);
      }}
    >
      <ProfileFields />
    </FormModal>
  );
}
