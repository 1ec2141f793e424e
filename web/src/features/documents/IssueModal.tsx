import { Alert, Descriptions, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../app/FormModal';
import { formatNumber } from '../../../../src/modules/documents/symbols.js';
import { issueDocument, listRegisters } from './api';
import type { OutgoingDocument, RegisterView } from './types';

/**
 * The clerk's issuance: the register the number comes from and the number it will likely
 * get (the server assigns it atomically), then number + date + seal + QR + delivery.
 */
export function IssueModal({
  d,
  onClose,
  onDone,
}: {
  d: OutgoingDocument;
  onClose: () => void;
  onDone: (next: OutgoingDocument) => void;
}) {
  const { t } = useTranslation();
  const [register, setRegister] = useState<RegisterView | null | undefined>(undefined);

  useEffect(() => {
    listRegisters({ agencyId: d.agency.id, kind: 'outgoing', year: dayjs().year() }).then(
      ({ items }) =>
        setRegister(
          items.find((r) => r.id === d.registerId) ??
            items.find((r) => r.typeKeys.includes(d.type.key)) ??
            items.find((r) => r.series === 'default') ??
            items[0] ??
            null,
        ),
      () => setRegister(null),
    );
  }, [d.agency.id, d.registerId, d.type.key]);

  const next = register ? formatNumber(register.lastNumber + 1) : null;
  return (
    <FormModal<object>
      open
      title={`${t('documents.action.issue')} — ${d.summary}`}
      okText={t('documents.action.issue')}
      onCancel={onClose}
      onSubmit={async () => onDone(await issueDocument(d.id))}
      testId="act-issue"
    >
      <Typography.Paragraph>{t('documents.modal.issueIntro')}</Typography.Paragraph>
      {register === undefined && <Skeleton active paragraph={{ rows: 2 }} />}
      {register === null && <Alert type="info" showIcon title={t('documents.modal.noRegister')} />}
      {register && (
        <Descriptions column={1} size="small" bordered data-testid="issue-register">
          <Descriptions.Item label={t('documents.modal.register')}>
            {register.name} ({register.year})
          </Descriptions.Item>
          <Descriptions.Item label={t('documents.modal.nextNumber')}>{next}</Descriptions.Item>
          <Descriptions.Item label={t('documents.modal.symbolPreview')}>
            <strong>{d.symbolTail ? `${next}/${d.symbolTail}` : next}</strong>
          </Descriptions.Item>
        </Descriptions>
      )}
    </FormModal>
  );
}
