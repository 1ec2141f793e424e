import { DatePicker, Flex, Segmented, Select } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProcedurePicker } from '../desk/ProcedurePicker';
import { listSectors } from './api';
import { type Preset, presets, yearly } from './periods';
import { ScopeAgencySelect } from './ScopeAgencySelect';
import type { GroupBy, Level, StatsQuery } from './types';

export type Filters = StatsQuery & { preset: Preset; year: number };

function Field({
  id,
  label,
  children,
  width,
}: {
  id: string;
  label: string;
  children: ReactNode;
  width?: number | string;
}) {
  return (
    <Flex vertical gap={4} style={{ width, maxWidth: '100%' }}>
      <label htmlFor={id} style={{ fontSize: 13 }}>
        {label}
      </label>
      {children}
    </Flex>
  );
}

/** Period (presets or any range), agency subtree, sector, procedure, level and grouping. */
export function StatsFilters({
  value,
  onChange,
}: {
  value: Filters;
  onChange: (patch: Partial<Filters>) => void;
}) {
  const { t } = useTranslation();
  const [sectors, setSectors] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    listSectors().then(
      (r) => setSectors(r.items),
      () => {},
    );
  }, []);
  const thisYear = dayjs().year();

  return (
    <Flex vertical gap={12} data-testid="stats-filters">
      <Flex wrap gap={12} align="flex-end">
        <Field id="stats-preset" label={t('stats.filter.period')} width={190}>
          <Select<Preset>
            id="stats-preset"
            value={value.preset}
            onChange={(preset) => onChange({ preset })}
            options={presets.map((p) => ({ value: p, label: t(`stats.preset.${p}`) }))}
            data-testid="stats-preset"
          />
        </Field>
        {yearly.has(value.preset) && (
          <Field id="stats-year" label={t('stats.filter.year')} width={120}>
            <DatePicker
              id="stats-year"
              picker="year"
              allowClear={false}
              value={dayjs(`${value.year}-01-01`)}
              onChange={(d) => d && onChange({ year: d.year() })}
              disabledDate={(d) => d.year() > thisYear + 1}
            />
          </Field>
        )}
        <Field id="stats-range" label={t('stats.filter.range')} width={280}>
          <DatePicker.RangePicker
            id={{ start: 'stats-range', end: 'stats-range-end' }}
            format="DD/MM/YYYY"
            allowClear={false}
            value={[dayjs(value.from), dayjs(value.to)]}
            onChange={(range) => {
              const [from, to] = range ?? [];
              if (from && to) {
                onChange({
                  preset: 'custom',
                  from: from.format('YYYY-MM-DD'),
                  to: to.format('YYYY-MM-DD'),
                });
              }
            }}
            data-testid="stats-range"
          />
        </Field>
        <Field id="stats-agency" label={t('stats.filter.agency')} width={300}>
          <ScopeAgencySelect
            id="stats-agency"
            value={value.agencyId}
            onChange={(agencyId) => onChange({ agencyId, groupBy: 'agency' })}
            data-testid="stats-agency"
          />
        </Field>
      </Flex>
      <Flex wrap gap={12} align="flex-end">
        <Field id="stats-sector" label={t('stats.filter.sector')} width={240}>
          <Select
            id="stats-sector"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={value.sectorId}
            onChange={(sectorId: string | undefined) => onChange({ sectorId })}
            placeholder={t('stats.filter.all')}
            options={sectors.map((s) => ({ value: s.id, label: s.name }))}
            popupMatchSelectWidth={false}
          />
        </Field>
        <Field id="stats-procedure" label={t('stats.filter.procedure')} width={300}>
          <ProcedurePicker
            id="stats-procedure"
            agencyId={undefined}
            placeholder={t('stats.filter.allProcedures')}
            value={value.procedureId}
            onChange={(procedureId) => onChange({ procedureId })}
          />
        </Field>
        <Field id="stats-level" label={t('stats.filter.level')} width={160}>
          <Select<Level>
            id="stats-level"
            allowClear
            value={value.level}
            onChange={(level) => onChange({ level })}
            placeholder={t('stats.filter.all')}
            options={(['province', 'district', 'commune'] as const).map((l) => ({
              value: l,
              label: t(`stats.level.${l}`),
            }))}
          />
        </Field>
        <Field id="stats-group" label={t('stats.filter.groupBy')}>
          <Segmented<GroupBy>
            id="stats-group"
            value={value.groupBy}
            onChange={(groupBy) => onChange({ groupBy })}
            options={(['agency', 'procedure', 'sector', 'month'] as const).map((g) => ({
              value: g,
              label: t(`stats.groupBy.${g}`),
            }))}
            data-testid="stats-groupby"
          />
        </Field>
      </Flex>
    </Flex>
  );
}
