import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import type { DocumentState, IncomingState, Urgency } from './types';

const stateColors: Record<DocumentState, string> = {
  draft: 'default',
  in_review: 'gold',
  returned: 'volcano',
  approved: 'cyan',
  signed: 'geekblue',
  issued: 'green',
  recalled: 'red',
  cancelled: 'default',
  registered: 'blue',
};

export function DocStateTag({ state }: { state: DocumentState }) {
  const { t } = useTranslation();
  return (
    <Tag color={stateColors[state]} data-state={state} style={{ marginInlineEnd: 0 }}>
      {t(`documents.state.${state}`)}
    </Tag>
  );
}

const incomingColors: Record<IncomingState, string> = {
  received: 'gold',
  directed: 'blue',
  in_progress: 'geekblue',
  done: 'green',
  returned: 'red',
};

export function IncomingStateTag({ state }: { state: IncomingState }) {
  const { t } = useTranslation();
  return (
    <Tag color={incomingColors[state]} data-state={state} style={{ marginInlineEnd: 0 }}>
      {t(`documents.incomingState.${state}`)}
    </Tag>
  );
}

/** Nothing for a normal document; a red mark for the urgent ones. */
export function UrgencyTag({ urgency }: { urgency: Urgency }) {
  const { t } = useTranslation();
  if (urgency === 'normal') return null;
  return (
    <Tag color={urgency === 'khan' ? 'orange' : 'red'} style={{ fontWeight: 600 }}>
      {t(`documents.urgency.${urgency}`).toUpperCase()}
    </Tag>
  );
}

/** The arriving document's signature check: valid, invalid or none. */
export function SignatureMark({ isValid }: { isValid: boolean | null }) {
  const { t } = useTranslation();
  if (isValid === null) {
    return (
      <Typography.Text type="secondary">
        <MinusCircleOutlined /> {t('documents.signature.none')}
      </Typography.Text>
    );
  }
  return isValid ? (
    <Typography.Text style={{ color: '#237804' }} data-valid="true">
      <CheckCircleFilled /> {t('documents.signature.valid')}
    </Typography.Text>
  ) : (
    <Typography.Text style={{ color: '#a8071a' }} data-valid="false">
      <CloseCircleFilled /> {t('documents.signature.invalid')}
    </Typography.Text>
  );
}

/** The number and symbol, or the draft's symbol with the number left blank. */
export function symbolText(d: { symbol: string | null; symbolTail: string | null }): string {
  if (d.symbol) return d.symbol;
  return d.symbolTail ? `…/${d.symbolTail}` : '—';
}

export function Deadline({ date, overdue }: { date: string | null; overdue: boolean }) {
  if (!date) return <>—</>;
  return overdue ? (
    <Typography.Text strong style={{ color: '#a8071a' }} data-overdue="true">
      {formatDate(date)}
    </Typography.Text>
  ) : (
    <>{formatDate(date)}</>
  );
}
