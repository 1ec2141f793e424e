import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import type { ValidationReport } from '../pki/types';

const types = {
  valid: 'success',
  invalid: 'error',
  indeterminate: 'warning',
  unsigned: 'info',
} as const;

/** The overall verdict in one coloured line, with what it means. */
export function VerdictBanner({ report }: { report: ValidationReport }) {
  const { t } = useTranslation();
  const { verdict } = report;
  // Intact signatures on a file with bytes appended: say what is wrong in the title.
  const changedOnly =
    verdict === 'invalid' &&
    report.changedAfterSigning &&
    report.signatures.every((s) => s.verdict !== 'invalid');
  return (
    <Alert
      type={types[verdict]}
      showIcon
      data-testid="verify-verdict"
      data-verdict={verdict}
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {changedOnly ? t('verify.verdict.changed') : t(`verify.verdict.${verdict}`)}
        </Typography.Title>
      }
      description={
        <>
          <div>{t(`verify.verdictText.${verdict}`)}</div>
          {report.signatures.length > 0 && (
            <div data-testid="verify-changed" data-changed={report.changedAfterSigning}>
              <strong>
                {report.changedAfterSigning ? t('verify.changed') : t('verify.unchanged')}
              </strong>
            </div>
          )}
          <Typography.Text type="secondary">
            {t('verify.checkedAt', { at: formatDateTime(report.checkedAt) })} ·{' '}
            {t('verify.pages', { count: report.pages })}
          </Typography.Text>
        </>
      }
    />
  );
}
