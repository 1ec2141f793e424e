import { Button, Card, Col, DatePicker, Flex, Form, Input, Row, Select, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { markFieldErrors, useFeedback } from '../../app/feedback';
import { fold } from '../../app/format';
import type { AgencyName, Applicant, FormField } from './types';

export type InfoValues = {
  agencyId?: string;
  applicant: Applicant;
  formData: Record<string, string>;
};

type FieldValues = {
  agencyId?: string;
  applicant: Omit<Applicant, 'birthDate'> & { birthDate?: Dayjs | null };
  form: Record<string, string | Dayjs | null | undefined>;
};

const patterns = {
  idNumber: /^([0-9]{9}|[0-9]{12}|[A-Z][0-9]{7,8})$/,
  idNumberField: /^([0-9]{9}|[0-9]{12})$/,
  phone: /^(\+84|0)[0-9]{9,10}$/,
  number: /^-?\d+([.,]\d+)?$/,
};

/**
 * The dossier's own information: the receiving agency (only when creating: a draft keeps its
 * agency), the applicant, and the procedure's e-form with fields rendered by type.
 */
export function DossierInfoForm({
  agencies,
  fields,
  initial,
  submitText,
  extraButtons,
  onSave,
}: {
  /** The agencies to choose from; omitted when editing a draft. */
  agencies?: AgencyName[];
  fields: FormField[];
  initial: Partial<InfoValues>;
  submitText: string;
  extraButtons?: ReactNode;
  onSave: (values: InfoValues) => Promise<void>;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [form] = Form.useForm<FieldValues>();
  const [busy, setBusy] = useState(false);

  const initialValues: FieldValues = {
    agencyId: initial.agencyId ?? (agencies?.length === 1 ? agencies[0]!.id : undefined),
    applicant: {
      ...(initial.applicant ?? { fullName: '', idNumber: '', phone: '', address: '' }),
      birthDate: initial.applicant?.birthDate ? dayjs(initial.applicant.birthDate) : null,
    },
    form: Object.fromEntries(
      fields.map((f) => {
        const raw = initial.formData?.[f.key];
        return [f.key, f.type === 'date' && raw ? dayjs(raw) : raw];
      }),
    ),
  };

  const finish = async (values: FieldValues) => {
    setBusy(true);
    const trimmed = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
    const a = values.applicant;
    const applicant: Applicant = {
      fullName: a.fullName.trim(),
      idNumber: a.idNumber.trim(),
      phone: a.phone.trim(),
      address: a.address.trim(),
      ...(a.birthDate ? { birthDate: a.birthDate.format('YYYY-MM-DD') } : {}),
      ...(trimmed(a.email) ? { email: trimmed(a.email) } : {}),
      ...(trimmed(a.organization) ? { organization: trimmed(a.organization) } : {}),
    };
    const formData: Record<string, string> = {};
    for (const f of fields) {
      const v = values.form?.[f.key];
      if (v === undefined || v === null) continue;
      const text = dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : String(v).trim();
      if (text !== '') formData[f.key] = text;
    }
    try {
      await onSave({ agencyId: values.agencyId, applicant, formData });
    } catch (err) {
      feedback.error(err);
      markFieldErrors(form, err, t);
      // dossier.form_invalid names the e-form fields the server refused
      const bad = err instanceof ApiError ? err.extensions.fields : undefined;
      if (Array.isArray(bad)) {
        form.setFields(
          bad
            .filter((k): k is string => typeof k === 'string')
            .map((k) => ({ name: ['form', k], errors: [t('portal.rules.invalid')] })),
        );
      }
    } finally {
      setBusy(false);
    }
  };

  const required = (message: string): Rule => ({ required: true, whitespace: true, message });

  return (
    <Form<FieldValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={finish}
      scrollToFirstError
      data-testid="dossier-info-form"
    >
      {agencies && (
        <Card
          title={<h2 className="portal-card-heading">{t('portal.new.agency')}</h2>}
          style={{ marginBottom: 16 }}
        >
          <Form.Item
            name="agencyId"
            label={t('portal.new.agencyLabel')}
            extra={t('portal.new.agencyHint')}
            rules={[{ required: true, message: t('portal.new.agencyRequired') }]}
          >
            <Select
              showSearch={{
                filterOption: (input, option) =>
                  fold(String(option?.label ?? '')).includes(fold(input)),
              }}
              placeholder={t('portal.new.agencyPlaceholder')}
              options={agencies.map((a) => ({ value: a.id, label: a.name }))}
              data-testid="agency-select"
            />
          </Form.Item>
        </Card>
      )}

      <Card
        title={<h2 className="portal-card-heading">{t('portal.new.applicant')}</h2>}
        style={{ marginBottom: 16 }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name={['applicant', 'fullName']}
              label={t('portal.applicant.fullName')}
              rules={[required(t('portal.rules.required')), { max: 150 }]}
            >
              <Input autoComplete="name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['applicant', 'idNumber']}
              label={t('portal.applicant.idNumber')}
              extra={t('portal.applicant.idNumberHint')}
              rules={[
                required(t('portal.rules.required')),
                { pattern: patterns.idNumber, message: t('portal.rules.idNumber') },
              ]}
            >
              <Input inputMode="numeric" maxLength={12} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['applicant', 'birthDate']} label={t('portal.applicant.birthDate')}>
              <DatePicker
                style={{ width: '100%' }}
                format="DD/MM/YYYY"
                disabledDate={(d) => d.isAfter(dayjs())}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['applicant', 'phone']}
              label={t('portal.applicant.phone')}
              rules={[
                required(t('portal.rules.required')),
                { pattern: patterns.phone, message: t('portal.rules.phone') },
              ]}
            >
              <Input type="tel" inputMode="tel" autoComplete="tel" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['applicant', 'email']}
              label={t('portal.applicant.email')}
              rules={[{ type: 'email', message: t('portal.rules.email') }]}
            >
              <Input type="email" autoComplete="email" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['applicant', 'organization']}
              label={t('portal.applicant.organization')}
            >
              <Input autoComplete="organization" maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name={['applicant', 'address']}
              label={t('portal.applicant.address')}
              rules={[required(t('portal.rules.required')), { max: 300 }]}
            >
              <Input autoComplete="street-address" />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      {fields.length > 0 && (
        <Card
          title={<h2 className="portal-card-heading">{t('portal.new.eform')}</h2>}
          style={{ marginBottom: 16 }}
        >
          <Row gutter={16}>
            {fields.map((f) => (
              <Col key={f.key} xs={24} md={f.type === 'textarea' ? 24 : 12}>
                <EFormField field={f} />
              </Col>
            ))}
          </Row>
        </Card>
      )}

      <Flex gap={8} wrap justify="end">
        {extraButtons}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="dossier-save">
          {submitText}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, textAlign: 'end' }}>
        {t('portal.new.requiredNote')}
      </Typography.Paragraph>
    </Form>
  );
}

