import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../app/FormModal';
import { directIncoming } from './api';
import { listOfficials } from './api';
import type { IncomingDocument, Official } from './types';

type Values = {
  leadUserId: string;
  coordinatorUserIds?: string[];
  instructions?: string;
  deadline?: Dayjs | null;
};

/** The leader's direction: who leads, who coordinates, the instructions and the deadline. */
export function DirectModal({
  e,
  onClose,
  onDone,
}: {
  e: IncomingDocument;
  onClose: () => void;
  onDone: (next: IncomingDocument) => void;
}) {
  const { t } = useTranslation();
  const [people, setPeople] = useState<Official[]>([]);
  useEffect(() => {
    listOfficials('handle', e.agencyId).then(
      (r) => setPeople(r.items),
      () => setPeople([]),
    );
  }, [e.agencyId]);
  const options = people.map((p) => ({ value: p.id, label: p.fullName }));
  const dir = e.direction;

  return (
    <FormModal<Values>
      open
      title={`${t('documents.action.direct')} — ${e.document.symbol ?? e.document.summary}`}
      okText={t('documents.action.direct')}
      width={640}
      initialValues={{
        leadUserId: dir.leadUserId ?? undefined,
        coordinatorUserIds: dir.coordinatorUserIds,
        instructions: dir.instructions ?? undefined,
      }}
      onCancel={onClose}
      testId="act-direct"
      onSubmit={async (v) =>
        onDone(
          await directIncoming(e.id, {
            leadUserId: v.leadUserId,
            leadAgencyId: null,
            coordinatorUserIds: (v.coordinatorUserIds ?? []).filter((id) => id !== v.leadUserId),
            instructions: v.instructions?.trim() || null,
            deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : null,
          }),
        )
      }
    >
      <Form.Item name="leadUserId" label={t('documents.modal.lead')} rules={[{ required: true }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={options}
          data-testid="direct-lead"
        />
      </Form.Item>
      <Form.Item name="coordinatorUserIds" label={t('documents.modal.coordinators')}>
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={options} />
      </Form.Item>
      <Form.Item name="instructions" label={t('documents.modal.instructions')}>
        <Input.TextArea rows={3} maxLength={4000} data-testid="direct-instructions" />
      </Form.Item>
      <Form.Item
        name="deadline"
        label={t('documents.modal.deadline')}
        extra={t('documents.modal.deadlineHint')}
      >
        <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} data-testid="direct-deadline" />
      </Form.Item>
    </FormModal>
  );
}
