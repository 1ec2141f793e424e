import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../app/FormModal';
import { useFeedback } from '../../app/feedback';
import { recordFee } from './api';
import { vnd, withDeskText } from './labels';
import type { OfficerDossier } from './types';

/** Records the fee paid at the desk, with the receipt number. */
export function FeeModal({
  d,
  open,
  onClose,
  onDone,
}: {
  d: OfficerDossier;
  open: boolean;
  onClose: () => void;
  onDone: (next: OfficerDossier) => void;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  return (
    <FormModal<{ receiptNo: string }>
      open={open}
      title={t('desk.fee.title', { amount: vnd(d.fee?.amountVnd ?? 0) })}
      okText={t('desk.fee.record')}
      onCancel={onClose}
      testId="fee"
      onSubmit={async (v) => {
        try {
          const next = await recordFee(d.id, v.receiptNo.trim());
          feedback.success(t('desk.fee.recorded'));
          onDone(next);
        } catch (err) {
          throw withDeskText(err, t);
        }
      }}
    >
      <Form.Item
        name="receiptNo"
        label={t('desk.fee.receiptNo')}
        rules={[
          { required: true, whitespace: true, max: 50, message: t('desk.fee.receiptRequired') },
        ]}
      >
        <Input maxLength={50} autoComplete="off" />
      </Form.Item>
    </FormModal>
  );
}
