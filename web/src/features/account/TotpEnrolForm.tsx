import { Alert, Button, Flex, Form, Input, QRCode, Skeleton, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { errorText } from '../../app/feedback';

type Setup = { secret: string; otpauthUrl: string };

/**
 * Starts TOTP enrolment on mount (POST /api/me/totp), shows the QR code and the secret,
 * and confirms with the first code from the authenticator app.
 */
export function TotpEnrolForm({
  onDone,
  onCancel,
}: {
  onDone: () => void | Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const started = useRef(false);
  const [form] = Form.useForm<{ code: string }>();

  const start = async () => {
    setError(null);
    try {
      setSetup(await api.post<Setup>('/api/me/totp'));
    } catch (err) {
      setError(errorText(err, t));
    }
  };

  useEffect(() => {
    if (started.current) return; // once, even under StrictMode's double effects
    started.current = true;
    void start();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const confirm = async ({ code }: { code: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/me/totp/confirm', { code: code.trim() });
      await onDone();
    } catch (err) {
      setError(errorText(err, t));
      form.setFieldValue('code', '');
    } finally {
      setBusy(false);
    }
  };

  const grouped = setup?.secret.replace(/(.{4})/g, '$1 ').trim();

  return (
    <div data-testid="totp-enrol">
      <Typography.Paragraph>{t('auth.totp.intro')}</Typography.Paragraph>
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />
      )}
      {!setup ? (
        <Skeleton active />
      ) : (
        <>
          <Flex vertical gap={12} style={{ marginBottom: 16 }}>
            <figure style={{ margin: 0, alignSelf: 'flex-start' }}>
              <QRCode value={setup.otpauthUrl} size={180} bordered />
              <figcaption style={{ textAlign: 'center', fontSize: 12 }}>
                {t('auth.totp.scan')}
              </figcaption>
            </figure>
            <div>
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                {t('auth.totp.manual')}
              </Typography.Paragraph>
              <Typography.Text
                code
                copyable={{ text: setup.secret, tooltips: [t('common.copy'), t('common.copied')] }}
                className="op-mono"
                data-testid="totp-secret"
              >
                {grouped}
              </Typography.Text>
            </div>
          </Flex>
          <Form form={form} layout="vertical" onFinish={confirm} requiredMark={false}>
            <Form.Item
              name="code"
              label={t('auth.totp.code')}
              rules={[
                { required: true, pattern: /^\s*\d{6}\s*$/, message: t('auth.totp.codeFormat') },
              ]}
            >
              <Input
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                style={{ maxWidth: 200 }}
                data-testid="totp-code"
              />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="totp-confirm">
                {t('auth.totp.confirm')}
              </Button>
              {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
            </Space>
          </Form>
        </>
      )}
    </div>
  );
}
