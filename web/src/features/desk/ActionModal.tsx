import {
  Alert,
  Checkbox,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { FormModal } from '../../app/FormModal';
import { useFeedback } from '../../app/feedback';
import { currentLanguage } from '../../i18n';
import { act } from './api';
import { withDeskText } from './labels';
import type { OfficerAction, OfficerActionInput, OfficerDossier } from './types';
import { UploadButton } from './UploadButton';

type Values = {
  note?: string;
  internalNote?: string;
  reason?: string;
  papers?: string[];
  papersReceived?: string[];
  resultFileId?: string;
  method?: 'desk' | 'post';
  extraWorkingDays?: number;
};

/** Actions that refuse, stop or undo: their OK button is red. */
const dangerous = new Set<OfficerAction>(['refuse_reception', 'refuse', 'cancel', 'pause']);

const trimmed = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

function bodyOf(action: OfficerAction, v: Values): OfficerActionInput {
  const note = trimmed(v.note);
  switch (action) {
    case 'receive':
      return { action, papersReceived: v.papersReceived ?? [], note };
    case 'refuse_reception':
    case 'pause':
    case 'refuse':
    case 'cancel':
      return { action, reason: v.reason!.trim() };
    case 'request_supplement':
      return {
        action,
        reason: v.reason!.trim(),
        papers: (v.papers ?? []).map((p) => p.trim()).filter(Boolean),
      };
    case 'start':
    case 'accept_transfer':
    case 'resume':
      return { action, note };
    case 'forward':
    case 'approve':
      return { action, note, internalNote: trimmed(v.internalNote) };
    case 'attach_result':
      return { action, resultFileId: v.resultFileId!, note };
    case 'return':
      return { action, method: v.method ?? 'desk', note };
    case 'extend':
      return { action, reason: v.reason!.trim(), extraWorkingDays: v.extraWorkingDays ?? 1 };
  }
}

/** Selects the newest result file when one is uploaded from inside the dialog. */
function SelectNewest({ ids }: { ids: string[] }) {
  const form = Form.useFormInstance<Values>();
  const newest = ids.at(-1);
  useEffect(() => {
    if (newest) form.setFieldValue('resultFileId', newest);
  }, [form, newest]);
  return null;
}

/**
 * One dialog for every officer action, with the body `OfficerActionInput` asks for:
 * checked papers for reception, a reason for refusals, the papers to supplement, the result
 * file, the return method, the extra working days of an extension.
 */
export function ActionModal({
  d,
  action,
  onClose,
  onDone,
  onReload,
}: {
  d: OfficerDossier;
  action: OfficerAction | null;
  onClose: () => void;
  onDone: (next: OfficerDossier, action: OfficerAction) => void;
  /** A file was uploaded from inside the dialog, or the dossier moved on: reload it. */
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const lang = currentLanguage();
  if (!action) return null;

  const uploaded = new Set(d.files.filter((f) => f.paperKey).map((f) => f.paperKey!));
  const results = d.files.filter((f) => f.purpose === 'result');
  const nextStep = d.steps[d.stepIndex + 1];
  const reason = (label = t('desk.act.reason')) => (
    <Form.Item
      name="reason"
      label={label}
      rules={[{ required: true, whitespace: true, message: t('desk.act.reasonRequired') }]}
    >
      <Input.TextArea rows={3} maxLength={2000} showCount />
    </Form.Item>
  );
  const note = (label = t('desk.act.note')) => (
    <Form.Item name="note" label={label} extra={t('desk.act.noteHint')}>
      <Input.TextArea rows={2} maxLength={2000} />
    </Form.Item>
  );
  const internalNote = (
    <Form.Item
      name="internalNote"
      label={t('desk.act.internalNote')}
      extra={t('desk.act.internalHint')}
    >
      <Input.TextArea rows={2} maxLength={2000} />
    </Form.Item>
  );

  let body: ReactNode;
  let initialValues: Values = {};
  switch (action) {
    case 'receive':
      initialValues = {
        papersReceived: d.papers.filter((p) => uploaded.has(p.key)).map((p) => p.key),
      };
      body = (
        <>
          <Form.Item
            name="papersReceived"
            label={t('desk.act.papersChecked')}
            extra={t('desk.act.papersCheckedHint')}
            rules={[
              {
                validator: async (_, value: string[] | undefined) => {
                  const have = new Set([...(value ?? []), ...uploaded]);
                  const missing = d.papers.filter((p) => p.mandatory && !have.has(p.key));
                  if (missing.length)
                    throw new Error(t('desk.act.mandatoryMissing', { count: missing.length }));
                },
              },
            ]}
          >
            <Checkbox.Group style={{ width: '100%' }}>
              <Flex vertical gap={6}>
                {d.papers.map((p) => (
                  <Checkbox key={p.key} value={p.key} data-paper={p.key}>
                    {p.name} {p.mandatory && <Tag color="red">{t('desk.papers.mandatory')}</Tag>}
                    {uploaded.has(p.key) && <Tag color="blue">{t('desk.act.hasFile')}</Tag>}
                  </Checkbox>
                ))}
              </Flex>
            </Checkbox.Group>
          </Form.Item>
          {note()}
        </>
      );
      break;
    case 'refuse_reception':
    case 'refuse':
      body = (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('desk.act.refuseHint')}
            style={{ marginBottom: 16 }}
          />
          {reason(t('desk.act.refuseReason'))}
        </>
      );
      break;
    case 'cancel':
    case 'pause':
      body = reason();
      break;
    case 'request_supplement':
      body = (
        <>
          <Form.Item
            name="papers"
            label={t('desk.act.supplementPapers')}
            extra={t('desk.act.supplementPapersHint')}
            rules={[
              {
                required: true,
                type: 'array',
                min: 1,
                message: t('desk.act.supplementPapersRequired'),
              },
            ]}
          >
            <Select
              mode="tags"
              tokenSeparators={['\n']}
              options={d.papers.map((p) => ({ value: p.name, label: p.name }))}
              placeholder={t('desk.act.supplementPapersPlaceholder')}
              aria-label={t('desk.act.supplementPapers')}
            />
          </Form.Item>
          {reason(t('desk.act.supplementReason'))}
        </>
      );
      break;
    case 'start':
    case 'accept_transfer':
    case 'resume':
      body = note();
      break;
    case 'forward':
      body = (
        <>
          {nextStep && (
            <Alert
              type="info"
              showIcon
              title={t('desk.act.forwardTo', {
                step: nextStep.name[lang],
                role: t(`roles.${nextStep.role}`, nextStep.role),
              })}
              style={{ marginBottom: 16 }}
            />
          )}
          {note()}
          {internalNote}
        </>
      );
      break;
    case 'approve':
      body = (
        <>
          {note()}
          {internalNote}
        </>
      );
      break;
    case 'attach_result':
      initialValues = { resultFileId: results.at(-1)?.id };
      body = (
        <>
          <Form.Item
            name="resultFileId"
            label={t('desk.act.resultFile')}
            rules={[{ required: true, message: t('desk.act.resultFileRequired') }]}
          >
            <Radio.Group>
              <Flex vertical gap={6}>
                {results.map((f) => (
                  <Radio key={f.id} value={f.id}>
                    {f.fileName}
                  </Radio>
                ))}
              </Flex>
            </Radio.Group>
          </Form.Item>
          <SelectNewest ids={results.map((f) => f.id)} />
          {results.length === 0 && (
            <Typography.Paragraph type="secondary">
              {t('desk.act.noResultFile')}
            </Typography.Paragraph>
          )}
          <div style={{ marginBottom: 16 }}>
            <UploadButton
              dossierId={d.id}
              purpose="result"
              label={t('desk.files.uploadResult')}
              onUploaded={onReload}
              testId="act-upload-result"
            />
          </div>
          {note()}
        </>
      );
      break;
    case 'return':
      initialValues = { method: d.channel === 'post' ? 'post' : 'desk' };
      body = (
        <>
          <Form.Item name="method" label={t('desk.act.method')} rules={[{ required: true }]}>
            <Radio.Group>
              <Flex vertical gap={6}>
                <Radio value="desk">{t('desk.returnMethod.desk')}</Radio>
                <Radio value="post">{t('desk.returnMethod.post')}</Radio>
              </Flex>
            </Radio.Group>
          </Form.Item>
          {note()}
        </>
      );
      break;
    case 'extend':
      initialValues = { extraWorkingDays: 1 };
      body = (
        <>
          <Alert
            type="info"
            showIcon
            title={t('desk.act.extendHint')}
            style={{ marginBottom: 16 }}
          />
          <Form.Item
            name="extraWorkingDays"
            label={t('desk.act.extraDays')}
            rules={[
              {
                required: true,
                type: 'integer',
                min: 1,
                max: 60,
                message: t('desk.act.extraDaysRange'),
              },
            ]}
          >
            <InputNumber min={1} max={60} precision={0} style={{ width: 140 }} />
          </Form.Item>
          {reason(t('desk.act.extendReason'))}
        </>
      );
      break;
  }

  return (
    <FormModal<Values>
      open
      title={`${t(`desk.action.${action}`)} — ${d.code ?? t('desk.noCode')}`}
      okText={t(`desk.action.${action}`)}
      okDanger={dangerous.has(action)}
      width={action === 'receive' || action === 'request_supplement' ? 720 : 560}
      initialValues={initialValues}
      onCancel={onClose}
      testId={`act-${action}`}
      onSubmit={async (values) => {
        try {
          const next = await act(d.id, bodyOf(action, values));
          feedback.success(t('desk.act.done', { action: t(`desk.action.${action}`) }));
          onDone(next, action);
        } catch (err) {
          onReload();
          // The dossier moved on (another officer acted, the step changed hands): this
          // dialog no longer applies; say why and close it.
          if (
            err instanceof ApiError &&
            (err.code === 'dossier.illegal_transition' || err.code === 'dossier.not_your_step')
          ) {
            feedback.error(withDeskText(err, t));
            onClose();
            return;
          }
          throw withDeskText(err, t);
        }
      }}
    >
      {body}
    </FormModal>
  );
}
