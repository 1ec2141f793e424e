import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
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
  Timeline,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { errorText } from '../../app/feedback';
import { formatDateTime } from '../../app/format';
import { getCertificate } from './api';
import { CertificateActions } from './CertificateActions';
import { CertStatusTag, KeyKindTag, validityText } from './labels';
import type { CertificateDetail } from './types';

/** One certificate: its subject, device, validity, PIN state, history and lifecycle actions. */
export default function CertificateDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [c, setC] = useState<CertificateDetail | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    try {
      setC(await getCertificate(id));
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, [id]);

  useEffect(() => {
    setC(null); // another certificate (after a renewal): not the previous one's facts meanwhile
    void reload();
  }, [reload]);

  const pemUrl = useMemo(
    () =>
      c?.certificatePem
        ? URL.createObjectURL(new Blob([c.certificatePem], { type: 'application/x-pem-file' }))
        : null,
    [c?.certificatePem],
  );
  useEffect(() => () => void (pemUrl && URL.revokeObjectURL(pemUrl)), [pemUrl]);

  const back = (
    <Link to="/pki">
      <ArrowLeftOutlined /> {t('pki.backToList')}
    </Link>
  );
  if (error instanceof ApiError && error.status === 404) {
    return <Result status="404" title={t('pki.notFound')} extra={back} />;
  }
  if (!c) {
    return error ? (
      <Alert type="error" showIcon title={errorText(error, t)} />
    ) : (
      <Skeleton active paragraph={{ rows: 8 }} />
    );
  }
  const d = (label: string, value: React.ReactNode) => (
    <Descriptions.Item label={t(`pki.detail.${label}`)}>{value ?? '—'}</Descriptions.Item>
  );

  return (
    <>
      {back}
      <Flex align="center" gap={8} wrap style={{ marginTop: 8 }}>
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="cert-name">
          {c.subject.name}
        </Typography.Title>
        <span data-testid="cert-status">
          <CertStatusTag status={c.status} />
        </span>
        <KeyKindTag kind={c.keyKind} />
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
        {c.subject.org}
      </Typography.Paragraph>
      {error != null && <Alert type="error" showIcon title={errorText(error, t)} />}
      <div style={{ marginBottom: 16 }}>
        <CertificateActions
          c={c}
          // a renewal answers with the new certificate: show that one (it links back)
          onDone={(next) =>
            next.id === c.id ? void reload() : navigate(`/pki/certificates/${next.id}`)
          }
        />
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card>
            <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
              {d('subject', c.subject.name)}
              {d('title', c.subject.title)}
              {d('org', c.subject.org)}
              {d('holderKind', t(`pki.holderKind.${c.holderKind}`))}
              {d('keyKind', t(`pki.keyKind.${c.keyKind}`))}
              {d('serial', c.serial && <Typography.Text code>{c.serial}</Typography.Text>)}
              {d('validity', validityText(c))}
              {c.keyKind === 'usb_token' && d('device', c.deviceSerial)}
              {c.keyKind === 'sim_pki' && d('phone', c.phone)}
              {c.keyKind === 'remote' &&
                d(
                  'pin',
                  c.isPinLocked
                    ? t('pki.detail.pinLocked')
                    : c.hasPin
                      ? t('pki.detail.pinSet')
                      : t('pki.detail.pinNotSet'),
                )}
              {d('requestedAt', formatDateTime(c.requestedAt))}
              {c.decidedAt &&
                d(
                  'decided',
                  `${formatDateTime(c.decidedAt)}${c.decisionNote ? ` — ${c.decisionNote}` : ''}`,
                )}
              {c.issuedAt && d('issuedAt', formatDateTime(c.issuedAt))}
              {c.suspendedAt && d('suspendedAt', formatDateTime(c.suspendedAt))}
              {c.revokedAt && d('revokedAt', formatDateTime(c.revokedAt))}
              {c.revocationReason && d('revocationReason', t(`pki.reason.${c.revocationReason}`))}
              {c.renewedFromId &&
                d(
                  'renewedFrom',
                  <Link to={`/pki/certificates/${c.renewedFromId}`}>
                    {c.renewedFromId.slice(0, 8)}
                  </Link>,
                )}
              {c.note && d('note', c.note)}
            </Descriptions>
            {pemUrl && (
              <Button
                icon={<DownloadOutlined />}
                href={pemUrl}
                download={`${c.serial ?? c.id}.pem`}
                style={{ marginTop: 12 }}
              >
                {t('pki.detail.pem')}
              </Button>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('pki.detail.history')} data-testid="cert-history">
            <Timeline
              items={c.history.map((h) => ({
                key: `${h.at}-${h.status}`,
                content: (
                  <>
                    <CertStatusTag status={h.status} />{' '}
                    <Typography.Text type="secondary">{formatDateTime(h.at)}</Typography.Text>
                    {h.reason && (
                      <div>{t(`pki.reason.${h.reason}`, { defaultValue: h.reason })}</div>
                    )}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
