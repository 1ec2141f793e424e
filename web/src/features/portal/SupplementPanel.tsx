import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/feedback';
import { actOnDossier, formUrl } from './api';
import { PaperUploads } from './PaperUploads';
import type { ApplicantDossier } from './types';

/** The agency asked for more: what it asked, the files to add, then "supplemented". */
export function SupplementPanel({
  dossier: d,
  onChanged,
  onReplaced,
}: {
  dossier: ApplicantDossier;
  onChanged: () => void;
  onReplaced: (d: ApplicantDossier) => void;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const request = [...d.history].reverse().find((e) => e.action === 'request_supplement');
  const askedAt = request ? new Date(request.at).getTime() : 0;
  const added = d.files.filter(
    (f) => f.purpose === 'supplement' && new Date(f.uploadedAt).getTime() >= askedAt,
  );

  const send = async () => {
    setBusy(true);
    try {
      onReplaced(
        await actOnDossier(d.id, { action: 'supplement', note: note.trim() || undefined }),
      );
      feedback.success(t('portal.supplement.sent'));
    } catch (err) {
      feedback.error(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={<h2 className="portal-card-heading">{t('portal.supplement.title')}</h2>}
      className="portal-attention"
      style={{ marginBottom: 16 }}
      data-testid="supplement-panel"
    >
      <Alert
        type="warning"
        showIcon
        title={t('portal.supplement.asked')}
        description={
          <>
            {request?.note && <div className="portal-pre">{request.note}</div>}
            <a href={formUrl(d.id, '02')} target="_blank" rel="noopener noreferrer">
              <FilePdfOutlined aria-hidden /> {t('portal.forms.f02')}
              <span className="sr-only"> ({t('portal.forms.pdfNewWindow')})</span>
            </a>
          </>
        }
        style={{ marginBottom: 16 }}
      />
      <PaperUploads dossier={d} mode="supplement" onChanged={onChanged} />
      <Form layout="vertical" style={{ marginTop: 16 }} onFinish={() => void send()}>
        <Form.Item label={t('portal.supplement.note')} htmlFor="supplement-note">
          <Input.TextArea
            id="supplement-note"
            value={note}
            maxLength={2000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            onChange={(e) => setNote(e.target.value)}
          />
        </Form.Item>
        {added.length === 0 && (
          <Typography.Paragraph type="secondary">
            {t('portal.supplement.addFirst')}
          </Typography.Paragraph>
        )}
        <Button
          type="primary"
          htmlType="submit"
          loading={busy}
          disabled={added.length === 0}
          data-testid="supplement-submit"
        >
          {t('portal.supplement.submit')}
        </Button>
      </Form>
    </Card>
  );
}
