import { Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { errorText } from '../../app/feedback';
import { formatDate, formatDateTime } from '../../app/format';
import type { Channel, DossierState } from './types';

const stateColors: Record<DossierState, string> = {
  draft: 'default',
  submitted: 'gold',
  received: 'blue',
  in_process: 'geekblue',
  awaiting_supplement: 'orange',
  paused: 'volcano',
  transferred: 'purple',
  approved: 'cyan',
  refused: 'red',
  result_ready: 'lime',
  returned: 'green',
  withdrawn: 'default',
  cancelled: 'default',
};

export function StateTag({ state }: { state: DossierState }) {
  const { t } = useTranslation();
  return (
    <Tag color={stateColors[state]} data-state={state} style={{ marginInlineEnd: 0 }}>
      {t(`desk.state.${state}`)}
    </Tag>
  );
}

export function ChannelTag({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  return <Tag variant="outlined">{t(`desk.channel.${channel}`)}</Tag>;
}

/**
 * Whole working days (Monday–Friday) from now until `due`, 0 when due today. Holidays are
 * not known here: the server's "due soon" queue is the exact list; this only colours dates.
 */
export function workingDaysUntil(due: string, now = dayjs()): number {
  let day = now.startOf('day');
  const end = dayjs(due).startOf('day');
  let n = 0;
  while (day.isBefore(end)) {
    day = day.add(1, 'day');
    if (day.day() !== 0 && day.day() !== 6) n++;
  }
  return n;
}

/** A dossier code that wraps after the agency's identifier, never inside a number. */
export function DossierCode({ code }: { code: string | null }) {
  const { t } = useTranslation();
  if (!code) return <>{t('desk.noCode')}</>;
  const cut = code.indexOf('-');
  return (
    <span className="op-mono" style={{ wordBreak: 'normal' }}>
      {cut < 0 ? (
        code
      ) : (
        <>
          {code.slice(0, cut + 1)}
          <wbr />
          {code.slice(cut + 1)}
        </>
      )}
    </span>
  );
}

/** A due date: red when overdue, orange when due within two working days. */
export function DueDate({
  dueAt,
  overdue,
  finished,
  withTime,
}: {
  dueAt: string | null;
  overdue: boolean;
  finished?: boolean;
  withTime?: boolean;
}) {
  const { t } = useTranslation();
  if (!dueAt) return <>—</>;
  const text = withTime ? formatDateTime(dueAt) : formatDate(dueAt);
  if (overdue) {
    return (
      <span data-due="overdue">
        <Typography.Text type="danger" strong>
          {text}
        </Typography.Text>
        <br />
        <Tag color="red">{t('desk.overdue')}</Tag>
      </span>
    );
  }
  if (!finished && workingDaysUntil(dueAt) <= 2) {
    return (
      <span data-due="soon">
        <Typography.Text strong style={{ color: '#ad4e00' }}>
          {text}
        </Typography.Text>
        <br />
        <Tag color="orange">{t('desk.dueSoon')}</Tag>
      </span>
    );
  }
  return <span data-due="ok">{text}</span>;
}

const applicantActions = new Set(['submit', 'supplement', 'withdraw']);

/**
 * The text for a failed desk call: the server's localised detail, and for a workflow
 * conflict (409) the actions the dossier's state allows.
 */
export function deskErrorText(err: unknown, t: TFunction): string {
  if (err instanceof ApiError && err.code === 'dossier.illegal_transition') {
    // the workflow's list includes the applicant's own actions: not the officer's business
    const allowed = (
      Array.isArray(err.extensions.allowedActions)
        ? (err.extensions.allowedActions as string[])
        : []
    ).filter((a) => !applicantActions.has(a));
    return allowed.length
      ? t('desk.problem.illegal', {
          detail: err.detail,
          actions: allowed.map((a) => t(`desk.action.${a}`)).join(', '),
        })
      : err.detail;
  }
  if (err instanceof ApiError && err.code === 'dossier.not_your_step') {
    return t('desk.problem.notYourStep', { detail: err.detail });
  }
  return errorText(err, t);
}

/** Re-throws an error with the desk's wording, for FormModal (which shows `detail`). */
export function withDeskText(err: unknown, t: TFunction): unknown {
  if (err instanceof ApiError) {
    return new ApiError(err.status, err.code, deskErrorText(err, t), err.extensions);
  }
  return err;
}

const units = ['working_day', 'day', 'hour', 'month'] as const;

/** "3 ngày làm việc". */
export function processingTimeText(t: TFunction, time: number | null, unit: string | null): string {
  if (time === null || !unit || !(units as readonly string[]).includes(unit)) {
    return t('desk.noTime');
  }
  return t(`desk.timeUnit.${unit}`, { count: time });
}

export function vnd(amount: number): string {
  return `${new Intl.NumberFormat('vi-VN').format(amount)} đ`;
}