/** One field of the procedure's e-form, by its type. */
function EFormField({ field: f }: { field: FormField }) {
  const { t } = useTranslation();
  const rules: Rule[] = [];
  if (f.required)
    rules.push({
      required: true,
      whitespace: f.type !== 'date',
      message: t('portal.rules.required'),
    });
  if (f.type === 'id_number')
    rules.push({ pattern: patterns.idNumberField, message: t('portal.rules.idNumber') });
  if (f.type === 'phone') rules.push({ pattern: patterns.phone, message: t('portal.rules.phone') });
  if (f.type === 'email') rules.push({ type: 'email', message: t('portal.rules.email') });
  if (f.type === 'number')
    rules.push({ pattern: patterns.number, message: t('portal.rules.number') });
  if (f.type === 'text' || f.type === 'textarea') rules.push({ max: 5000 });

  const name = ['form', f.key];
  const testId = `field-${f.key}`;
  let control: ReactNode;
  switch (f.type) {
    case 'textarea':
      control = <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid={testId} />;
      break;
    case 'date':
      control = <DatePicker style={{ width: '100%' }} format="DD/MM/YYYY" data-testid={testId} />;
      break;
    case 'select':
      control = (
        <Select
          allowClear
          options={(f.options ?? []).map((o) => ({ value: o, label: o }))}
          data-testid={testId}
        />
      );
      break;
    case 'number':
      control = <Input inputMode="decimal" data-testid={testId} />;
      break;
    case 'id_number':
      control = <Input inputMode="numeric" maxLength={12} data-testid={testId} />;
      break;
    case 'phone':
      control = <Input type="tel" inputMode="tel" data-testid={testId} />;
      break;
    case 'email':
      control = <Input type="email" data-testid={testId} />;
      break;
    default:
      control = <Input data-testid={testId} />;
  }
  return (
    <Form.Item name={name} label={f.label} rules={rules}>
      {control}
    </Form.Item>
  );
}
