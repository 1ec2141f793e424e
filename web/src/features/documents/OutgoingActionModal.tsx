import { Alert, Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../app/FormModal';
import { cancelDraft, listOfficials, recallDocument, reviewDraft, submitDraft } from './api';
import type { Official, OutgoingDocument } from './types';

export type FormAction = 'submit' | 'approve' | 'return' | 'recall' | 'cancel';
type Values = { reviewerUserIds?: string[]; comment?: string; reason?: string };

/**
 * Submit (with the review chain), approve / return with a comment, recall or cancel with a
 * reason.
 */
export function OutgoingActionModal({
  d,
  action,
  onClose,
  onDone,
}: {
  d: OutgoingDocument;
  action: FormAction;
  onClose: () => void;
  onDone: (next: OutgoingDocument) => void;
}) {
  const { t } = useTranslation();
  const [reviewers, setReviewers] = useState<Official[]>([]);
  useEffect(() => {
    if (action !== 'submit') return;
    listOfficials('approve', d.agency.id).then(
      (r) => setReviewers(r.items),
      () => setReviewers([]),
    );
  }, [action, d.agency.id]);

  const submit = async (v: Values) => {
    const comment = v.comment?.trim() || undefined;
    if (action === 'submit') onDone(await submitDraft(d.id, v.reviewerUserIds ?? [], comment));
    else if (action === 'recall') onDone(await recallDocument(d.id, (v.reason ?? '').trim()));
    else if (action === 'cancel') onDone(await cancelDraft(d.id, (v.reason ?? '').trim()));
    else onDone(await reviewDraft(d.id, action, comment));
  };

  return (
    <FormModal<Values>
      open
      title={`${t(`documents.action.${action}`)} — ${d.summary}`}
      okText={t(`documents.action.${action}`)}
      okDanger={action === 'recall' || action === 'return' || action === 'cancel'}
      initialValues={{ reviewerUserIds: [] }}
      onCancel={onClose}
      onSubmit={submit}
      testId={`act-${action}`}
    >
      {action === 'submit' && (
        <Form.Item
          name="reviewerUserIds"
          label={t('documents.modal.reviewers')}
          extra={t('documents.modal.reviewersHint')}
        >
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={reviewers.map((r) => ({ value: r.id, label: r.fullName }))}
            data-testid="submit-reviewers"
          />
        </Form.Item>
      )}
      {action === 'recall' || action === 'cancel' ? (
        <>
          <Alert
            type="warning"
            showIcon
            title={t(`documents.modal.${action}Warning`)}
            style={{ marginBottom: 12 }}
          />
          <Form.Item
            name="reason"
            label={t(`documents.modal.${action}Reason`)}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      ) : (
        <Form.Item
          name="comment"
          label={
            action === 'return' ? t('documents.modal.returnComment') : t('documents.modal.comment')
          }
          rules={[{ required: action === 'return', whitespace: true }]}
        >
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      )}
    </FormModal>
  );
}
