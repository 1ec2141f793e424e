import { Form, Input, InputNumber, Radio, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../app/FormModal';
import { addHeading, createFile, createPlan, type FilePlanView, type RecordFileView } from './api';

/** "01 | Tổng hợp, hành chính" per line → headings. */
function headingsOf(text: string | undefined) {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [code = '', ...rest] = l.split('|');
      return { code: code.trim(), title: rest.join('|').trim() || code.trim() };
    });
}

export function CreatePlanModal({
  year,
  onClose,
  onDone,
}: {
  year: number;
  onClose: () => void;
  onDone: (plan: FilePlanView) => void;
}) {
  const { t } = useTranslation();
  return (
    <FormModal<{ title?: string; headings?: string }>
      open
      width={640}
      title={t('documents.records.createPlan', { year })}
      onCancel={onClose}
      testId="plan-create"
      onSubmit={async (v) =>
        onDone(
          await createPlan({
            year,
            title: v.title?.trim() || undefined,
            headings: headingsOf(v.headings),
          }),
        )
      }
    >
      <Form.Item name="title" label={t('documents.records.planTitle')}>
        <Input placeholder={t('documents.records.planTitleDefault', { year })} maxLength={500} />
      </Form.Item>
      <Form.Item
        name="headings"
        label={t('documents.records.headings')}
        extra={t('documents.records.headingsHint')}
      >
        <Input.TextArea rows={6} />
      </Form.Item>
    </FormModal>
  );
}

export function AddHeadingModal({
  plan,
  onClose,
  onDone,
}: {
  plan: FilePlanView;
  onClose: () => void;
  onDone: (plan: FilePlanView) => void;
}) {
  const { t } = useTranslation();
  return (
    <FormModal<{ code: string; title: string }>
      open
      title={t('documents.records.addHeading')}
      onCancel={onClose}
      testId="heading-add"
      onSubmit={async (v) =>
        onDone(await addHeading(plan.id, { code: v.code.trim(), title: v.title.trim() }))
      }
    >
      <Form.Item
        name="code"
        label={t('documents.records.headingCode')}
        rules={[{ required: true, pattern: /^[^\s.]{1,20}$/ }]}
      >
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('documents.records.headingTitle')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

type FileValues = {
  headingId: string;
  title: string;
  kind: 'years' | 'permanent';
  years?: number;
  note?: string;
};

export function CreateFileModal({
  plan,
  onClose,
  onDone,
}: {
  plan: FilePlanView;
  onClose: () => void;
  onDone: (file: RecordFileView) => void;
}) {
  const { t } = useTranslation();
  const key = useMemo(() => `web-${crypto.randomUUID()}`, []);
  return (
    <FormModal<FileValues>
      open
      width={640}
      title={t('documents.records.createFile')}
      initialValues={{ kind: 'years', years: 10, headingId: plan.headings[0]?.id }}
      onCancel={onClose}
      testId="file-create"
      onSubmit={async (v) =>
        onDone(
          await createFile(
            {
              headingId: v.headingId,
              title: v.title.trim(),
              retention: v.kind === 'permanent' ? 'permanent' : (v.years ?? 10),
              note: v.note?.trim() || null,
            },
            key,
          ),
        )
      }
    >
      <Form.Item
        name="headingId"
        label={t('documents.records.heading')}
        rules={[{ required: true }]}
      >
        <Select
          options={plan.headings.map((h) => ({ value: h.id, label: `${h.code}. ${h.title}` }))}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('documents.records.fileTitle')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item name="kind" label={t('documents.records.retention')}>
        <Radio.Group
          options={[
            { value: 'years', label: t('documents.records.retentionYears') },
            { value: 'permanent', label: t('documents.records.permanent') },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['kind']}>
        {({ getFieldValue }) =>
          getFieldValue('kind') === 'years' && (
            <Form.Item
              name="years"
              label={t('documents.records.years')}
              rules={[{ required: true }]}
            >
              <InputNumber min={1} max={100} />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item name="note" label={t('pki.form.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
