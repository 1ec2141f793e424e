import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { onlineClassColours, stateColours } from './labels';
import type { DossierState, OnlineClass } from './types';

export function StateTag({ state }: { state: DossierState }) {
  const { t } = useTranslation();
  return (
    <Tag color={stateColours[state]} data-state={state} style={{ marginInlineEnd: 0 }}>
      {t(`portal.state.${state}`)}
    </Tag>
  );
}

/** Toàn trình / Một phần / Chỉ cung cấp thông tin (Decree 42/2022). */
export function OnlineClassTag({ value }: { value: OnlineClass }) {
  const { t } = useTranslation();
  return (
    <Tag color={onlineClassColours[value]} style={{ marginInlineEnd: 0 }}>
      {t(`portal.onlineClass.${value}`)}
    </Tag>
  );
}
