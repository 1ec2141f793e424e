import { Breadcrumb, Card, Col, Flex, Grid, Result, Row, Skeleton, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { errorText } from '../../app/feedback';
import { getMyDossier, getProcedure } from './api';
import { ApplicantInfo } from './ApplicantInfo';
import { DossierFacts, DossierFiles, DossierForms, DossierProgress } from './DossierOverview';
import { DraftPanel } from './DraftPanel';
import { HistoryTimeline } from './HistoryTimeline';
import { LinkButton } from './LinkButton';
import { RatingCard } from './RatingCard';
import { SubmittedNotice } from './SubmittedNotice';
import { SupplementPanel } from './SupplementPanel';
import { StateTag } from './tags';
import type { ApplicantDossier, FormField } from './types';
import { WithdrawButton } from './WithdrawButton';

/**
 * One of my dossiers: a draft is filed from here (papers, submission); afterwards its progress,
 * dates, files and forms, and what the citizen may do now (supplement, withdraw, rate).
 */
export default function MyDossierPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const wide = Boolean(Grid.useBreakpoint().lg);
  const [dossier, setDossier] = useState<ApplicantDossier | null>(null);
  const [fields, setFields] = useState<FormField[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Shown once: the answer to the submission is the only place the secret appears.
  const [secret, setSecret] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setDossier(await getMyDossier(id));
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, [id]);

  useEffect(() => {
    setDossier(null);
    setSecret(null);
    void load();
  }, [load]);

  const procedureId = dossier?.procedure.id;
  useEffect(() => {
    if (!procedureId) return;
    getProcedure(procedureId)
      .then((p) => setFields(p.formFields))
      .catch(() => setFields(null));
  }, [procedureId]);

  if (error) {
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('portal.dossier.notFound') : errorText(error, t)}
        extra={
          <LinkButton to="/portal/dossiers" type="primary">
            {t('portal.mine.back')}
          </LinkButton>
        }
      />
    );
  }
  if (!dossier) return <Skeleton active paragraph={{ rows: 12 }} />;

  const d = dossier;
  const reload = () => void load();
  const can = (action: string) => d.allowedActions.includes(action);

  // On a phone the dates come first (after a supplement request). Only the stateless facts
  // move between the columns: the blocks holding input (supplement, rating, withdrawal) keep
  // their place when the screen turns, so nothing typed is lost.
  const supplement = can('supplement') && (
    <SupplementPanel dossier={d} onChanged={reload} onReplaced={setDossier} />
  );
  const progress = <DossierProgress dossier={d} />;
  const files = <DossierFiles dossier={d} />;
  const history = (
    <Card title={<h2 className="portal-card-heading">{t('portal.dossier.history')}</h2>}>
      <HistoryTimeline history={d.history} />
    </Card>
  );
  const applicant = (
    <Card title={<h2 className="portal-card-heading">{t('portal.dossier.applicant')}</h2>}>
      <ApplicantInfo dossier={d} fields={fields} />
    </Card>
  );
  const facts = <DossierFacts dossier={d} />;
  const rating = <RatingCard dossier={d} onRated={setDossier} />;
  const forms = <DossierForms dossier={d} />;
  const withdraw = can('withdraw') && (
    <Card title={<h2 className="portal-card-heading">{t('portal.withdraw.title')}</h2>}>
      <Typography.Paragraph style={{ marginTop: 0 }}>
        {t('portal.withdraw.hint')}
      </Typography.Paragraph>
      <WithdrawButton dossier={d} onReplaced={setDossier} />
    </Card>
  );

  return (
    <div data-testid="my-dossier" data-state={d.state}>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/portal/dossiers">{t('portal.nav.mine')}</Link> },
          { title: d.code ?? t('portal.mine.draft') },
        ]}
      />
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <div style={{ flex: '1 1 360px', minWidth: 0 }}>
          <Typography.Title level={1} className="portal-page-title">
            {d.procedure.name}
          </Typography.Title>
          <Flex gap={8} wrap align="center">
            <StateTag state={d.state} />
            {d.code ? (
              <Typography.Text copyable={{ text: d.code }} data-testid="dossier-code">
                {t('portal.dossier.code')}: <span className="op-mono">{d.code}</span>
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">{t('portal.dossier.noCodeYet')}</Typography.Text>
            )}
          </Flex>
        </div>
      </Flex>

      <div style={{ marginTop: 16 }}>
        {secret && d.code && <SubmittedNotice code={d.code} secret={secret} />}
        {d.state === 'draft' ? (
          <DraftPanel
            dossier={d}
            fields={fields}
            onChanged={reload}
            onReplaced={setDossier}
            onSubmitted={(next) => {
              setSecret(next.lookupSecret ?? null);
              setDossier(next);
              window.scrollTo({ top: 0 });
            }}
          />
        ) : (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={16}>
              <Flex vertical gap={16}>
                {supplement}
                {!wide && facts}
                {rating}
                {progress}
                {files}
                {history}
                {applicant}
              </Flex>
            </Col>
            <Col xs={24} lg={8}>
              <Flex vertical gap={16}>
                {wide && facts}
                {forms}
                {withdraw}
              </Flex>
            </Col>
          </Row>
        )}
      </div>
    </div>
  );
}
