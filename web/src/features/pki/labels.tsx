import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import type { Certificate, CertificateStatus, KeyKind } from './types';

const statusColors: Record<CertificateStatus, string> = {
  requested: 'gold',
  approved: 'cyan',
  rejected: 'default',
  active: 'green',
  suspended: 'orange',
  revoked: 'red',
  superseded: 'default',
  expired: 'volcano',
};

export function CertStatusTag({ status }: { status: CertificateStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColors[status]} data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`pki.status.${status}`)}
    </Tag>
  );
}

const keyColors: Record<KeyKind, string> = {
  remote: 'blue',
  usb_token: 'purple',
  sim_pki: 'magenta',
};

export function KeyKindTag({ kind }: { kind: KeyKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={keyColors[kind]} variant="outlined">
      {t(`pki.keyKindShort.${kind}`)}
    </Tag>
  );
}

export function validityText(c: Pick<Certificate, 'notBefore' | 'notAfter'>): string {
  return c.notBefore ? `${formatDate(c.notBefore)} – ${formatDate(c.notAfter)}` : '—';
}

/** The device a certificate lives on: the token's serial or the SIM's number. */
export function deviceText(c: Pick<Certificate, 'deviceSerial' | 'phone'>): string {
  return c.deviceSerial ?? c.phone ?? '—';
}
