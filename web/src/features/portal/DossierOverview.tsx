import { FilePdfOutlined } from '@ant-design/icons';
import { Card, Descriptions, Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../app/format';
import { formUrl } from './api';
import { feeText, localized } from './labels';
import { FileLink } from './PaperUploads';
import type { ApplicantDossier } from './types';

const ended = ['refused', 'withdrawn', 'cancelled'];

/** The workflow's steps (reception → processing → approval → return) and where the dossier is. */
export function DossierProgress({ dossier: d }: { dossier: ApplicantDossier }) {
  const { t, i18n } = useTranslation();
  const done = d.state === 'returned';
  const failed = ended.includes(d.state);
  const status = d.state === 'draft' ? 'wait' : failed ? 'error' : done ? 'finish' : 'process';
  return (
    <Card title={<h2 className="portal-card-heading">{t('portal.dossier.progress')}</h2>}>
      <Steps
        current={done ? d.steps.length : d.stepIndex}
        status={status}
        size="small"
        orientation="vertical"
        data-testid="dossier-steps"
        items={d.steps.map((s, i) => ({
          key: s.key,
          title: localized(s.name, i18n.language),
          content:
            i === d.stepIndex && !done ? (
              <Tag color={failed ? 'red' : 'blue'} style={{ marginTop: 4 }}>
                {t(`portal.state.${d.state}`)}
              </Tag>
            ) : undefined,
        }))}
      />
    </Card>
  );
}

/** Dates, fee and the agency: the facts a citizen asks the desk about. */
export function DossierFacts({ dossier: d }: { dossier: ApplicantDossier }) {
  const { t } = useTranslation();
  const fee = d.fee;
  return (
    <Card title={<h2 className="portal-card-heading">{t('portal.dossier.facts')}</h2>}>
      <Descriptions
        column={1}
        size="small"
        data-testid="dossier-facts"
        items={[
          { key: 'agency', label: t('portal.dossier.agency'), children: d.agency.name },
          {
            key: 'channel',
            label: t('portal.dossier.channel'),
            children: t(`portal.mode.${d.channel}`),
          },
          {
            key: 'submitted',
            label: t('portal.dossier.submittedAt'),
            children: formatDateTime(d.submittedAt),
          },
          {
            key: 'received',
            label: t('portal.dossier.receivedAt'),
            children: formatDateTime(d.receivedAt),
          },
          {
            key: 'appointment',
            label: t('portal.dossier.appointmentAt'),
            children: d.appointmentAt ? <strong>{formatDateTime(d.appointmentAt)}</strong> : '—',
          },
          ...(d.finishedAt
            ? [
                {
                  key: 'finished',
                  label: t('portal.dossier.finishedAt'),
                  children: formatDateTime(d.finishedAt),
                },
              ]
            : []),
          ...(d.returnedAt
            ? [
                {
                  key: 'returned',
                  label: t('portal.dossier.returnedAt'),
                  children: formatDateTime(d.returnedAt),
                },
              ]
            : []),
          {
            key: 'fee',
            label: t('portal.dossier.fee'),
            children: fee ? (
              <span>
                {feeText(t, fee.amountVnd)}{' '}
                {fee.amountVnd > 0 && (
                  <Tag color={fee.status === 'due' ? 'orange' : 'green'}>
                    {t(`portal.fee.${fee.status}`)}
                  </Tag>
                )}
                {fee.receiptNo && (
                  <Typography.Text type="secondary">
                    {t('portal.fee.receipt', { no: fee.receiptNo, date: formatDate(fee.paidAt) })}
                  </Typography.Text>
                )}
              </span>
            ) : (
              t('portal.fee.none')
            ),
          },
        ]}
      />
    </Card>
  );
}

/** The files: the papers sent, the supplements, and the result once it is ready. */
export function DossierFiles({ dossier: d }: { dossier: ApplicantDossier }) {
  const { t } = useTranslation();
  const results = d.files.filter((f) => f.purpose === 'result');
  const papers = d.files.filter((f) => f.purpose !== 'result');
  const paperName = (key: string | null) => {
    const i = d.papers.findIndex((p) => p.key === key);
    return i >= 0 ? `${i + 1}. ${d.papers[i]!.name}` : t('portal.upload.otherPaper');
  };
  return (
    <Card
      title={<h2 className="portal-card-heading">{t('portal.dossier.files')}</h2>}
      data-testid="dossier-files"
    >
      {results.length > 0 && (
        <div className="portal-result-files">
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 0 }}>
            {t('portal.dossier.results')}
          </Typography.Title>
          <ul className="portal-file-list">
            {results.map((f) => (
              <li key={f.id}>
                <FileLink dossierId={d.id} file={f} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {papers.length === 0 ? (
        <Typography.Text type="secondary">{t('portal.dossier.noFiles')}</Typography.Text>
      ) : (
        <ul className="portal-file-list">
          {papers.map((f) => (
            <li key={f.id}>
              <div className="portal-file-paper">
                {paperName(f.paperKey)}
                {f.purpose === 'supplement' && (
                  <Tag color="orange" style={{ marginInlineStart: 6 }}>
                    {t('portal.dossier.supplementTag')}
                  </Tag>
                )}
              </div>
              <FileLink dossierId={d.id} file={f} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

type FormKind = '01' | '02' | '03' | '04';

/** The printable forms the history calls for: receipt, supplement request, refusal, apology. */
export function DossierForms({ dossier: d }: { dossier: ApplicantDossier }) {
  const { t } = useTranslation();
  const has = (...actions: string[]) => d.history.some((e) => actions.includes(e.action));
  const forms: FormKind[] = [];
  if (has('receive') && d.receivedAt && d.appointmentAt) forms.push('01');
  if (has('request_supplement')) forms.push('02');
  if (has('refuse_reception', 'refuse')) forms.push('03');
  if (has('extend') && d.receivedAt) forms.push('04');
  if (forms.length === 0) return null;
  return (
    <Card
      title={<h2 className="portal-card-heading">{t('portal.forms.title')}</h2>}
      data-testid="dossier-forms"
    >
      <ul className="portal-file-list">
        {forms.map((f) => (
          <li key={f}>
            <a href={formUrl(d.id, f)} target="_blank" rel="noopener noreferrer">
              <FilePdfOutlined aria-hidden /> {t(`portal.forms.f${f}`)}
              <span className="sr-only"> ({t('portal.forms.pdfNewWindow')})</span>
            </a>
          </li>
        ))}
      </ul>
    </Card>
  );
}
