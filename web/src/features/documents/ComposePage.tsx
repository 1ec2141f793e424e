import { ArrowLeftOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Segmented, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { errorText, markFieldErrors, useFeedback } from '../../app/feedback';
import { composeDraft, uploadDraft } from './api';
import { DraftFields } from './DraftFields';
import type { Authority, Urgency } from './types';

type Values = {
  typeKey: string;
  summary: string;
  urgency: Urgency;
  authority: Authority | '';
  headTitle?: string;
  signerUserId: string;
  signerPosition: string;
  draftingUnit?: string;
  dueOn?: Dayjs | null;
  recipients?: { id: string; name: string }[];
  external?: { name: string; email: string }[];
  body?: string;
  extraLines?: string;
};

const lines = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
const blank = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

/** A new outgoing document: composed here (laid out per Decree 30) or uploaded as PDF/DOCX. */
export default function ComposePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<'compose' | 'upload'>('compose');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // One key per page: a double click or a retry after a lost answer files one draft.
  const key = useMemo(() => ({ 'idempotency-key': `web-${crypto.randomUUID()}` }), []);

  const finish = async (v: Values) => {
    setBusy(true);
    setError(null);
    const fields = {
      typeKey: v.typeKey,
      summary: v.summary.trim(),
      urgency: v.urgency,
      authority: v.authority || null,
      headTitle: v.authority ? blank(v.headTitle) : null,
      signerUserId: v.signerUserId,
      signerPosition: v.signerPosition.trim(),
      draftingUnit: blank(v.draftingUnit),
      dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null,
      recipients: [
        ...(v.recipients ?? []).map((r) => ({ agencyId: r.id })),
        ...(v.external ?? []).map((r) => ({ name: r.name.trim(), email: r.email.trim() })),
      ],
    };
    try {
      let doc;
      if (mode === 'compose') {
        doc = await composeDraft(
          { ...fields, body: lines(v.body), extraRecipientLines: lines(v.extraLines) },
          key,
        );
      } else {
        if (!file) throw new Error('file');
        doc = await uploadDraft(file, fields, key);
      }
      feedback.success(t('documents.form.saved'));
      navigate(`/documents/outgoing/${doc.id}`);
    } catch (err) {
      setError(
        err instanceof Error && err.message === 'file'
          ? t('documents.form.fileHint')
          : errorText(err, t),
      );
      markFieldErrors(form, err, t);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Link to="/documents">
        <ArrowLeftOutlined /> {t('documents.backToList')}
      </Link>
      <Typography.Title level={2} style={{ marginTop: 8 }}>
        {t('documents.compose')}
      </Typography.Title>
      <Card style={{ maxWidth: 960 }}>
        <Segmented
          value={mode}
          onChange={(v) => setMode(v as 'compose' | 'upload')}
          options={[
            { value: 'compose', label: t('documents.form.modeCompose') },
            { value: 'upload', label: t('documents.form.modeUpload') },
          ]}
          style={{ marginBottom: 16 }}
          data-testid="doc-mode"
        />
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ urgency: 'normal', authority: '', extraLines: '- Lưu: VT.' }}
          onFinish={finish}
          data-testid="doc-form"
        >
          <DraftFields />
          {mode === 'compose' ? (
            <>
              <Form.Item
                name="body"
                label={t('documents.form.body')}
                extra={t('documents.form.bodyHint')}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input.TextArea rows={12} data-testid="doc-body" />
              </Form.Item>
              <Form.Item
                name="extraLines"
                label={t('documents.form.extraLines')}
                extra={t('documents.form.extraLinesHint')}
              >
                <Input.TextArea rows={2} />
              </Form.Item>
            </>
          ) : (
            <Form.Item
              label={t('documents.form.file')}
              extra={t('documents.form.fileHint')}
              required
            >
              <Upload
                accept=".pdf,.docx,application/pdf"
                maxCount={1}
                beforeUpload={(f) => {
                  setFile(f);
                  return false;
                }}
                onRemove={() => setFile(null)}
                data-testid="doc-file"
              >
                <Button icon={<UploadOutlined />}>{t('documents.form.pickFile')}</Button>
              </Upload>
            </Form.Item>
          )}
          {error && (
            <Alert
              type="error"
              showIcon
              title={error}
              style={{ marginBottom: 16 }}
              data-testid="doc-form-error"
            />
          )}
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="doc-save">
              {t('documents.form.save')}
            </Button>
            <Button onClick={() => navigate('/documents')}>{t('common.cancel')}</Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
