import { Alert, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../app/FormModal';
import { useFeedback } from '../../app/feedback';
import { decide, renew, revoke } from './api';
import { DeviceFields } from './DeviceFields';
import { type Certificate, type CertificateDetail, revokeReasons } from './types';

export type FormAction = 'approve' | 'reject' | 'revoke' | 'renew';

type Values = {
  note?: string;
  reason?: (typeof revokeReasons)[number];
  csrPem?: string;
  deviceSerial?: string;
  phone?: string;
};

const blank = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

/** Approve / reject with a note, revoke with a reason, renew (a CSR for a device). */
export function CertificateActionModal({
  c,
  action,
  onClose,
  onDone,
}: {
  c: CertificateDetail;
  action: FormAction | null;
  onClose: () => void;
  onDone: (next: Certificate) => void;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  if (!action) return null;

  const submit = async (v: Values) => {
    let next: Certificate;
    if (action === 'approve' || action === 'reject')
      next = await decide(c.id, action, blank(v.note));
    else if (action === 'revoke') next = await revoke(c.id, v.reason ?? 'unspecified');
    else
      next = await renew(c.id, {
        csrPem: blank(v.csrPem),
        deviceSerial: blank(v.deviceSerial),
        phone: blank(v.phone),
      });
    feedback.success(t('pki.done', { action: t(`pki.action.${action}`).toLowerCase() }));
    onDone(next);
  };

  return (
    <FormModal<Values>
      open
      title={`${t(`pki.action.${action}`)} — ${c.subject.name}`}
      okText={t(`pki.action.${action}`)}
      okDanger={action === 'revoke' || action === 'reject'}
      initialValues={{
        reason: 'unspecified',
        deviceSerial: c.deviceSerial ?? undefined,
        phone: c.phone ?? undefined,
      }}
      onCancel={onClose}
      onSubmit={submit}
      testId={`cert-${action}`}
    >
      {(action === 'approve' || action === 'reject') && (
        <Form.Item
          name="note"
          label={t('pki.form.note')}
          rules={[{ required: action === 'reject' }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      )}
      {action === 'revoke' && (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('pki.form.revokeWarning')}
            style={{ marginBottom: 16 }}
          />
          <Form.Item name="reason" label={t('pki.form.revokeReason')} rules={[{ required: true }]}>
            <Select
              options={revokeReasons.map((r) => ({ value: r, label: t(`pki.reason.${r}`) }))}
              data-testid="cert-revoke-reason"
            />
          </Form.Item>
        </>
      )}
      {action === 'renew' && (
        <>
          <p>{t('pki.form.renewHint')}</p>
          <DeviceFields keyKind={c.keyKind === 'remote' ? undefined : c.keyKind} />
        </>
      )}
    </FormModal>
  );
}
