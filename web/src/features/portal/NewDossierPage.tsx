import { Alert, Result, Skeleton, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { errorText, useFeedback } from '../../app/feedback';
import { useSession } from '../../app/session';
import { createDraft, getProcedure } from './api';
import { DossierInfoForm } from './DossierInfoForm';
import { FilingSteps } from './FilingSteps';
import { canApplyOnline, newIdempotencyKey, procedurePath } from './labels';
import { LinkButton } from './LinkButton';
import type { PublicProcedure } from './types';

/**
 * Filing online, first step: the agency, the applicant and the e-form, saved as a draft. The
 * draft then opens on its own page for the papers and the submission (also how a draft is
 * continued later from "My dossiers").
 */
export default function NewDossierPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const [params] = useSearchParams();
  const procedureId = params.get('procedure') ?? '';
  const [procedure, setProcedure] = useState<PublicProcedure | null>(null);
  const [error, setError] = useState<string | null>(null);
  // One key per form session: a retry or a double click gets the same draft back.
  const idempotencyKey = useRef(newIdempotencyKey());

  useEffect(() => {
    let stale = false;
    if (!procedureId) {
      setError(t('portal.new.noProcedure'));
      return;
    }
    getProcedure(procedureId)
      .then((p) => !stale && setProcedure(p))
      .catch((err) => !stale && setError(errorText(err, t)));
    return () => {
      stale = true;
    };
  }, [procedureId, t]);

  if (error) {
    return (
      <Result
        status="warning"
        title={error}
        extra={
          <LinkButton to="/portal" type="primary">
            {t('portal.procedure.backToList')}
          </LinkButton>
        }
      />
    );
  }
  if (!procedure || !me) return <Skeleton active paragraph={{ rows: 12 }} />;

  if (!canApplyOnline(procedure)) {
    return (
      <Result
        status="info"
        title={t('portal.new.notOnline')}
        subTitle={procedure.name}
        extra={
          <LinkButton to={procedurePath(procedure.code)} type="primary">
            {t('portal.new.seeProcedure')}
          </LinkButton>
        }
      />
    );
  }

  return (
    <>
      <Typography.Title level={1} className="portal-page-title">
        {t('portal.new.title')}
      </Typography.Title>
      <Typography.Paragraph>
        <Link to={procedurePath(procedure.code)}>{procedure.name}</Link>{' '}
        <Typography.Text type="secondary">({procedure.code})</Typography.Text>
      </Typography.Paragraph>
      <FilingSteps current={0} />
      <Alert type="info" showIcon title={t('portal.new.intro')} style={{ marginBottom: 16 }} />
      <DossierInfoForm
        agencies={procedure.carriers.agencies}
        fields={procedure.formFields}
        initial={{
          applicant: {
            fullName: me.fullName,
            idNumber: '',
            phone: me.phone?.replace(/[\s.-]/g, '') ?? '',
            address: '',
            ...(me.email ? { email: me.email } : {}),
          },
        }}
        submitText={t('portal.new.saveDraft')}
        onSave={async (values) => {
          const draft = await createDraft(
            {
              procedureId: procedure.id,
              agencyId: values.agencyId!,
              applicant: values.applicant,
              formData: values.formData,
            },
            idempotencyKey.current,
          );
          feedback.success(t('portal.new.draftSaved'));
          navigate(`/portal/dossiers/${draft.id}`, { replace: true });
        }}
      />
    </>
  );
}
