import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Descriptions, Flex, Result, Row, Skeleton, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { errorText } from '../../app/feedback';
import { formatDateTime } from '../../app/format';
import { getOutgoing, outgoingFileUrl } from './api';
import { HistoryCard } from './HistoryCard';
import { DocStateTag, symbolText } from './labels';
import { MetaCard } from './MetaCard';
import { OutgoingActions } from './OutgoingActions';
import { type PdfChoice, PdfCard } from './PdfCard';
import { RecipientsCard } from './RecipientsCard';
import { ReviewsCard } from './ReviewsCard';
import type { OutgoingDocument } from './types';

/** The public verification link, opened on this server whatever its configured public URL. */
function localPath(url: string): string {
  try {
    return new URL(url, window.location.origin).pathname;
  } catch {
    return url;
  }
}

/**
 * One outgoing document for its agency: the PDF, the annex VI metadata, the review chain
 * and versions, delivery and read receipts, the history and what the reader may do now.
 */
export default function OutgoingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [d, setD] = useState<OutgoingDocument | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    try {
      setD(await getOutgoing(id));
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, [id]);

  useEffect(() => {
    setD(null);
    void reload();
  }, [reload]);

  const back = (
    <Link to="/documents">
      <ArrowLeftOutlined /> {t('documents.backToList')}
    </Link>
  );
  if (error instanceof ApiError && error.status === 404) {
    return <Result status="404" title={t('documents.notFound')} extra={back} />;
  }
  if (!d) {
    return error ? (
      <Alert type="error" showIcon title={errorText(error, t)} />
    ) : (
      <Skeleton active paragraph={{ rows: 10 }} />
    );
  }

  const choices: PdfChoice[] = [
    {
      key: 'current',
      label: t('documents.pdf.which.current'),
      url: outgoingFileUrl(d.id, 'current'),
    },
  ];
  if (d.signedAt)
    choices.push({
      key: 'signed',
      label: t('documents.pdf.which.signed'),
      url: outgoingFileUrl(d.id, 'signed'),
    });
  if (d.issuedAt)
    choices.push({
      key: 'issued',
      label: t('documents.pdf.which.issued'),
      url: outgoingFileUrl(d.id, 'issued'),
    });

  return (
    <>
      {back}
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 8 }}>
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={2} style={{ margin: 0 }} data-testid="doc-title">
            {d.symbol ?? `${d.type.name} — ${t('documents.draftLabel')}`}
          </Typography.Title>
          <span data-testid="doc-state">
            <DocStateTag state={d.state} />
          </span>
        </Flex>
        <Button icon={<ReloadOutlined />} onClick={() => void reload()}>
          {t('common.refresh')}
        </Button>
      </Flex>
      <Typography.Paragraph style={{ marginTop: 4 }}>{d.summary}</Typography.Paragraph>
      {d.cancelledAt && (
        <Alert
          type="warning"
          showIcon
          title={t('documents.meta.cancelled', {
            at: formatDateTime(d.cancelledAt),
            reason: d.cancelReason ?? '',
          })}
          style={{ marginBottom: 16 }}
          data-testid="doc-cancelled"
        />
      )}
      <div style={{ marginBottom: 16 }}>
        <OutgoingActions d={d} onDone={(next) => setD(next)} />
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={13}>
          <PdfCard
            key={choices.length}
            choices={choices}
            fileName={symbolText(d).replace(/[/…]/g, '-')}
          />
        </Col>
        <Col xs={24} xxl={11}>
          <Flex vertical gap={16}>
            <MetaCard
              d={d}
              extra={
                <>
                  <Descriptions.Item label={t('documents.meta.drafter')}>
                    {d.drafter?.name ?? '—'}
                  </Descriptions.Item>
                  {d.verifyUrl && (
                    <Descriptions.Item label={t('documents.meta.verifyUrl')}>
                      <a href={localPath(d.verifyUrl)} data-testid="doc-verify-link">
                        {d.verifyUrl}
                      </a>
                    </Descriptions.Item>
                  )}
                </>
              }
            />
            <ReviewsCard
              reviews={d.reviews}
              versions={d.versions}
              // a cancelled draft may never have been submitted
              submitted={d.history.some((e) => e.action === 'submit')}
            />
          </Flex>
        </Col>
        {d.recipients.length > 0 && (
          <Col span={24}>
            <RecipientsCard recipients={d.recipients} />
          </Col>
        )}
        <Col span={24}>
          <HistoryCard events={d.history} />
        </Col>
      </Row>
    </>
  );
}
