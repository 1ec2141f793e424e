import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { AgencyFullName } from './AgencyFullName';
import type { WorkflowStep } from '../types';

/** The steps of a workflow, read-only: role, where, share of the processing time. */
export function WorkflowSteps({
  steps,
  language,
}: {
  steps: readonly WorkflowStep[];
  language: string;
}) {
  const { t } = useTranslation();
  return (
    <Table<WorkflowStep>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={[...steps]}
      data-testid="workflow-steps"
      columns={[
        { key: 'n', title: '#', width: 48, render: (_, __, i) => i + 1 },
        {
          key: 'name',
          title: t('catalog.step.name'),
          render: (_, s) => (language === 'en' ? s.name.en : s.name.vi),
        },
        {
          key: 'role',
          title: t('catalog.step.role'),
          width: 180,
          render: (_, s) => t(`catalog.role.${s.role}`),
        },
        {
          key: 'agency',
          title: t('catalog.step.agency'),
          width: 260,
          render: (_, s) =>
            s.agency.kind === 'agency' ? (
              <AgencyFullName id={s.agency.agencyId} />
            ) : (
              t('catalog.step.receiving')
            ),
        },
        {
          key: 'share',
          title: t('catalog.step.share'),
          width: 110,
          align: 'right',
          render: (_, s) => `${s.sharePercent}%`,
        },
      ]}
    />
  );
}
