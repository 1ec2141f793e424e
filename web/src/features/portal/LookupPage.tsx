import { QrcodeOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Row, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorText } from '../../app/feedback';
import { formatDateTime } from '../../app/format';
import { lookupDossier } from './api';
import { HistoryTimeline } from './HistoryTimeline';
import { StateTag } from './tags';
import type { PublicLookup } from './types';

type Values = { code: string; secret: string };

/**
 * The public status of a dossier, without an account: its code and the secret printed on the
 * receipt (the receipt's QR code opens this page with both filled in).
 */
export default function LookupPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<PublicLookup | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const code = params.get('code')?.trim() ?? '';
  const secret = params.get('secret')?.trim() ?? '';

  const run = useCallback(
    async (c: string, s: string) => {
      setBusy(true);
      setError(null);
      try {
        setResult(await lookupDossier(c, s));
      } catch (err) {
        setResult(null);
        setError(errorText(err, t));
      } finally {
        setBusy(false);
      }
    },
    [t],
  );

  useEffect(() => {
    form.setFieldsValue({ code, secret });
    if (code.length >= 10 && secret.length >= 6) void run(code, secret);
  }, [code, secret, form, run]);

  const onFinish = (values: Values) => {
    const next = { code: values.code.trim(), secret: values.secret.trim().toUpperCase() };
    if (next.code === code && next.secret === secret) void run(next.code, next.secret);
    else setParams(next, { replace: true });
  };

  return (
    <>
      <Typography.Title level={1} className="portal-page-title">
        {t('portal.lookup.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('portal.lookup.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card>
            <Form<Values>
              form={form}
              layout="vertical"
              onFinish={onFinish}
              initialValues={{ code, secret }}
              data-testid="lookup-form"
            >
              <Form.Item
                name="code"
                label={t('portal.dossier.code')}
                extra={t('portal.lookup.codeHint')}
                rules={[
                  { required: true, whitespace: true, message: t('portal.lookup.codeRequired') },
                  { min: 10, max: 60, message: t('portal.lookup.codeRequired') },
                ]}
              >
                <Input autoCapitalize="characters" autoComplete="off" className="op-mono" />
              </Form.Item>
              <Form.Item
                name="secret"
                label={t('portal.dossier.secret')}
                extra={t('portal.lookup.secretHint')}
                rules={[
                  { required: true, whitespace: true, message: t('portal.lookup.secretRequired') },
                  { min: 6, max: 20, message: t('portal.lookup.secretRequired') },
                ]}
              >
                <Input autoCapitalize="characters" autoComplete="off" className="op-mono" />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                icon={<SearchOutlined />}
                loading={busy}
                block
                data-testid="lookup-submit"
              >
                {t('portal.lookup.submit')}
              </Button>
            </Form>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              <QrcodeOutlined aria-hidden /> {t('portal.lookup.qrHint')}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <div aria-live="polite">
            {error && (
              <Alert type="error" showIcon title={error} data-testid="lookup-error" role="alert" />
            )}
            {result && <LookupResult result={result} />}
          </div>
        </Col>
      </Row>
    </>
  );
}

function LookupResult({ result: r }: { result: PublicLookup }) {
  const { t } = useTranslation();
  return (
    <Card
      data-testid="lookup-result"
      title={<h2 className="portal-card-heading">{r.procedureName}</h2>}
    >
      <Descriptions
        column={{ xs: 1, md: 2 }}
        size="small"
        items={[
          {
            key: 'code',
            label: t('portal.dossier.code'),
            children: <span className="op-mono">{r.code}</span>,
          },
          {
            key: 'state',
            label: t('portal.dossier.state'),
            children: <StateTag state={r.state} />,
          },
          { key: 'applicant', label: t('portal.lookup.applicant'), children: r.applicantName },
          { key: 'agency', label: t('portal.dossier.agency'), children: r.agencyName },
          {
            key: 'submitted',
            label: t('portal.dossier.submittedAt'),
            children: formatDateTime(r.submittedAt),
          },
          {
            key: 'received',
            label: t('portal.dossier.receivedAt'),
            children: formatDateTime(r.receivedAt),
          },
          {
            key: 'appointment',
            label: t('portal.dossier.appointmentAt'),
            children: r.appointmentAt ? <strong>{formatDateTime(r.appointmentAt)}</strong> : '—',
          },
          ...(r.finishedAt
            ? [
                {
                  key: 'finished',
                  label: t('portal.dossier.finishedAt'),
                  children: formatDateTime(r.finishedAt),
                },
              ]
            : []),
          ...(r.returnedAt
            ? [
                {
                  key: 'returned',
                  label: t('portal.dossier.returnedAt'),
                  children: formatDateTime(r.returnedAt),
                },
              ]
            : []),
        ]}
      />
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
        {t('portal.dossier.history')}
      </Typography.Title>
      <HistoryTimeline history={r.history} />
    </Card>
  );
}
