import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Level, OnlineClass, ProcedureHistory, ProcedureVersion, TimeUnit } from './types';

export const onlineClassColours: Record<OnlineClass, string> = {
  full: 'green',
  partial: 'blue',
  info: 'default',
};

/** Toàn trình / Một phần / Chỉ cung cấp thông tin (Decree 42/2022). */
export function OnlineClassTag({ value }: { value: OnlineClass }) {
  const { t } = useTranslation();
  return (
    <Tag color={onlineClassColours[value]} style={{ marginInlineEnd: 0 }}>
      {t(`catalog.onlineClass.${value}`)}
    </Tag>
  );
}

export function LevelTags({ value }: { value: Level[] }) {
  const { t } = useTranslation();
  if (value.length === 0) return <>—</>;
  return (
    <>
      {value.map((l) => (
        <Tag key={l} style={{ marginInlineEnd: 4 }}>
          {t(`catalog.level.${l}`)}
        </Tag>
      ))}
    </>
  );
}

/** "5 ngày làm việc", or the published text, or "Chưa rõ". */
export function timeLabel(
  t: TFunction,
  time: number | null,
  unit: TimeUnit | null,
  fallback?: string | null,
): string {
  if (time !== null && unit) return t(`catalog.timeUnitCount.${unit}`, { count: time });
  return fallback?.trim() || t('catalog.unknown');
}

const vnd = new Intl.NumberFormat('vi-VN');

export function moneyLabel(value: number): string {
  return `${vnd.format(value)} đ`;
}

/** "50.000 đ", "2.000 – 5.000 đ" or "Không thu phí". */
export function feeLabel(t: TFunction, min: number, max?: number | null): string {
  if (max != null && max > min) return `${vnd.format(min)} – ${moneyLabel(max)}`;
  return min > 0 ? moneyLabel(min) : t('catalog.free');
}

/** The local day as the server counts it (the browser runs in the province's time zone). */
export function today(): string {
  return dayjs().format('YYYY-MM-DD');
}

export type VersionStatus = 'in_force' | 'planned' | 'ended';

export function versionStatus(history: ProcedureHistory, v: ProcedureVersion): VersionStatus {
  if (v.id === history.inForceVersionId) return 'in_force';
  return v.validFrom > today() ? 'planned' : 'ended';
}

const statusColours: Record<VersionStatus, string> = {
  in_force: 'green',
  planned: 'blue',
  ended: 'default',
};

export function VersionStatusTag({ status }: { status: VersionStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColours[status]} style={{ marginInlineEnd: 0 }}>
      {t(`catalog.versionStatus.${status}`)}
    </Tag>
  );
}
