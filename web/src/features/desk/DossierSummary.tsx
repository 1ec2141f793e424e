import { Button, Descriptions, type DescriptionsProps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { ChannelTag, DueDate, vnd } from './labels';
import type { OfficerDossier } from './types';

const finishedStates = new Set(['refused', 'returned', 'withdrawn', 'cancelled', 'result_ready']);

/** Dates, agencies, assignee, fee and outcome of a dossier. */
export function DossierSummary({
  d,
  onRecordFee,
  onAssign,
}: {
  d: OfficerDossier;
  /** Offered when the fee is still due and the user may record it. */
  onRecordFee?: () => void;
  /** Offered when the current step may be (re)assigned. */
  onAssign?: () => void;
}) {
  const { t } = useTranslation();
  const items: DescriptionsProps['items'] = [
    {
      key: 'procedure',
      label: t('desk.dossier.procedure'),
      span: 'filled',
      children: (
        <span>
          {d.procedure.name}{' '}
          <Typography.Text type="secondary">({d.procedure.code})</Typography.Text>
        </span>
      ),
    },
    { key: 'agency', label: t('desk.dossier.agency'), children: d.agency.name },
    {
      key: 'holder',
      label: t('desk.dossier.holder'),
      children: d.holderAgency.name,
    },
    {
      key: 'channel',
      label: t('desk.dossier.channel'),
      children: <ChannelTag channel={d.channel} />,
    },
    {
      key: 'submitted',
      label: t('desk.dossier.submittedAt'),
      children: formatDateTime(d.submittedAt),
    },
    {
      key: 'received',
      label: t('desk.dossier.receivedAt'),
      children: formatDateTime(d.receivedAt),
    },
    {
      key: 'due',
      label: t('desk.dossier.dueAt'),
      children: (
        <span data-testid="dossier-due">
          <DueDate
            dueAt={d.dueAt}
            overdue={d.overdue}
            finished={finishedStates.has(d.state)}
            withTime
          />
        </span>
      ),
    },
    {
      key: 'appointment',
      label: t('desk.dossier.appointmentAt'),
      children: <span data-testid="dossier-appointment">{formatDateTime(d.appointmentAt)}</span>,
    },
    {
      key: 'assignee',
      label: t('desk.dossier.assignee'),
      children: (
        <span>
          {d.assignee?.name ?? (
            <Typography.Text type="secondary">{t('desk.assignee.none')}</Typography.Text>
          )}
          {onAssign && (
            <Button
              size="small"
              type="link"
              onClick={onAssign}
              data-testid="dossier-assign"
              style={{ paddingInline: 6 }}
            >
              {t('desk.assign.button')}
            </Button>
          )}
        </span>
      ),
    },
    {
      key: 'fee',
      label: t('desk.dossier.fee'),
      children: d.fee ? (
        <span data-testid="dossier-fee">
          {vnd(d.fee.amountVnd)}{' '}
          {d.fee.status === 'paid' ? (
            <Tag color="green">{t('desk.fee.paid', { receiptNo: d.fee.receiptNo ?? '—' })}</Tag>
          ) : d.fee.status === 'waived' ? (
            <Tag>{t('desk.fee.waived')}</Tag>
          ) : (
            <Tag color="orange">{t('desk.fee.due')}</Tag>
          )}
          {onRecordFee && (
            <Button size="small" onClick={onRecordFee} data-testid="dossier-fee-record">
              {t('desk.fee.record')}
            </Button>
          )}
        </span>
      ) : (
        <Typography.Text type="secondary">{t('desk.fee.none')}</Typography.Text>
      ),
    },
  ];
  if (d.clockStoppedAt) {
    items.push({
      key: 'clock',
      label: t('desk.dossier.clock'),
      children: (
        <Tag color="volcano">
          {t('desk.dossier.clockStopped', { at: formatDateTime(d.clockStoppedAt) })}
        </Tag>
      ),
    });
  }
  if (d.finishKind) {
    items.push({
      key: 'finish',
      label: t('desk.dossier.finish'),
      children: (
        <span>
          {t(`desk.finishKind.${d.finishKind}`)} — {formatDateTime(d.finishedAt)}
        </span>
      ),
    });
  }
  if (d.returnedAt) {
    items.push({
      key: 'returned',
      label: t('desk.dossier.returnedAt'),
      children: (
        <span>
          {formatDateTime(d.returnedAt)}
          {d.returnMethod ? ` — ${t(`desk.returnMethod.${d.returnMethod}`)}` : ''}
        </span>
      ),
    });
  }
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 1, md: 2, xl: 2 }}
      items={items}
      data-testid="dossier-summary"
    />
  );
}
