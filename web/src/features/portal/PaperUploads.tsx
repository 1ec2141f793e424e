import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Popconfirm, Select, Tag, Typography, Upload } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { errorText, useFeedback } from '../../app/feedback';
import { fileUrl, removeFile, uploadFile } from './api';
import { fileSize } from './labels';
import type { ApplicantDossier, FileView } from './types';

export const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx';
const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The server's file problems in the UI language (Khmer too), else the server's own words. */
const codeTexts: Record<string, string> = {
  'file.type_not_allowed': 'portal.upload.typeNotAllowed',
  'file.too_large': 'portal.upload.tooLarge',
  'file.empty': 'portal.upload.empty',
  'dossier.too_large': 'portal.upload.dossierTooLarge',
  'dossier.not_editable': 'portal.upload.notEditable',
};

export function uploadErrorText(err: unknown, t: TFunction): string {
  if (err instanceof ApiError && codeTexts[err.code]) return t(codeTexts[err.code]!);
  return errorText(err, t);
}

/** What the browser can tell before sending: the extension and the size. */
function precheck(file: File, t: TFunction): string | null {
  const ext = file.name.toLowerCase().split('.').pop() ?? '';
  if (!ACCEPT.split(',').includes(`.${ext}`)) return t('portal.upload.typeNotAllowed');
  if (file.size > MAX_FILE_BYTES) return t('portal.upload.tooLarge');
  if (file.size === 0) return t('portal.upload.empty');
  return null;
}

export function FileLink({ dossierId, file }: { dossierId: string; file: FileView }) {
  return (
    <a href={fileUrl(dossierId, file.id)} download={file.fileName} className="portal-file-link">
      <PaperClipOutlined aria-hidden /> {file.fileName}{' '}
      <Typography.Text type="secondary">({fileSize(file.sizeBytes)})</Typography.Text>
    </a>
  );
}

/** One "choose a file" button that sends the file as soon as it is picked. */
function UploadButton({
  dossierId,
  paperKey,
  label,
  describedBy,
  onUploaded,
  onError,
  testId,
}: {
  dossierId: string;
  paperKey?: string;
  label: string;
  describedBy?: string;
  onUploaded: () => void;
  onError: (text: string | null) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <Upload
      accept={ACCEPT}
      showUploadList={false}
      multiple={false}
      data-testid={testId}
      beforeUpload={(file) => {
        const problem = precheck(file, t);
        onError(problem);
        return problem ? Upload.LIST_IGNORE : true;
      }}
      customRequest={({ file, onSuccess, onError: failed }) => {
        setBusy(true);
        uploadFile(dossierId, file as File, paperKey)
          .then((saved) => {
            onError(null);
            onSuccess?.(saved);
            onUploaded();
          })
          .catch((err: unknown) => {
            onError(uploadErrorText(err, t));
            failed?.(err as Error);
          })
          .finally(() => setBusy(false));
      }}
    >
      <Button icon={<UploadOutlined />} loading={busy} aria-describedby={describedBy}>
        {label}
      </Button>
    </Upload>
  );
}

/**
 * The papers of a draft, one row each with its files and a button to add one; or, when the
 * agency asked for a supplement, one button for the supplementary files (of a paper or other).
 */
