import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ValidationReport } from '../pki/types';
import { SignatureCard } from './SignatureCard';
import { VerdictBanner } from './VerdictBanner';

/** The whole report: the verdict, then each signature. Also used on the document pages. */
export function ValidationReportView({
  report,
  wide,
}: {
  report: ValidationReport;
  /** Laid out over the whole page width (two columns of facts per signature). */
  wide?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12} data-testid="verify-report">
      <VerdictBanner report={report} />
      {report.signatures.length > 0 && (
        <Typography.Title level={4} style={{ margin: '8px 0 0' }}>
          {t('verify.signatures', { count: report.signatures.length })}
        </Typography.Title>
      )}
      {report.signatures.map((s, i) => (
        <SignatureCard
          key={s.index}
          s={s}
          isLast={i === report.signatures.length - 1}
          wide={wide}
        />
      ))}
    </Flex>
  );
}
