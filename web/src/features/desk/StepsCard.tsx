import { Card, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import type { OfficerDossier } from './types';

const failed = new Set(['refused', 'withdrawn', 'cancelled']);

/** The procedure's workflow with the dossier's current step. */
export function StepsCard({ d }: { d: OfficerDossier }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const done = d.state === 'returned';
  const status = failed.has(d.state)
    ? 'error'
    : done
      ? 'finish'
      : d.state === 'paused' || d.state === 'awaiting_supplement'
        ? 'wait'
        : 'process';
  return (
    <Card title={t('desk.section.steps')} size="small" data-testid="dossier-steps">
      <Steps
        orientation="vertical"
        size="small"
        current={d.stepIndex}
        status={status}
        items={d.steps.map((s, i) => ({
          title: s.name[lang],
          content:
            i === d.stepIndex && !done
              ? `${t(`roles.${s.role}`, s.role)} — ${d.stateName[lang]}`
              : t(`roles.${s.role}`, s.role),
        }))}
      />
    </Card>
  );
}
