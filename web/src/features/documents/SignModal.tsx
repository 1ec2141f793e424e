import { Alert, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../app/FormModal';
import { useMe } from '../../app/session';
import { signDocument } from './api';
import type { OutgoingDocument } from './types';

type Values = { pin: string; otp: string };

/** The leader's personal signature: PIN of the platform-held key + a fresh TOTP code. */
export function SignModal({
  d,
  onClose,
  onDone,
}: {
  d: OutgoingDocument;
  onClose: () => void;
  onDone: (next: OutgoingDocument) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const line = [
    d.authority && d.headTitle ? `${d.authority} ${d.headTitle}` : null,
    d.signerPosition,
    me.fullName,
  ]
    .filter(Boolean)
    .join(' / ');
  return (
    <FormModal<Values>
      open
      title={`${t('documents.action.sign')} — ${d.summary}`}
      okText={t('documents.action.sign')}
      onCancel={onClose}
      onSubmit={async (v) => onDone(await signDocument(d.id, v.pin, v.otp))}
      testId="act-sign"
    >
      <Typography.Paragraph>{t('documents.modal.signIntro')}</Typography.Paragraph>
      <Typography.Paragraph strong data-testid="sign-as">
        {t('documents.modal.signAs', { line })}
      </Typography.Paragraph>
      {!me.totpEnabled && (
        <Alert
          type="warning"
          showIcon
          title={t('documents.modal.needTotp')}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form.Item name="pin" label={t('documents.modal.pin')} rules={[{ required: true }]}>
        <Input.Password
          inputMode="numeric"
          autoComplete="off"
          maxLength={64}
          data-testid="sign-pin"
        />
      </Form.Item>
      <Form.Item
        name="otp"
        label={t('documents.modal.otp')}
        rules={[{ required: true, pattern: /^[0-9]{6}$/, message: t('documents.modal.otpRule') }]}
      >
        <Input
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          data-testid="sign-otp"
        />
      </Form.Item>
    </FormModal>
  );
}
