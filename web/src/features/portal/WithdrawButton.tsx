import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../app/FormModal';
import { useFeedback } from '../../app/feedback';
import { actOnDossier } from './api';
import type { ApplicantDossier } from './types';

/** Withdrawing a submitted dossier, with the reason the agency will read. */
export function WithdrawButton({
  dossier: d,
  onReplaced,
}: {
  dossier: ApplicantDossier;
  onReplaced: (d: ApplicantDossier) => void;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button danger block onClick={() => setOpen(true)} data-testid="withdraw">
        {t('portal.withdraw.button')}
      </Button>
      <FormModal<{ reason: string }>
        open={open}
        title={t('portal.withdraw.title')}
        okText={t('portal.withdraw.confirm')}
        okDanger
        onCancel={() => setOpen(false)}
        onSubmit={async ({ reason }) => {
          onReplaced(await actOnDossier(d.id, { action: 'withdraw', reason: reason.trim() }));
          feedback.success(t('portal.withdraw.done'));
          setOpen(false);
        }}
        testId="withdraw-modal"
      >
        <p>{t('portal.withdraw.text')}</p>
        <Form.Item
          name="reason"
          label={t('portal.withdraw.reason')}
          rules={[
            { required: true, whitespace: true, message: t('portal.withdraw.reasonRequired') },
          ]}
        >
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      </FormModal>
    </>
  );
}
