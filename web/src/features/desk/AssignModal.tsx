import { Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../app/FormModal';
import { useFeedback } from '../../app/feedback';
import { assign, listCandidates } from './api';
import { withDeskText } from './labels';
import type { OfficerDossier } from './types';

type Values = { assigneeId: string; note?: string };

/** Gives the current step to an official holding its role at its agency ("Phân công"). */
export function AssignModal({
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
  const [candidates, setCandidates] = useState<{ id: string; fullName: string }[] | null>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setCandidates(null);
    listCandidates(d.id).then(
      (r) => live && setCandidates(r.items),
      (err: unknown) => {
        if (!live) return;
        setCandidates([]);
        feedback.error(withDeskText(err, t));
      },
    );
    return () => {
      live = false;
    };
  }, [open, d.id, feedback, t]);

  return (
    <FormModal<Values>
      open={open}
      title={t('desk.assign.title', { code: d.code ?? t('desk.noCode') })}
      okText={t('desk.assign.button')}
      initialValues={{ assigneeId: d.assignee?.id }}
      onCancel={onClose}
      testId="assign"
      onSubmit={async (v) => {
        try {
          const next = await assign(d.id, {
            assigneeId: v.assigneeId,
            note: v.note?.trim() || undefined,
          });
          feedback.success(t('desk.assign.done', { name: next.assignee?.name ?? '' }));
          onDone(next);
        } catch (err) {
          throw withDeskText(err, t);
        }
      }}
    >
      <Form.Item
        name="assigneeId"
        label={t('desk.assign.assignee')}
        rules={[{ required: true, message: t('desk.assign.required') }]}
      >
        <Select
          loading={candidates === null}
          showSearch={{ optionFilterProp: 'label' }}
          options={(candidates ?? []).map((c) => ({ value: c.id, label: c.fullName }))}
          notFoundContent={t('desk.assign.none')}
        />
      </Form.Item>
      <Form.Item name="note" label={t('desk.act.internalNote')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
