import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * Right after the submission: the dossier code and the lookup secret. The secret is shown only
 * this once (the receipt prints it again once the agency receives the dossier).
 */
export function SubmittedNotice({ code, secret }: { code: string; secret: string }) {
  const { t } = useTranslation();
  const lookup = `/tra-cuu?code=${encodeURIComponent(code)}&secret=${encodeURIComponent(secret)}`;
  return (
    <Card className="portal-success" data-testid="submitted-notice" style={{ marginBottom: 16 }}>
      <Flex gap={12} align="center" style={{ marginBottom: 12 }}>
        <CheckCircleFilled className="portal-success-icon" aria-hidden />
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }} role="status">
          {t('portal.submitted.title')}
        </Typography.Title>
      </Flex>
      <div className="portal-codes">
        <div className="portal-code-box">
          <div className="portal-code-label">{t('portal.dossier.code')}</div>
          <Typography.Text
            strong
            copyable
            className="op-mono portal-code-value"
            data-testid="submitted-code"
          >
            {code}
          </Typography.Text>
        </div>
        <div className="portal-code-box">
          <div className="portal-code-label">{t('portal.dossier.secret')}</div>
          <Typography.Text
            strong
            copyable
            className="op-mono portal-code-value"
            data-testid="submitted-secret"
          >
            {secret}
          </Typography.Text>
        </div>
      </div>
      <Alert
        type="warning"
        showIcon
        style={{ marginTop: 12 }}
        title={t('portal.submitted.noteSecret')}
        description={t('portal.submitted.receiptLater')}
      />
      <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
        <Link to={lookup}>{t('portal.submitted.lookupLink')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}
