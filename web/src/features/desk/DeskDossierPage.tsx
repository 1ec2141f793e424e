import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Flex, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { useSession } from '../../app/session';
import { ActionBar } from './ActionBar';
import { ActionModal } from './ActionModal';
import { getDossier } from './api';
import { ApplicantCard } from './ApplicantCard';
import { AssignModal } from './AssignModal';
import { DossierSummary } from './DossierSummary';
import { FeeModal } from './FeeModal';
import { FormsCard, PrintFormButton } from './FormsCard';
import { HistoryCard } from './HistoryCard';
import { deskErrorText, StateTag } from './labels';
import { PapersCard } from './PapersCard';
import { StepsCard } from './StepsCard';
import type { FormKind, OfficerAction, OfficerDossier } from './types';

/** After these actions the page offers the form that goes with them. */
const formAfter: Partial<Record<OfficerAction, FormKind>> = {
  receive: '01',
  request_supplement: '02',
  refuse_reception: '03',
  refuse: '03',
  extend: '04',
};

type Offer = { form: FormKind; text: string };
const assignableStates = new Set(['received', 'in_process', 'paused']);

/**
 * One dossier at the desk: what it is, who holds it, its papers and files, the workflow,
 * the full history, the forms to print and the actions this user may take now.
 */
export default function DeskDossierPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [d, setD] = useState<OfficerDossier | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [action, setAction] = useState<OfficerAction | null>(null);
  const [assigning, setAssigning] = useState(false);
  const [payingFee, setPayingFee] = useState(false);
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const [offer, setOffer] = useState<Offer | null>(null);

  const reload = useCallback(async () => {
    try {
      setD(await getDossier(id));
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, [id]);

  useEffect(() => {
    setD(null);
    setOffer(null);
    void reload();
  }, [reload]);

  // Right after filing at the desk: offer the receipt (form 01) once, not on every reload.
  useEffect(() => {
    if (!created) return;
    setOffer({ form: '01', text: t('desk.offer.created') });
    navigate(location.pathname, { replace: true, state: null });
  }, [created, t, navigate, location.pathname]);

  if (error instanceof ApiError && error.status === 404) {
    return (
      <Result
        status="404"
        title={t('desk.dossier.notFound')}
        extra={<Button onClick={() => navigate('/desk')}>{t('desk.backToList')}</Button>}
      />
    );
  }
  if (!d) {
    return error ? (
      <Alert type="error" showIcon title={deskErrorText(error, t)} />
    ) : (
      <Skeleton active paragraph={{ rows: 8 }} />
    );
  }

  const done = (next: OfficerDossier, taken?: OfficerAction) => {
    setD(next);
    setAction(null);
    setAssigning(false);
    setPayingFee(false);
    const form = taken ? formAfter[taken] : undefined;
    if (taken && form) {
      setOffer({ form, text: t('desk.act.done', { action: t(`desk.action.${taken}`) }) });
    }
  };

  const mayAssign =
    assignableStates.has(d.state) && (can('dossier.approve') || can('dossier.receive'));
  const mayRecordFee = d.fee?.status === 'due' && can('dossier.receive');

  return (
    <>
      <Link to="/desk">
        <ArrowLeftOutlined /> {t('desk.backToList')}
      </Link>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 8 }}>
        <Flex align="center" wrap gap={8}>
          <Typography.Title level={2} style={{ margin: 0 }} data-testid="dossier-code">
            {d.code ?? t('desk.noCode')}
          </Typography.Title>
          <span data-testid="dossier-state">
            <StateTag state={d.state} />
          </span>
          {d.overdue && <Tag color="red">{t('desk.overdue')}</Tag>}
        </Flex>
        <Button icon={<ReloadOutlined />} onClick={() => void reload()}>
          {t('common.refresh')}
        </Button>
      </Flex>
      <Typography.Paragraph style={{ marginTop: 4 }}>
        {d.procedure.name} — <strong>{d.applicant.fullName}</strong>
      </Typography.Paragraph>
      {error != null && (
        <Alert type="error" showIcon title={deskErrorText(error, t)} style={{ marginBottom: 12 }} />
      )}
      {offer && (
        <Alert
          type="success"
          showIcon
          title={offer.text}
          closable={{ onClose: () => setOffer(null) }}
          action={<PrintFormButton dossierId={d.id} form={offer.form} primary />}
          style={{ marginBottom: 12 }}
          data-testid="dossier-offer"
        />
      )}
      <Flex vertical gap={16}>
        <ActionBar d={d} onAction={setAction} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Flex vertical gap={16}>
              <DossierSummary
                d={d}
                onAssign={mayAssign ? () => setAssigning(true) : undefined}
                onRecordFee={mayRecordFee ? () => setPayingFee(true) : undefined}
              />
              <ApplicantCard d={d} />
              <PapersCard d={d} onChanged={() => void reload()} />
            </Flex>
          </Col>
          <Col xs={24} xl={8}>
            <Flex vertical gap={16}>
              <StepsCard d={d} />
              <FormsCard d={d} />
            </Flex>
          </Col>
        </Row>
        <HistoryCard d={d} />
      </Flex>
      <ActionModal
        d={d}
        action={action}
        onClose={() => {
          setAction(null);
          // a refused action may mean the dossier moved on meanwhile
          void reload();
        }}
        onDone={done}
        onReload={() => void reload()}
      />
      <AssignModal
        d={d}
        open={assigning}
        onClose={() => setAssigning(false)}
        onDone={(n) => done(n)}
      />
      <FeeModal
        d={d}
        open={payingFee}
        onClose={() => setPayingFee(false)}
        onDone={(n) => done(n)}
      />
    </>
  );
}
