import { Alert, Button, Card, Empty, Flex, Select, Skeleton, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../app/feedback';
import { useSession } from '../../../app/session';
import {
  type ArchiveTransferList,
  type FilePlanView,
  getPlan,
  listPlans,
  listTransfers,
} from './api';
import { FilesTable } from './FilesTable';
import { CreatePlanModal } from './PlanModals';
import { PlanView } from './PlanView';

/** Records (hồ sơ): the year's file plan with its files, and the archive-transfer list. */
export default function RecordsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const [plan, setPlan] = useState<FilePlanView | null | undefined>(undefined);
  const [transfers, setTransfers] = useState<ArchiveTransferList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const load = useCallback(async () => {
    setPlan(undefined);
    try {
      const { items } = await listPlans(year);
      setPlan(items[0] ? await getPlan(items[0].id) : null);
      setError(null);
    } catch (err) {
      setError(errorText(err, t));
      setPlan(null);
    }
  }, [year, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const loadTransfers = () =>
    listTransfers().then(setTransfers, (err: unknown) => setError(errorText(err, t)));

  const planTab = (
    <>
      <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
        <span>{t('documents.records.year')}</span>
        <Select
          value={year}
          onChange={setYear}
          aria-label={t('documents.records.year')}
          options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({
            value: y,
            label: y,
          }))}
        />
      </Flex>
      {plan === undefined && <Skeleton active />}
      {plan === null && (
        <Empty description={t('documents.records.noPlan', { year })}>
          {can('document.records') && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="plan-create-open">
              {t('documents.records.createPlan', { year })}
            </Button>
          )}
        </Empty>
      )}
      {plan && <PlanView plan={plan} onChanged={setPlan} />}
    </>
  );

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('documents.records.title')}
      </Typography.Title>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Card>
        <Tabs
          onChange={(k) => k === 'transfers' && void loadTransfers()}
          items={[
            { key: 'plan', label: t('documents.records.planTab'), children: planTab },
            {
              key: 'transfers',
              label: t('documents.records.transfersTab'),
              children: transfers ? (
                <>
                  <Typography.Paragraph type="secondary">
                    {t('documents.records.transfersUntil', {
                      until: dayjs(transfers.until).format('DD/MM/YYYY'),
                    })}
                  </Typography.Paragraph>
                  <FilesTable items={transfers.items} extra="dueOn" />
                </>
              ) : (
                <Skeleton active />
              ),
            },
          ]}
        />
      </Card>
      {creating && (
        <CreatePlanModal
          year={year}
          onClose={() => setCreating(false)}
          onDone={(p) => {
            setCreating(false);
            setPlan(p);
          }}
        />
      )}
    </>
  );
}
