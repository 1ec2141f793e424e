import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Result,
  Row,
  Skeleton,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { errorText } from '../../app/feedback';
import { formatDateTime } from '../../app/format';
import type { ValidationReport } from '../pki/types';
import { ValidationReportView } from '../verify/ValidationReportView';
import { getIncoming, incomingFileUrl, listOfficials } from './api';
import { DirectionCard } from './DirectionCard';
import { HistoryCard } from './HistoryCard';
import { IncomingActions } from './IncomingActions';
import { IncomingStateTag } from './labels';
import { MetaCard } from './MetaCard';
import { PdfCard } from './PdfCard';
import type { IncomingDocument } from './types';

/** The stored check is the PKI's report; anything else (an older shape) is not shown. */
function reportOf(e: IncomingDocument): ValidationReport | null {
  const r = e.signatureCheck?.report as ValidationReport | undefined;
  return r && typeof r === 'object' && Array.isArray(r.signatures) ? r : null;
}

/**
 * One incoming document in the agency's register: the PDF, metadata, the signature check
 * made on arrival, the direction and handling, the history. Opening it sends the read receipt.
 */
export default function IncomingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [e, setE] = useState<IncomingDocument | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [names, setNames] = useState(new Map<string, string>());

  const reload = useCallback(async () => {
    try {
      setE(await getIncoming(id));
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, [id]);

  useEffect(() => {
    setE(null);
    void reload();
  }, [reload]);

  const agencyId = e?.agencyId;
  useEffect(() => {
    if (!agencyId) return;
    listOfficials('handle', agencyId).then(
      (r) => setNames(new Map(r.items.map((o) => [o.id, o.fullName]))),
      () => undefined,
    );
  }, [agencyId]);

  const back = (
    <Link to="/documents?queue=incoming">
      <ArrowLeftOutlined /> {t('documents.backToList')}
    </Link>
  );
  if (error instanceof ApiError && error.status === 404) {
    return <Result status="404" title={t('documents.notFound')} extra={back} />;
  }
  if (!e) {
    return error ? (
      <Alert type="error" showIcon title={errorText(error, t)} />
    ) : (
      <Skeleton active paragraph={{ rows: 10 }} />
    );
  }
  const report = reportOf(e);
  const d = e.document;

  return (
    <>
      {back}
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 8 }}>
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={2} style={{ margin: 0 }} data-testid="doc-title">
            {d.symbol ?? d.summary}
          </Typography.Title>
          <span data-testid="doc-state">
            <IncomingStateTag state={e.state} />
          </span>
        </Flex>
        <Button icon={<ReloadOutlined />} onClick={() => void reload()}>
          {t('common.refresh')}
        </Button>
      </Flex>
      <Typography.Paragraph style={{ marginTop: 4 }}>
        {d.issuerName} — {d.summary}
      </Typography.Paragraph>
      <div style={{ marginBottom: 16 }}>
        <IncomingActions e={e} onDone={setE} />
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={13}>
          <PdfCard
            choices={[{ key: 'file', label: '', url: incomingFileUrl(e.id) }]}
            fileName={(d.symbol ?? 'van-ban-den').replace(/\//g, '-')}
          />
        </Col>
        <Col xs={24} xxl={11}>
          <Flex vertical gap={16}>
            <DirectionCard e={e} names={names} />
            <MetaCard
              d={d}
              extra={
                <>
                  <Descriptions.Item label={t('documents.meta.incomingNumber')}>
                    <strong data-testid="incoming-number">{e.number}</strong> ({e.year})
                  </Descriptions.Item>
                  <Descriptions.Item label={t('documents.meta.receivedAt')}>
                    {formatDateTime(e.receivedAt)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('documents.meta.source')}>
                    {t(`documents.source.${e.source}`)}
                  </Descriptions.Item>
                </>
              }
            />
          </Flex>
        </Col>
        <Col span={24}>
          <Card title={t('documents.incoming.signatureTitle')} data-testid="incoming-signature">
            {report ? (
              <ValidationReportView report={report} wide />
            ) : (
              <Typography.Text type="secondary">
                {t('documents.incoming.signatureNone')}
              </Typography.Text>
            )}
          </Card>
        </Col>
        <Col span={24}>
          <HistoryCard events={e.history} />
        </Col>
      </Row>
    </>
  );
}
