import { EditOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Flex, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { useFeedback } from '../../app/feedback';
import { actOnDossier, updateDraft } from './api';
import { ApplicantInfo } from './ApplicantInfo';
import { DossierInfoForm } from './DossierInfoForm';
import { FilingSteps } from './FilingSteps';
import { PaperUploads } from './PaperUploads';
import type { ApplicantDossier, FormField } from './types';

/**
 * A draft being filed: its information (editable), the papers to attach, and the submission.
 * The answer to the submission carries the lookup secret, handed to `onSubmitted` once.
 */
export function DraftPanel({
  dossier: d,
  fields,
  onChanged,
  onReplaced,
  onSubmitted,
}: {
  dossier: ApplicantDossier;
  fields: FormField[] | null;
  onChanged: () => void;
  onReplaced: (d: ApplicantDossier) => void;
  onSubmitted: (d: ApplicantDossier) => void;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [editing, setEditing] = useState(false);
  const [declared, setDeclared] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const missing = d.papers.filter(
    (p) => p.mandatory && !d.files.some((f) => f.paperKey === p.key && f.purpose === 'paper'),
  );

  const submit = async () => {
    setBusy(true);
    setProblem(null);
    try {
      onSubmitted(await actOnDossier(d.id, { action: 'submit' }));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'dossier.form_invalid') setEditing(true);
      setProblem(err instanceof ApiError ? err.detail : t('common.unexpectedError'));
      feedback.error(err);
    } finally {
      setBusy(false);
    }
  };

  const discard = async () => {
    try {
      onReplaced(await actOnDossier(d.id, { action: 'cancel' }));
      feedback.success(t('portal.draft.discarded'));
    } catch (err) {
      feedback.error(err);
    }
  };

  return (
    <>
      <FilingSteps current={1} />
      <Card
        title={<h2 className="portal-card-heading">{t('portal.draft.info')}</h2>}
        extra={
          !editing &&
          fields && (
            <Button
              icon={<EditOutlined />}
              onClick={() => setEditing(true)}
              data-testid="draft-edit"
            >
              {t('portal.draft.edit')}
            </Button>
          )
        }
        style={{ marginBottom: 16 }}
      >
        {editing && fields ? (
          <DossierInfoForm
            fields={fields}
            initial={{
              applicant: d.applicant,
              formData: Object.fromEntries(
                Object.entries(d.formData).map(([k, v]) => [k, String(v)]),
              ),
            }}
            submitText={t('common.save')}
            extraButtons={<Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>}
            onSave={async (values) => {
              onReplaced(
                await updateDraft(d.id, { applicant: values.applicant, formData: values.formData }),
              );
              feedback.success(t('portal.draft.saved'));
              setEditing(false);
            }}
          />
        ) : (
          <ApplicantInfo dossier={d} fields={fields} />
        )}
      </Card>
      <Card
        title={<h2 className="portal-card-heading">{t('portal.draft.papers')}</h2>}
        style={{ marginBottom: 16 }}
      >
        <PaperUploads dossier={d} mode="paper" onChanged={onChanged} />
      </Card>
      <Card
        title={<h2 className="portal-card-heading">{t('portal.draft.submitTitle')}</h2>}
        style={{ marginBottom: 16 }}
        data-testid="draft-submit-card"
      >
        {missing.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={t('portal.draft.missing', { count: missing.length })}
            description={
              <ul className="portal-missing">
                {missing.map((p) => (
                  <li key={p.key}>{p.name}</li>
                ))}
              </ul>
            }
            style={{ marginBottom: 12 }}
          />
        ) : (
          <Alert
            type="success"
            showIcon
            title={t('portal.draft.complete')}
            style={{ marginBottom: 12 }}
          />
        )}
        {problem && (
          <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} role="alert" />
        )}
        <Checkbox
          checked={declared}
          onChange={(e) => setDeclared(e.target.checked)}
          data-testid="draft-declare"
        >
          {t('portal.draft.declaration')}
        </Checkbox>
        <Flex gap={8} wrap justify="space-between" style={{ marginTop: 16 }}>
          <Popconfirm
            title={t('portal.draft.discardConfirm')}
            okText={t('portal.draft.discard')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={discard}
          >
            <Button danger>{t('portal.draft.discard')}</Button>
          </Popconfirm>
          <Button
            type="primary"
            size="large"
            icon={<SendOutlined />}
            disabled={!declared || missing.length > 0 || editing}
            loading={busy}
            onClick={() => void submit()}
            data-testid="draft-submit"
          >
            {t('portal.draft.submit')}
          </Button>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('portal.draft.afterSubmit')}
        </Typography.Paragraph>
      </Card>
    </>
  );
}
