import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';

/** Where the citizen is in filing: the information, the papers, submitted. */
export function FilingSteps({ current }: { current: 0 | 1 | 2 }) {
  const { t } = useTranslation();
  return (
    <Steps
      current={current}
      status={current === 2 ? 'finish' : 'process'}
      size="small"
      responsive={false}
      style={{ marginBottom: 20 }}
      aria-label={t('portal.new.progress')}
      items={[
        { title: t('portal.new.step.info') },
        { title: t('portal.new.step.papers') },
        { title: t('portal.new.step.submitted') },
      ]}
    />
  );
}
