import { Button, DatePicker, Flex, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AgencyTreeSelect } from '../../agencies/AgencyTreeSelect';
import { listTypes } from '../api';
import type { DocumentType } from '../types';

export type Criteria = {
  q?: string;
  direction?: string;
  typeKey?: string;
  agencyId?: string;
  from?: string;
  to?: string;
  signer?: string;
};

/** The box (accent-insensitive) and the filters: direction, type, agency, period, signer. */
export function SearchFilters({
  value,
  onSearch,
}: {
  value: Criteria;
  onSearch: (next: Criteria) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Criteria>(value);
  const [types, setTypes] = useState<DocumentType[]>([]);
  useEffect(() => setDraft(value), [value]);
  useEffect(() => {
    listTypes().then(
      (r) => setTypes(r.items),
      () => setTypes([]),
    );
  }, []);
  const set = (patch: Criteria) => setDraft((d) => ({ ...d, ...patch }));
  const run = () => onSearch(draft);

  return (
    <Flex vertical gap={8} data-testid="search-filters">
      <Input.Search
        value={draft.q ?? ''}
        onChange={(e) => set({ q: e.target.value })}
        onSearch={(q) => onSearch({ ...draft, q })}
        placeholder={t('documents.search.placeholder')}
        aria-label={t('documents.search.box')}
        enterButton={t('documents.search.submit')}
        allowClear
        size="large"
        data-testid="search-box"
      />
      <Flex gap={8} wrap>
        <Select
          allowClear
          value={draft.direction}
          onChange={(v) => set({ direction: v })}
          placeholder={t('documents.search.direction')}
          aria-label={t('documents.search.direction')}
          style={{ minWidth: 140 }}
          options={(['outgoing', 'incoming'] as const).map((d) => ({
            value: d,
            label: t(`documents.search.directions.${d}`),
          }))}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={draft.typeKey}
          onChange={(v) => set({ typeKey: v })}
          placeholder={t('documents.form.type')}
          aria-label={t('documents.form.type')}
          style={{ minWidth: 180 }}
          options={types.map((x) => ({ value: x.key, label: x.name }))}
        />
        <AgencyTreeSelect
          allowClear
          value={draft.agencyId}
          onChange={(v) => set({ agencyId: v })}
          placeholder={t('documents.search.agency')}
          aria-label={t('documents.search.agency')}
        />
        <DatePicker.RangePicker
          format="DD/MM/YYYY"
          value={draft.from && draft.to ? [dayjs(draft.from), dayjs(draft.to)] : null}
          onChange={(r) =>
            set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })
          }
          aria-label={t('documents.search.period')}
        />
        <Input
          value={draft.signer ?? ''}
          onChange={(e) => set({ signer: e.target.value })}
          placeholder={t('documents.search.signer')}
          aria-label={t('documents.search.signer')}
          style={{ width: 200 }}
          onPressEnter={run}
        />
        <Button onClick={() => onSearch({})}>{t('common.reset')}</Button>
      </Flex>
    </Flex>
  );
}
