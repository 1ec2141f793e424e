import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Card, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../app/format';
import type { SignatureReport, SignatureStatus } from '../pki/types';

// Preset colours (darker text than the status ones): readable at WCAG AA contrast.
const verdictTags = {
  valid: { color: 'green', icon: <CheckCircleFilled /> },
  invalid: { color: 'red', icon: <CloseCircleFilled /> },
  indeterminate: { color: 'orange', icon: <ExclamationCircleFilled /> },
} as const;

const statusColors: Record<SignatureStatus, string> = {
  good: 'green',
  revoked: 'red',
  suspended: 'orange',
  superseded: 'gold',
  expired: 'red',
  not_yet_valid: 'red',
  unknown: 'default',
};

function StatusTag({ status }: { status: SignatureStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColors[status]} data-status={status}>
      {t(`verify.status.${status}`)}
    </Tag>
  );
}

/** One signature of the report: who, for whom, when, and each check's result. */
export function SignatureCard({
  s,
  isLast,
  wide,
}: {
  s: SignatureReport;
  isLast: boolean;
  wide?: boolean;
}) {
  const { t } = useTranslation();
  const tag = verdictTags[s.verdict];
  const { integrity } = s;
  const integrityText = !integrity.digestMatches
    ? t('verify.integrity.digest')
    : !integrity.signatureValid
      ? t('verify.integrity.signature')
      : !integrity.coversWholeFile
        ? t(isLast ? 'verify.integrity.appended' : 'verify.integrity.partial')
        : t('verify.integrity.ok');
  const integrityOk =
    integrity.digestMatches && integrity.signatureValid && (integrity.coversWholeFile || !isLast);

  return (
    <Card
      size="small"
      data-testid="verify-signature"
      data-verdict={s.verdict}
      title={
        <span>
          {t('verify.signature', { n: s.index + 1 })} —{' '}
          {s.signer.name ?? s.signer.organization ?? '—'}
        </span>
      }
      extra={
        <Tag color={tag.color} icon={tag.icon}>
          {t(`verify.sigVerdict.${s.verdict}`)}
        </Tag>
      }
    >
      <Descriptions
        size="small"
        column={wide ? { xs: 1, md: 2 } : { xs: 1, md: 2, xl: 1, xxl: 2 }}
        bordered
      >
        <Descriptions.Item label={t('verify.field.signer')}>
          {s.signer.name ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('verify.field.title')}>
          {s.signer.title ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('verify.field.agency')}>
          {s.agency?.name ?? s.signer.organization ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('verify.field.kind')}>
          {t(`verify.kind.${s.holderKind ?? 'unknown'}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('verify.field.time')}>
          {s.time.at ? formatDateTime(s.time.at) : '—'}{' '}
          <Typography.Text type="secondary">
            ({t(`verify.timeSource.${s.time.source}`)})
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('verify.field.chain')}>
          <Tag color={s.chain === 'trusted' ? 'green' : s.chain === 'invalid' ? 'red' : 'orange'}>
            {t(`verify.chain.${s.chain}`)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('verify.field.statusAtSigning')}>
          <StatusTag status={s.statusAtSigning} />
        </Descriptions.Item>
        <Descriptions.Item label={t('verify.field.statusNow')}>
          <StatusTag status={s.statusNow} />
        </Descriptions.Item>
        <Descriptions.Item label={t('verify.field.integrity')}>
          <Typography.Text style={{ color: integrityOk ? '#237804' : '#a8071a' }}>
            {integrityText}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('verify.field.certificate')}>
          {s.certificate
            ? t('verify.certificateText', {
                serial: s.certificate.serial,
                from: formatDate(s.certificate.notBefore),
                to: formatDate(s.certificate.notAfter),
              })
            : '—'}
        </Descriptions.Item>
        {s.reason && (
          <Descriptions.Item label={t('verify.field.reason')}>{s.reason}</Descriptions.Item>
        )}
        {s.location && (
          <Descriptions.Item label={t('verify.field.location')}>{s.location}</Descriptions.Item>
        )}
        {s.problems.length > 0 && (
          <Descriptions.Item label={t('verify.field.problems')} span={2}>
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {s.problems.map((p) => (
                <li key={p} data-problem={p}>
                  {t(`verify.problem.${p}`, { defaultValue: p })}
                </li>
              ))}
            </ul>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}
