import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { api, ApiError } from '../../app/api';
import { errorText } from '../../app/feedback';
import { useSession } from '../../app/session';
import type { Me } from '../../app/types';
import { AuthLayout } from './AuthLayout';

type Values = { username: string; password: string; totpCode?: string };

/** Username and password; a second step asks for the TOTP code when the server wants one. */
export default function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [needsTotp, setNeedsTotp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const body = {
        username: values.username.trim(),
        password: values.password,
        ...(needsTotp ? { totpCode: values.totpCode } : {}),
      };
      const { user } = await api.post<{ user: Me }>('/api/auth/login', body);
      signedIn(user);
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/login' ? from : '/', { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'auth.totp_required') {
        setNeedsTotp(true);
      } else {
        setError(errorText(err, t));
        if (err instanceof ApiError && err.code === 'auth.totp_invalid')
          form.setFieldValue('totpCode', '');
      }
    } finally {
      setBusy(false);
    }
  };

  const back = () => {
    setNeedsTotp(false);
    setError(null);
    form.setFieldsValue({ password: '', totpCode: '' });
  };

  return (
    <AuthLayout title={t('auth.login.title')}>
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 16 }}
          role="alert"
          data-testid="login-error"
        />
      )}
      {needsTotp && !error && (
        <Alert type="info" showIcon title={t('auth.login.totpHint')} style={{ marginBottom: 16 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        requiredMark={false}
        data-testid="login-form"
      >
        <div style={{ display: needsTotp ? 'none' : undefined }}>
          <Form.Item
            name="username"
            label={t('auth.login.username')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              autoCapitalize="none"
            />
          </Form.Item>
          <Form.Item name="password" label={t('auth.login.password')} rules={[{ required: true }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
        </div>
        {needsTotp && (
          <Form.Item
            name="totpCode"
            label={t('auth.login.totpCode')}
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('auth.totp.codeFormat') }]}
          >
            <Input
              prefix={<SafetyOutlined />}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              autoFocus
            />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
          {needsTotp ? t('auth.login.verify') : t('auth.login.submit')}
        </Button>
        {needsTotp && (
          <Button type="link" block onClick={back} style={{ marginTop: 8 }}>
            {t('auth.login.back')}
          </Button>
        )}
      </Form>
    </AuthLayout>
  );
}
