import { ArrowLeftOutlined, CloudUploadOutlined, ExportOutlined } from '@ant-design/icons';
import {
  Alert,
  Breadcrumb,
  Card,
  Col,
  Collapse,
  Descriptions,
  Flex,
  Grid,
  Result,
  Row,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { errorText } from '../../app/feedback';
import { formatDate } from '../../app/format';
import { getProcedureByCode } from './api';
import { LinkButton } from './LinkButton';
import { canApplyOnline, feeText, processingTimeText } from './labels';
import { PapersTable } from './PapersTable';
import { OnlineClassTag } from './tags';
import type { PublicProcedure } from './types';

function TextBlock({ text }: { text: string | null }) {
  const { t } = useTranslation();
  return text?.trim() ? (
    <div className="portal-pre">{text.trim()}</div>
  ) : (
    <Typography.Text type="secondary">{t('portal.procedure.notStated')}</Typography.Text>
  );
}

/** One procedure as in force today: what to bring, how long, how much, and the way in. */
export default function ProcedurePage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const wide = Boolean(Grid.useBreakpoint().lg);
  const [procedure, setProcedure] = useState<PublicProcedure | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let stale = false;
    setProcedure(null);
    setError(null);
    getProcedureByCode(code)
      .then((p) => !stale && setProcedure(p))
      .catch((err) => !stale && setError(err));
    return () => {
      stale = true;
    };
  }, [code]);

  if (error) {
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('portal.procedure.notFound') : errorText(error, t)}
        extra={
          <LinkButton to="/portal" type="primary">
            {t('portal.procedure.backToList')}
          </LinkButton>
        }
      />
    );
  }
  if (!procedure) return <Skeleton active paragraph={{ rows: 10 }} />;

  const p = procedure;
  const online = canApplyOnline(p);
  const applyLink = `/portal/dossiers/new?procedure=${encodeURIComponent(p.id)}`;

  const summary = (
    <Card title={<h2 className="portal-card-heading">{t('portal.procedure.summary')}</h2>}>
      <Descriptions
        column={1}
        size="small"
        layout="vertical"
        items={[
          {
            key: 'time',
            label: t('portal.procedure.time'),
            children: (
              <div>
                <div>{processingTimeText(t, p.processingTime, p.timeUnit, p.timeText)}</div>
                {p.processingTime !== null && p.timeText && (
                  <div className="portal-pre portal-muted">{p.timeText}</div>
                )}
              </div>
            ),
          },
          {
            key: 'fee',
            label: t('portal.procedure.fee'),
            children: p.feeText ? (
              <div className="portal-pre">{p.feeText}</div>
            ) : (
              feeText(t, p.feeVnd)
            ),
          },
          {
            key: 'online',
            label: t('portal.procedure.onlineClass'),
            children: <OnlineClassTag value={p.onlineClass} />,
          },
          {
            key: 'modes',
            label: t('portal.procedure.modes'),
            children:
              p.submissionModes.map((m) => t(`portal.mode.${m}`)).join(', ') ||
              t('portal.procedure.notStated'),
          },
          {
            key: 'level',
            label: t('portal.procedure.level'),
            children:
              p.levelText ??
              (p.levels.map((l) => t(`portal.level.${l}`)).join(', ') ||
                t('portal.procedure.notStated')),
          },
          {
            key: 'result',
            label: t('portal.procedure.result'),
            children: <TextBlock text={p.resultText} />,
          },
          {
            key: 'carriers',
            label: t('portal.procedure.carriers'),
            children: <Carriers procedure={p} />,
          },
          ...(p.decisionNo
            ? [
                {
                  key: 'decision',
                  label: t('portal.procedure.decision'),
                  children: p.decisionNo,
                },
              ]
            : []),
          {
            key: 'valid',
            label: t('portal.procedure.validFrom'),
            children: formatDate(p.validFrom),
          },
        ]}
      />
      {p.sourceUrl && (
        <a href={p.sourceUrl} target="_blank" rel="noopener noreferrer">
          {t('portal.procedure.source')} <ExportOutlined aria-hidden />
          <span className="sr-only">{t('portal.newWindow')}</span>
        </a>
      )}
    </Card>
  );

  return (
    <article data-testid="procedure-detail">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/portal">{t('portal.nav.procedures')}</Link> },
          { title: p.code },
        ]}
      />
      <Flex justify="space-between" gap={16} wrap align="flex-start">
        <div style={{ flex: '1 1 420px', minWidth: 0 }}>
          <Typography.Title level={1} className="portal-page-title">
            {p.name}
          </Typography.Title>
          <Flex gap={6} wrap align="center">
            <OnlineClassTag value={p.onlineClass} />
            <Tag style={{ marginInlineEnd: 0 }}>{p.sectorName}</Tag>
            <Typography.Text type="secondary">
              {t('portal.procedure.code')}: {p.code}
            </Typography.Text>
          </Flex>
        </div>
        {online && (
          <LinkButton
            to={applyLink}
            type="primary"
            size="large"
            icon={<CloudUploadOutlined />}
            data-testid="apply-online"
          >
            {t('portal.procedure.apply')}
          </LinkButton>
        )}
      </Flex>

      {!online && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 16 }}
          title={
            p.carriers.external
              ? t('portal.procedure.externalNotice')
              : t('portal.procedure.offlineNotice')
          }
        />
      )}

      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            {!wide && summary}
            <Card title={<h2 className="portal-card-heading">{t('portal.procedure.papers')}</h2>}>
              {p.papers.length > 0 ? (
                <PapersTable papers={p.papers} />
              ) : (
                <TextBlock text={p.papersText} />
              )}
            </Card>
            <Card title={<h2 className="portal-card-heading">{t('portal.procedure.more')}</h2>}>
              <Collapse
                ghost
                defaultActiveKey={['steps']}
                items={[
                  {
                    key: 'steps',
                    label: t('portal.procedure.steps'),
                    children: <TextBlock text={p.stepsText} />,
                  },
                  {
                    key: 'conditions',
                    label: t('portal.procedure.conditions'),
                    children: <TextBlock text={p.conditionsText} />,
                  },
                  {
                    key: 'subjects',
                    label: t('portal.procedure.subjects'),
                    children: <TextBlock text={p.subjectsText} />,
                  },
                  {
                    key: 'legal',
                    label: t('portal.procedure.legalBasis'),
                    children: <TextBlock text={p.legalBasisText} />,
                  },
                ]}
              />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16} align="stretch">
            {wide && summary}
            {online && (
              <Card className="portal-apply-card">
                <Typography.Paragraph style={{ marginTop: 0 }}>
                  {t('portal.procedure.applyHint')}
                </Typography.Paragraph>
                <LinkButton to={applyLink} type="primary" block icon={<CloudUploadOutlined />}>
                  {t('portal.procedure.apply')}
                </LinkButton>
              </Card>
            )}
            <Link to="/portal" className="portal-back">
              <ArrowLeftOutlined aria-hidden /> {t('portal.procedure.backToList')}
            </Link>
          </Flex>
        </Col>
      </Row>
    </article>
  );
}

function Carriers({ procedure: p }: { procedure: PublicProcedure }) {
  const { t } = useTranslation();
  if (p.carriers.external) {
    return <TextBlock text={p.agencyText ?? t('portal.procedure.externalNotice')} />;
  }
  const list = p.carriers.agencies;
  if (list.length === 0) return <TextBlock text={p.agencyText} />;
  if (list.length <= 3) return <div>{list.map((a) => a.name).join('; ')}</div>;
  return (
    <details className="portal-details">
      <summary>{t('portal.procedure.carrierCount', { count: list.length })}</summary>
      <ul className="portal-carrier-list">
        {list.map((a) => (
          <li key={a.id}>{a.name}</li>
        ))}
      </ul>
    </details>
  );
}
