import { Alert, Card, Descriptions } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../app/format';
import { UrgencyTag } from './labels';
import type { DocumentMeta } from './types';

/** Decree 30 annex VI metadata of a document, as every reader of it may see. */
export function MetaCard({ d, extra }: { d: DocumentMeta; extra?: ReactNode }) {
  const { t } = useTranslation();
  const signer = [
    d.authority && d.headTitle ? `${d.authority} ${d.headTitle}` : null,
    d.signerPosition,
    d.signerName,
  ]
    .filter(Boolean)
    .join(' / ');
  return (
    <Card title={t('documents.meta.title')} data-testid="doc-meta">
      {d.recalledAt && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('documents.meta.recalled', {
            at: formatDateTime(d.recalledAt),
            reason: d.recallReason ?? '',
          })}
        />
      )}
      <Descriptions column={{ xs: 1, lg: 2 }} size="small" bordered>
        <Descriptions.Item label={t('documents.meta.issuer')}>{d.issuerName}</Descriptions.Item>
        <Descriptions.Item label={t('documents.meta.symbol')}>
          <strong data-testid="doc-symbol">
            {d.symbol ??
              (d.symbolTail ? t('documents.meta.symbolPending', { tail: d.symbolTail }) : '—')}
          </strong>
        </Descriptions.Item>
        <Descriptions.Item label={t('documents.meta.type')}>{d.type.name}</Descriptions.Item>
        <Descriptions.Item label={t('documents.meta.placeDate')}>
          {d.placeDate ?? (d.issuedOn ? formatDate(d.issuedOn) : '—')}
        </Descriptions.Item>
        <Descriptions.Item label={t('documents.meta.summary')} span={2}>
          <UrgencyTag urgency={d.urgency} />
          {d.summary}
        </Descriptions.Item>
        <Descriptions.Item label={t('documents.meta.signer')}>{signer || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('documents.meta.signedAt')}>
          {formatDateTime(d.signedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('documents.meta.issuedAt')}>
          {formatDateTime(d.issuedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('documents.meta.pages')}>{d.pages ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('documents.meta.dueOn')}>
          {formatDate(d.dueOn)}
        </Descriptions.Item>
        <Descriptions.Item label={t('documents.meta.language')}>{d.language}</Descriptions.Item>
        {d.recipientNames.length > 0 && (
          <Descriptions.Item label={t('documents.meta.recipients')} span={2}>
            {d.recipientNames.join('; ')}
          </Descriptions.Item>
        )}
        {extra}
      </Descriptions>
    </Card>
  );
}
