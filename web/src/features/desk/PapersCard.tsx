import { FileOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { fileUrl } from './api';
import type { FileView, OfficerDossier } from './types';
import { UploadButton } from './UploadButton';

function FileLink({ dossierId, file }: { dossierId: string; file: FileView }) {
  const { t } = useTranslation();
  return (
    <a
      href={fileUrl(dossierId, file.id)}
      download={file.fileName}
      data-testid="dossier-file"
      title={t('desk.files.uploadedAt', { at: formatDateTime(file.uploadedAt) })}
    >
      <FileOutlined /> {file.fileName}{' '}
      <Typography.Text type="secondary">
        ({Math.max(1, Math.round(file.sizeBytes / 1024))} KB)
      </Typography.Text>
    </a>
  );
}

/**
 * The papers of the procedure with the files given for each, the other files, and the
 * result. Scans can be added while the current step is the user's (the server's rule:
 * whoever may request a supplement now); the result once the dossier is approved.
 */
export function PapersCard({ d, onChanged }: { d: OfficerDossier; onChanged: () => void }) {
  const { t } = useTranslation();
  const canAddPapers = d.allowedActions.includes('request_supplement');
  const canAddResult = d.state === 'approved' && d.allowedActions.includes('attach_result');
  const byPaper = (key: string) =>
    d.files.filter((f) => f.paperKey === key && f.purpose !== 'result');
  const loose = d.files.filter(
    (f) => f.purpose !== 'result' && (!f.paperKey || !d.papers.some((p) => p.key === f.paperKey)),
  );
  const results = d.files.filter((f) => f.purpose === 'result');
  // the papers the officer checked at reception (paper copies need no file)
  const reception = [...d.history].reverse().find((h) => h.action === 'receive');
  const checked = new Set(
    Array.isArray(reception?.data?.papersReceived)
      ? (reception.data.papersReceived as string[])
      : [],
  );

  return (
    <Card title={t('desk.section.papers')} size="small" data-testid="dossier-papers">
      <ol className="op-list" style={{ listStyle: 'decimal inside' }}>
        {d.papers.map((p) => {
          const files = byPaper(p.key);
          return (
            <li key={p.key} data-paper={p.key}>
              <span>{p.name}</span>{' '}
              {p.mandatory && <Tag color="red">{t('desk.papers.mandatory')}</Tag>}
              {p.copies && <Typography.Text type="secondary">({p.copies})</Typography.Text>}{' '}
              {checked.has(p.key) && <Tag color="green">{t('desk.papers.checked')}</Tag>}
              <Flex wrap gap={12} align="center" style={{ marginTop: 4 }}>
                {files.length === 0 ? (
                  <Typography.Text type="secondary">{t('desk.papers.noFile')}</Typography.Text>
                ) : (
                  files.map((f) => <FileLink key={f.id} dossierId={d.id} file={f} />)
                )}
                {canAddPapers && (
                  <UploadButton
                    dossierId={d.id}
                    purpose="paper"
                    paperKey={p.key}
                    size="small"
                    label={t('desk.papers.upload')}
                    onUploaded={onChanged}
                    testId={`upload-paper-${p.key}`}
                  />
                )}
              </Flex>
            </li>
          );
        })}
        {d.papers.length === 0 && <li className="op-list-empty">{t('desk.papers.none')}</li>}
      </ol>
      {loose.length > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
            {t('desk.files.other')}
          </Typography.Title>
          <Flex vertical gap={4}>
            {loose.map((f) => (
              <span key={f.id}>
                <FileLink dossierId={d.id} file={f} />{' '}
                <Tag>{t(`desk.files.purpose.${f.purpose}`)}</Tag>
              </span>
            ))}
          </Flex>
        </>
      )}
      {(results.length > 0 || canAddResult) && (
        <>
          <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
            {t('desk.files.result')}
          </Typography.Title>
          <Flex vertical gap={8} align="flex-start" data-testid="dossier-results">
            {results.map((f) => (
              <FileLink key={f.id} dossierId={d.id} file={f} />
            ))}
            {canAddResult && (
              <UploadButton
                dossierId={d.id}
                purpose="result"
                label={t('desk.files.uploadResult')}
                onUploaded={onChanged}
                testId="upload-result"
              />
            )}
          </Flex>
        </>
      )}
    </Card>
  );
}
