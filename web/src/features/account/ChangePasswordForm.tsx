import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useFeedback } from '../../app/feedback';
import { useSession } from '../../app/session';

type Values = { currentPassword: string; newPassword: string; confirm: string };

/** Change my password (10–128 characters, not the username). */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const feedback = useFeedback();
  const { reload } = useSession();

  const finish = async (v: Values) => {
    setBusy(true);
    try {
      await api.post('/api/me/password', {
        currentPassword: v.currentPassword,
        newPassword: v.newPassword,
      });
      form.resetFields();
      feedback.success(t('account.passwordChanged'));
      await reload();
    } catch (err) {
      feedback.error(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={finish}
      style={{ maxWidth: 420 }}
      data-testid="change-password"
    >
      {/* lets password managers tie the new password to the account */}
      <input type="text" name="username" autoComplete="username" hidden readOnly />
      <Form.Item
        name="currentPassword"
        label={t('account.currentPassword')}
        rules={[{ required: true }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('account.newPassword')}
        extra={t('account.passwordPolicy')}
        rules={[{ required: true }, { min: 10, max: 128, message: t('users.passwordPolicy') }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('account.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('account.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('account.changePassword')}
      </Button>
    </Form>
  );
}
