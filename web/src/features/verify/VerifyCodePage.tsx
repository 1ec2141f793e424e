import { DownloadOutlined, FileProtectOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Result, Row, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { errorText } from '../../app/feedback';
import { formatDate, formatDateTime } from '../../app/format';
import { getVerification, isVerifyCode, type PublicVerification, publicFileUrl } from './api';
import { CaLinks } from './CaLinks';
import { ValidationReportView } from './ValidationReportView';

/**
 * What the QR code printed on an issued document opens: the document's public metadata, the
 * platform's check of the issued PDF's signatures, and the PDF itself.
 */
export default function VerifyCodePage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const [data, setData] = useState<PublicVerification | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    if (!isVerifyCode(code)) {
      setError(new ApiError(404, 'document.not_found', ''));
      return;
    }
    getVerification(code).then(
      (v) => live && setData(v),
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [code]);

  if (error instanceof ApiError && error.status === 404) {
    return (
      <Result
        status="404"
        title={t('verify.doc.notFound')}
        subTitle={t('verify.doc.notFoundText')}
        extra={
          <Link to="/verify">
            <Button type="primary">{t('verify.checkFile')}</Button>
          </Link>
        }
      />
    );
  }
  if (error) return <Alert type="error" showIcon title={errorText(error, t)} />;
  if (!data) return <Skeleton active paragraph={{ rows: 8 }} />;

  return (
    <>
      <Typography.Title level={1} className="portal-page-title">
        <FileProtectOutlined /> {t('verify.title')}
      </Typography.Title>
      {data.isRecalled && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="verify-recalled"
          title={t('verify.doc.recalled', { at: formatDateTime(data.recalledAt) })}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card title={t('verify.doc.title')} data-testid="verify-document">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('verify.doc.issuer')}>
                {data.issuerName}
              </Descriptions.Item>
              <Descriptions.Item label={t('verify.doc.symbol')}>
                <strong data-testid="verify-symbol">{data.symbol}</strong>
              </Descriptions.Item>
              <Descriptions.Item label={t('verify.doc.type')}>{data.typeName}</Descriptions.Item>
              <Descriptions.Item label={t('verify.doc.issuedOn')}>
                {formatDate(data.issuedOn)}
              </Descriptions.Item>
              <Descriptions.Item label={t('verify.doc.summary')}>{data.summary}</Descriptions.Item>
              <Descriptions.Item label={t('verify.doc.signer')}>
                {[data.signerPosition, data.signerName].filter(Boolean).join(' ') || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('verify.doc.pages')}>
                {data.pages ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('verify.doc.sha256')}>
                <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>
                  {data.sha256}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              href={publicFileUrl(code)}
              download
              style={{ marginTop: 12 }}
              data-testid="verify-download"
            >
              {t('verify.doc.download')}
            </Button>
            <CaLinks />
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <ValidationReportView report={data.validation} />
        </Col>
      </Row>
    </>
  );
}
