import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Form,
  Input,
  Radio,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../app/api';
import { useFeedback } from '../../app/feedback';
import { useMe } from '../../app/session';
import { AgencyName } from '../agencies/AgencyName';
import { createAtDesk, getProcedure } from './api';
import { ApplicantFields } from './ApplicantFields';
import { EFormFields, formDataOf } from './EFormFields';
import { processingTimeText, vnd, withDeskText } from './labels';
import { ProcedurePicker } from './ProcedurePicker';
import type { Applicant, ProcedureDetail } from './types';

type Values = {
  procedureId?: string;
  channel: 'desk' | 'post';
  applicant: Omit<Applicant, 'birthDate'> & { birthDate?: Dayjs | null };
  formData?: Record<string, unknown>;
  papersReceived?: string[];
  note?: string;
};

/** A key for the Idempotency-Key header, also where `crypto.randomUUID` is missing (plain http). */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const optional = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

/**
 * Filing a walk-in or postal dossier at the desk: the procedure (among those the officer's
 * agency carries), the applicant, the e-form and the papers checked. The server files and
 * receives it in one step; the dossier page then offers the receipt (form 01).
 */
export default function DeskNewPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const [procedure, setProcedure] = useState<ProcedureDetail | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per form session: a retry or a double click files the dossier once.
  const key = useRef(newKey());
  const agencyId = me.agencyId ?? undefined;

  const choose = async (id: string | undefined) => {
    form.setFieldsValue({ formData: {}, papersReceived: [] });
    if (!id) {
      setProcedure(null);
      return;
    }
    try {
      const p = await getProcedure(id);
      setProcedure(p);
      const channel = form.getFieldValue('channel') as Values['channel'];
      if (!p.submissionModes.includes(channel)) {
        const offered = (['desk', 'post'] as const).find((c) => p.submissionModes.includes(c));
        if (offered) form.setFieldValue('channel', offered);
      }
    } catch (err) {
      feedback.error(err);
    }
  };

  const deskModes = procedure
    ? (['desk', 'post'] as const).filter((c) => procedure.submissionModes.includes(c))
    : (['desk', 'post'] as const);

  const submit = async (v: Values) => {
    if (!procedure || busy) return;
    setBusy(true);
    try {
      const a = v.applicant;
      const d = await createAtDesk(
        {
          procedureId: procedure.id,
          agencyId,
          channel: v.channel,
          applicant: {
            fullName: a.fullName.trim(),
            idNumber: a.idNumber.trim(),
            phone: a.phone.trim(),
            address: a.address.trim(),
            email: optional(a.email),
            organization: optional(a.organization),
            birthDate: a.birthDate ? a.birthDate.format('YYYY-MM-DD') : undefined,
          },
          formData: formDataOf(procedure.formFields, v.formData),
          papersReceived: v.papersReceived ?? [],
          note: optional(v.note),
        },
        key.current,
      );
      feedback.success(t('desk.new.created', { code: d.code ?? '' }));
      navigate(`/desk/dossiers/${d.id}`, { state: { created: true } });
    } catch (err) {
      feedback.error(withDeskText(err, t));
      markErrors(err);
    } finally {
      setBusy(false);
    }
  };

  const markErrors = (err: unknown) => {
    if (!(err instanceof ApiError)) return;
    const fields: { name: (string | number)[]; errors: string[] }[] = [];
    for (const e of err.fieldErrors) {
      const path = e.path.replace(/^\//, '').split('/').filter(Boolean);
      if (path[0] === 'applicant' || path[0] === 'formData') {
        fields.push({ name: path, errors: [t('common.invalidValue')] });
      }
    }
    if (err.code === 'dossier.form_invalid' && Array.isArray(err.extensions.fields)) {
      for (const k of err.extensions.fields as string[]) {
        fields.push({ name: ['formData', k], errors: [t('common.invalidValue')] });
      }
    }
    if (err.code === 'dossier.missing_papers') {
      fields.push({ name: ['papersReceived'], errors: [err.detail] });
    }
    if (fields.length) form.setFields(fields);
  };

  return (
    <>
      <Link to="/desk">
        <ArrowLeftOutlined /> {t('desk.backToList')}
      </Link>
      <Typography.Title level={2} style={{ margin: '8px 0 4px' }}>
        {t('desk.new.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('desk.new.intro')} <AgencyName id={agencyId} />
      </Typography.Paragraph>
      {!agencyId && <Alert type="warning" showIcon title={t('desk.new.noAgency')} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ channel: 'desk', papersReceived: [] }}
        onFinish={submit}
        onFinishFailed={({ errorFields }) => {
          if (errorFields[0]) form.scrollToField(errorFields[0].name, { block: 'center' });
        }}
        data-testid="desk-new-form"
        style={{ maxWidth: 960 }}
      >
        <Flex vertical gap={16}>
          <Card size="small" title={t('desk.new.procedureSection')}>
            <Form.Item
              name="procedureId"
              label={t('desk.new.procedure')}
              rules={[{ required: true, message: t('desk.new.procedureRequired') }]}
            >
              <ProcedurePicker
                agencyId={agencyId}
                onChange={(v) => void choose(v)}
                data-testid="desk-new-procedure"
              />
            </Form.Item>
            {procedure && (
              <Descriptions
                size="small"
                column={{ xs: 1, md: 3 }}
                style={{ marginBottom: 12 }}
                items={[
                  { key: 'sector', label: t('desk.new.sector'), children: procedure.sectorName },
                  {
                    key: 'time',
                    label: t('desk.new.time'),
                    children: processingTimeText(t, procedure.processingTime, procedure.timeUnit),
                  },
                  {
                    key: 'fee',
                    label: t('desk.new.fee'),
                    children: procedure.feeVnd > 0 ? vnd(procedure.feeVnd) : t('desk.fee.none'),
                  },
                ]}
              />
            )}
            {procedure && deskModes.length === 0 && (
              <Alert
                type="error"
                showIcon
                title={t('desk.new.noDeskMode')}
                style={{ marginBottom: 12 }}
              />
            )}
            <Form.Item name="channel" label={t('desk.new.channel')} rules={[{ required: true }]}>
              <Radio.Group>
                <Radio value="desk" disabled={!deskModes.includes('desk')}>
                  {t('desk.channel.desk')}
                </Radio>
                <Radio value="post" disabled={!deskModes.includes('post')}>
                  {t('desk.channel.post')}
                </Radio>
              </Radio.Group>
            </Form.Item>
          </Card>

          <Card size="small" title={t('desk.new.applicantSection')}>
            <ApplicantFields />
          </Card>

          {procedure && procedure.formFields.length > 0 && (
            <Card size="small" title={t('desk.eform')}>
              <EFormFields fields={procedure.formFields} />
            </Card>
          )}

          {procedure && (
            <Card size="small" title={t('desk.new.papersSection')}>
              <Form.Item
                name="papersReceived"
                extra={t('desk.new.papersHint')}
                rules={[
                  {
                    validator: async (_, value: string[] | undefined) => {
                      const have = new Set(value ?? []);
                      const missing = procedure.papers.filter(
                        (p) => p.mandatory && !have.has(p.key),
                      );
                      if (missing.length) {
                        throw new Error(t('desk.act.mandatoryMissing', { count: missing.length }));
                      }
                    },
                  },
                ]}
              >
                <Checkbox.Group style={{ width: '100%' }} aria-label={t('desk.new.papersSection')}>
                  <Flex vertical gap={8}>
                    {procedure.papers.map((p) => (
                      <Checkbox key={p.key} value={p.key} data-paper={p.key}>
                        {p.name}{' '}
                        {p.copies && (
                          <Typography.Text type="secondary">({p.copies})</Typography.Text>
                        )}{' '}
                        {p.mandatory && <Tag color="red">{t('desk.papers.mandatory')}</Tag>}
                      </Checkbox>
                    ))}
                    {procedure.papers.length === 0 && (
                      <Typography.Text type="secondary">{t('desk.papers.none')}</Typography.Text>
                    )}
                  </Flex>
                </Checkbox.Group>
              </Form.Item>
            </Card>
          )}

          <Card size="small">
            <Form.Item name="note" label={t('desk.new.note')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Flex gap={8} wrap>
              <Button
                type="primary"
                htmlType="submit"
                loading={busy}
                disabled={!procedure || deskModes.length === 0}
                data-testid="desk-new-submit"
              >
                {t('desk.new.submit')}
              </Button>
              <Button onClick={() => navigate('/desk')}>{t('common.cancel')}</Button>
            </Flex>
          </Card>
        </Flex>
      </Form>
    </>
  );
}