export function PaperUploads({
  dossier: d,
  mode,
  onChanged,
}: {
  dossier: ApplicantDossier;
  mode: 'paper' | 'supplement';
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const [supplementKey, setSupplementKey] = useState<string | undefined>(undefined);
  const setError = (key: string) => (text: string | null) =>
    setErrors((prev) => ({ ...prev, [key]: text }));

  const remove = async (file: FileView) => {
    try {
      await removeFile(d.id, file.id);
      onChanged();
    } catch (err) {
      feedback.error(err);
    }
  };

  const fileRow = (f: FileView, removable: boolean) => (
    <li key={f.id}>
      <Flex gap={8} align="center" wrap>
        <FileLink dossierId={d.id} file={f} />
        {removable && (
          <Popconfirm
            title={t('portal.upload.removeConfirm')}
            okText={t('portal.upload.remove')}
            cancelText={t('common.cancel')}
            onConfirm={() => remove(f)}
          >
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={`${t('portal.upload.remove')}: ${f.fileName}`}
            />
          </Popconfirm>
        )}
      </Flex>
    </li>
  );

  if (mode === 'supplement') {
    const files = d.files.filter((f) => f.purpose === 'supplement');
    return (
      <div data-testid="supplement-uploads">
        <Flex gap={8} wrap align="center">
          <Select
            allowClear
            style={{ minWidth: 240, flex: '1 1 240px' }}
            aria-label={t('portal.upload.supplementFor')}
            placeholder={t('portal.upload.supplementOther')}
            value={supplementKey}
            onChange={setSupplementKey}
            options={d.papers.map((p, i) => ({ value: p.key, label: `${i + 1}. ${p.name}` }))}
            popupMatchSelectWidth={false}
          />
          <UploadButton
            dossierId={d.id}
            paperKey={supplementKey}
            label={t('portal.upload.choose')}
            onUploaded={onChanged}
            onError={setError('supplement')}
            testId="upload-supplement"
          />
        </Flex>
        {errors.supplement && (
          <Alert
            type="error"
            showIcon
            title={errors.supplement}
            style={{ marginTop: 8 }}
            role="alert"
          />
        )}
        {files.length > 0 && (
          <ul className="portal-file-list">{files.map((f) => fileRow(f, false))}</ul>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('portal.upload.accepted')}
        </Typography.Paragraph>
      </div>
    );
  }

  const others = d.files.filter(
    (f) => f.purpose === 'paper' && !d.papers.some((p) => p.key === f.paperKey),
  );
  return (
    <div data-testid="paper-uploads">
      <Typography.Paragraph type="secondary">{t('portal.upload.accepted')}</Typography.Paragraph>
      <ol className="portal-paper-list">
        {d.papers.map((p, i) => {
          const files = d.files.filter((f) => f.paperKey === p.key && f.purpose === 'paper');
          const labelId = `paper-${p.key}-name`;
          const missing = p.mandatory && files.length === 0;
          return (
            <li
              key={p.key}
              className="portal-paper"
              data-testid={`paper-${p.key}`}
              data-paper-mandatory={p.mandatory}
            >
              <div className="portal-paper-head">
                <span className="portal-paper-index" aria-hidden>
                  {i + 1}
                </span>
                <div className="portal-paper-text">
                  <div id={labelId}>{p.name}</div>
                  <Flex gap={6} wrap align="center" style={{ marginTop: 4 }}>
                    {p.mandatory ? (
                      <Tag color={missing ? 'red' : 'green'} style={{ marginInlineEnd: 0 }}>
                        {missing ? t('portal.upload.missing') : t('portal.paper.mandatory')}
                      </Tag>
                    ) : (
                      <Tag style={{ marginInlineEnd: 0 }}>{t('portal.paper.optional')}</Tag>
                    )}
                    {p.copies && <Typography.Text type="secondary">{p.copies}</Typography.Text>}
                  </Flex>
                </div>
                <UploadButton
                  dossierId={d.id}
                  paperKey={p.key}
                  label={t('portal.upload.choose')}
                  describedBy={labelId}
                  onUploaded={onChanged}
                  onError={setError(p.key)}
                  testId={`upload-${p.key}`}
                />
              </div>
              {errors[p.key] && (
                <Alert
                  type="error"
                  showIcon
                  title={errors[p.key]}
                  style={{ marginTop: 8 }}
                  role="alert"
                />
              )}
              {files.length > 0 && (
                <ul className="portal-file-list">{files.map((f) => fileRow(f, true))}</ul>
              )}
            </li>
          );
        })}
      </ol>
      {others.length > 0 && (
        <ul className="portal-file-list">{others.map((f) => fileRow(f, true))}</ul>
      )}
    </div>
  );
}
