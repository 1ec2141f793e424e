import { Alert, Form, type FormInstance, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../app/api';
import { FormModal } from '../../app/FormModal';
import { useFeedback } from '../../app/feedback';
import { useSession } from '../../app/session';
import type { Me } from '../../app/types';
import { register } from './api';

type Values = {
  fullName: string;
  username: string;
  email?: string;
  phone?: string;
  password: string;
  confirm: string;
};

/** A citizen account (POST /api/auth/register), then signed in straight away. */
export function RegisterModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const feedback = useFeedback();

  const submit = async (values: Values, form: FormInstance<Values>) => {
    const username = values.username.trim().toLowerCase();
    try {
      await register({
        username,
        fullName: values.fullName.trim(),
        email: values.email?.trim() || undefined,
        phone: values.phone?.trim() || undefined,
        password: values.password,
      });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'identity.username_taken') {
        form.setFields([{ name: 'username', errors: [err.detail] }]);
      }
      if (err instanceof ApiError && err.code === 'identity.weak_password') {
        form.setFields([{ name: 'password', errors: [err.detail] }]);
      }
      throw err;
    }
    const { user } = await api.post<{ user: Me }>('/api/auth/login', {
      username,
      password: values.password,
    });
    signedIn(user);
    feedback.success(t('portal.register.done', { name: user.fullName }));
    onClose();
  };

  return (
    <FormModal<Values>
      open={open}
      title={t('portal.register.title')}
      okText={t('portal.register.submit')}
      onCancel={onClose}
      onSubmit={submit}
      testId="portal-register-modal"
    >
      <Alert type="info" showIcon title={t('portal.register.intro')} style={{ marginBottom: 16 }} />
      <Form.Item
        name="fullName"
        label={t('portal.applicant.fullName')}
        rules={[
          {
            required: true,
            whitespace: true,
            min: 2,
            max: 200,
            message: t('portal.register.nameRule'),
          },
        ]}
      >
        <Input autoComplete="name" />
      </Form.Item>
      <Form.Item
        name="username"
        label={t('portal.register.username')}
        extra={t('portal.register.usernameHint')}
        rules={[
          { required: true, message: t('portal.rules.required') },
          {
            pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/,
            message: t('portal.register.usernameRule'),
          },
        ]}
      >
        <Input autoComplete="username" autoCapitalize="none" />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('portal.applicant.email')}
        rules={[{ type: 'email', message: t('portal.rules.email') }]}
      >
        <Input type="email" autoComplete="email" />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('portal.applicant.phone')}
        rules={[{ pattern: /^\+?[0-9 .-]{8,20}$/, message: t('portal.rules.phone') }]}
      >
        <Input type="tel" autoComplete="tel" inputMode="tel" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('portal.register.password')}
        extra={t('portal.register.passwordHint')}
        rules={[
          { required: true, message: t('portal.rules.required') },
          { min: 10, max: 128, message: t('portal.register.passwordRule') },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('portal.register.confirm')}
        dependencies={['password']}
        rules={[
          { required: true, message: t('portal.rules.required') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('password')
                ? Promise.resolve()
                : Promise.reject(new Error(t('portal.register.confirmRule'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
