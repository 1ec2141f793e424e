import { SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { FormModal } from '../../app/FormModal';
import { useFeedback } from '../../app/feedback';
import { useMe, useSession } from '../../app/session';
import { TotpEnrolForm } from './TotpEnrolForm';

const mfaRoles = new Set(['dept_admin', 'agency_admin']);

/** Two-factor status with enable (QR code) and disable (password). */
export function TotpCard() {
  const { t } = useTranslation();
  const me = useMe();
  const { reload } = useSession();
  const feedback = useFeedback();
  const [enrolling, setEnrolling] = useState(false);
  const [disabling, setDisabling] = useState(false);
  const required = me.roles.some((r) => mfaRoles.has(r.role));

  return (
    <Card
      title={
        <Space>
          <SafetyOutlined />
          {t('account.totp')}
        </Space>
      }
      extra={
        me.totpEnabled ? (
          <Tag color="green">{t('account.totpOn')}</Tag>
        ) : (
          <Tag>{t('account.totpOff')}</Tag>
        )
      }
      data-testid="totp-card"
    >
      {required && (
        <Alert
          type="info"
          showIcon
          title={t('account.totpRequired')}
          style={{ marginBottom: 12 }}
        />
      )}
      {enrolling ? (
        <TotpEnrolForm
          onCancel={() => setEnrolling(false)}
          onDone={async () => {
            setEnrolling(false);
            feedback.success(t('auth.totp.enabled'));
            await reload();
          }}
        />
      ) : me.totpEnabled ? (
        <>
          <Typography.Paragraph>{t('account.totpOnText')}</Typography.Paragraph>
          {!required && (
            <Button danger onClick={() => setDisabling(true)}>
              {t('account.totpDisable')}
            </Button>
          )}
        </>
      ) : (
        <>
          <Typography.Paragraph>{t('account.totpOffText')}</Typography.Paragraph>
          <Button type="primary" onClick={() => setEnrolling(true)}>
            {t('account.totpEnable')}
          </Button>
        </>
      )}
      <FormModal<{ password: string }>
        open={disabling}
        title={t('account.totpDisable')}
        okText={t('account.totpDisable')}
        okDanger
        onCancel={() => setDisabling(false)}
        onSubmit={async (v) => {
          await api.post('/api/me/totp/disable', { password: v.password });
          setDisabling(false);
          feedback.success(t('account.totpDisabled'));
          await reload();
        }}
      >
        <Typography.Paragraph>{t('account.totpDisableText')}</Typography.Paragraph>
        <Form.Item
          name="password"
          label={t('account.currentPassword')}
          rules={[{ required: true }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
