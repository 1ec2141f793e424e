import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../app/FormModal';
import { useFeedback } from '../../app/feedback';
import { setPin } from './api';
import type { Certificate } from './types';

type Values = { currentPin?: string; pin: string; confirm: string; otp: string };

/** Sets (or changes) the PIN of a platform-held key; the second factor confirms it. */
export function PinModal({
  c,
  onClose,
  onDone,
}: {
  c: Certificate;
  onClose: () => void;
  onDone: (next: Certificate) => void;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const pinRule = { pattern: /^[0-9]{6,12}$/, message: t('pki.mine.pinRule') };

  return (
    <FormModal<Values>
      open
      title={`${t('pki.mine.pinTitle')} — ${c.subject.name}`}
      okText={c.hasPin ? t('pki.mine.changePin') : t('pki.mine.setPin')}
      onCancel={onClose}
      testId="pin-modal"
      onSubmit={async (v) => {
        const next = await setPin(c.id, {
          pin: v.pin,
          otp: v.otp,
          currentPin: c.hasPin ? v.currentPin : undefined,
        });
        feedback.success(t('pki.mine.pinSaved'));
        onDone(next);
      }}
    >
      {c.hasPin && (
        <Form.Item
          name="currentPin"
          label={t('pki.mine.currentPin')}
          rules={[{ required: true }, pinRule]}
        >
          <Input.Password inputMode="numeric" autoComplete="off" maxLength={12} />
        </Form.Item>
      )}
      <Form.Item name="pin" label={t('pki.mine.newPin')} rules={[{ required: true }, pinRule]}>
        <Input.Password
          inputMode="numeric"
          autoComplete="new-password"
          maxLength={12}
          data-testid="pin-new"
        />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('pki.mine.confirmPin')}
        dependencies={['pin']}
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: async (_, v) => {
              if (v && v !== getFieldValue('pin')) throw new Error(t('pki.mine.pinMismatch'));
            },
          }),
        ]}
      >
        <Input.Password
          inputMode="numeric"
          autoComplete="new-password"
          maxLength={12}
          data-testid="pin-confirm"
        />
      </Form.Item>
      <Form.Item
        name="otp"
        label={t('pki.mine.otp')}
        rules={[{ required: true, pattern: /^[0-9]{6}$/, message: t('pki.mine.otpRule') }]}
      >
        <Input
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          data-testid="pin-otp"
        />
      </Form.Item>
    </FormModal>
  );
}
