import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, Row, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorText } from '../../app/feedback';
import type { ValidationReport } from '../pki/types';
import { isVerifyCode, verifyPdf } from './api';
import { CaLinks } from './CaLinks';
import { ValidationReportView } from './ValidationReportView';

const MAX_BYTES = 20 * 1024 * 1024;

/**
 * The public check of any signed PDF (no account): drop a file, read the report. Or type the
 * code printed under a document's QR code to open its own verification page.
 */
export default function VerifyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<{ name: string; report: ValidationReport } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const check = async (file: File) => {
    setError(null);
    setReport(null);
    if (file.size > MAX_BYTES) {
      setError(t('verify.dropHint'));
      return;
    }
    setBusy(true);
    try {
      setReport({ name: file.name, report: await verifyPdf(file) });
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Typography.Title level={1} className="portal-page-title">
        {t('verify.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('verify.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card data-testid="verify-upload">
            <Upload.Dragger
              accept=".pdf,application/pdf"
              multiple={false}
              showUploadList={false}
              disabled={busy}
              beforeUpload={(file) => {
                void check(file);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('verify.drop')}</p>
              <p className="ant-upload-hint">{t('verify.dropHint')}</p>
            </Upload.Dragger>
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card>
            <Form<{ code: string }>
              layout="vertical"
              onFinish={({ code }) => navigate(`/verify/${code.trim()}`)}
              data-testid="verify-code-form"
            >
              <Form.Item
                name="code"
                label={t('verify.codeLabel')}
                rules={[
                  {
                    required: true,
                    validator: async (_, v: string | undefined) => {
                      if (!v || !isVerifyCode(v.trim())) throw new Error(t('verify.codeInvalid'));
                    },
                  },
                ]}
              >
                <Input placeholder={t('verify.codePlaceholder')} autoComplete="off" />
              </Form.Item>
              <Button type="primary" htmlType="submit">
                {t('verify.codeSubmit')}
              </Button>
            </Form>
            <CaLinks />
          </Card>
        </Col>
      </Row>
      <div style={{ marginTop: 16 }}>
        {busy && (
          <Spin tip={t('verify.checking')}>
            <div style={{ height: 80 }} />
          </Spin>
        )}
        {error && <Alert type="error" showIcon title={error} data-testid="verify-error" />}
        {report && (
          <>
            <Typography.Paragraph type="secondary">
              {t('verify.checkedFile', { name: report.name })}
            </Typography.Paragraph>
            <ValidationReportView report={report.report} />
          </>
        )}
      </div>
    </>
  );
}
