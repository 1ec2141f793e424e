import { ArrowLeftOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Result,
  Segmented,
  Skeleton,
  Typography,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { errorText, markFieldErrors, useFeedback } from '../../app/feedback';
import { composeDraft, getOutgoing, reviseComposed, uploadDraft } from './api';
import { DraftFields } from './DraftFields';
import type { Authority, OutgoingDocument, Urgency } from './types';

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
  /** A new version only: what changed. */
  note?: string;
};

/** A composed draft being composed again: the document and the body its form took. */
type Revising = {
  d: OutgoingDocument;
  composed: NonNullable<OutgoingDocument['composed']>;
};

const lines = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
const blank = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

/** The form again, from the document's metadata and its composed body. */
function valuesOf({ d, composed }: Revising): Partial<Values> {
  return {
    typeKey: d.type.key,
    summary: d.summary,
    urgency: d.urgency,
    authority: d.authority ?? '',
    headTitle: d.headTitle ?? undefined,
    signerUserId: d.signerUserId ?? undefined,
    signerPosition: d.signerPosition ?? '',
    draftingUnit: d.draftingUnit ?? undefined,
    dueOn: d.dueOn ? dayjs(d.dueOn) : null,
    recipients: d.recipients.flatMap((r) => (r.agencyId ? [{ id: r.agencyId, name: r.name }] : [])),
    external: d.recipients.flatMap((r) =>
      !r.agencyId && r.email ? [{ name: r.name, email: r.email }] : [],
    ),
    body: composed.body.join('\n'),
    extraLines: composed.extraRecipientLines.join('\n'),
  };
}

/**
 * A new outgoing document: composed here (laid out per Decree 30) or uploaded as PDF/DOCX.
 * At `documents/outgoing/:id/compose` the same form composes a draft again (its drafter, while
 * it is open or returned), filled from the document, and saves a new version of it.
 */
export default function ComposePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [revising, setRevising] = useState<OutgoingDocument | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!id) return;
    setRevising(null);
    getOutgoing(id).then(
      (d) => {
        setRevising(d);
        setError(null);
      },
      (err: unknown) => setError(err),
    );
  }, [id]);

  if (!id) return <ComposeForm />;
  const back = (
    <Link to={`/documents/outgoing/${id}`}>
      <ArrowLeftOutlined /> {t('documents.recompose.back')}
    </Link>
  );
  if (error instanceof ApiError && error.status === 404) {
    return <Result status="404" title={t('documents.notFound')} extra={back} />;
  }
  if (error) return <Alert type="error" showIcon title={errorText(error, t)} />;
  if (!revising) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (!revising.composed || !revising.actions.includes('revise')) {
    return (
      <Result
        status="warning"
        title={t('documents.recompose.notAllowed')}
        extra={back}
        data-testid="recompose-refused"
      />
    );
  }
  return <ComposeForm revising={{ d: revising, composed: revising.composed }} />;
}

function ComposeForm({ revising }: { revising?: Revising }) {
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
  const d = revising?.d;
  const leave = d ? `/documents/outgoing/${d.id}` : '/documents';
  const lastReturn = d?.reviews.filter((r) => r.decision === 'returned').at(-1);

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
    const composed = { body: lines(v.body), extraRecipientLines: lines(v.extraLines) };
    try {
      if (d) {
        // What the form does not show is kept as the document has it.
        await reviseComposed(d.id, {
          ...fields,
          ...composed,
          language: d.language,
          ...(d.place ? { place: d.place } : {}),
          relatedIds: d.related.map((r) => r.id),
          note: blank(v.note) ?? undefined,
        });
        feedback.success(t('documents.versions.uploaded'));
        navigate(`/documents/outgoing/${d.id}`);
        return;
      }
      let doc;
      if (mode === 'compose') {
        doc = await composeDraft({ ...fields, ...composed }, key);
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
      <Link to={leave}>
        <ArrowLeftOutlined /> {t(d ? 'documents.recompose.back' : 'documents.backToList')}
      </Link>
      <Typography.Title level={2} style={{ marginTop: 8 }}>
        {t(d ? 'documents.recompose.title' : 'documents.compose')}
      </Typography.Title>
      <Card style={{ maxWidth: 960 }}>
        {d ? (
          <Alert
            type="info"
            showIcon
            title={t('documents.recompose.intro', { version: d.currentVersion + 1 })}
            description={
              lastReturn?.comment
                ? t('documents.recompose.returned', {
                    name: lastReturn.reviewerName,
                    comment: lastReturn.comment,
                  })
                : undefined
            }
            style={{ marginBottom: 16 }}
            data-testid="recompose-intro"
          />
        ) : (
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
        )}
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={
            revising
              ? valuesOf(revising)
              : { urgency: 'normal', authority: '', extraLines: '- Lưu: VT.' }
          }
          onFinish={finish}
          data-testid="doc-form"
        >
          <DraftFields agencyId={d?.agency.id} />
          {mode === 'compose' || d ? (
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
          {d && (
            <Form.Item name="note" label={t('documents.recompose.note')}>
              <Input.TextArea rows={2} maxLength={2000} data-testid="recompose-note" />
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
              {t(d ? 'documents.recompose.save' : 'documents.form.save')}
            </Button>
            <Button onClick={() => navigate(leave)}>{t('common.cancel')}</Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
