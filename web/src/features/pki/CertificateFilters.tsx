import { Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { AgencyTreeSelect } from '../agencies/AgencyTreeSelect';
import { holderKinds, keyKinds, listStatuses } from './types';

export type Filters = { holderKind?: string; keyKind?: string; status?: string; agencyId?: string };

/** Holder kind, key storage, status and agency; each change reloads the list. */
export function CertificateFilters({
  value,
  onChange,
  inventory,
}: {
  value: Filters;
  onChange: (next: Filters) => void;
  inventory?: boolean;
}) {
  const { t } = useTranslation();
  const set = (key: keyof Filters) => (v: string | undefined) => onChange({ ...value, [key]: v });
  const kinds = inventory ? keyKinds.filter((k) => k !== 'remote') : keyKinds;
  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }} data-testid="cert-filters">
      <Select
        allowClear
        value={value.holderKind}
        onChange={set('holderKind')}
        placeholder={t('pki.filter.holderKind')}
        aria-label={t('pki.filter.holderKind')}
        style={{ minWidth: 160 }}
        options={holderKinds.map((k) => ({ value: k, label: t(`pki.holderKind.${k}`) }))}
      />
      <Select
        allowClear
        value={value.keyKind}
        onChange={set('keyKind')}
        placeholder={t('pki.filter.keyKind')}
        aria-label={t('pki.filter.keyKind')}
        style={{ minWidth: 160 }}
        options={kinds.map((k) => ({ value: k, label: t(`pki.keyKindShort.${k}`) }))}
      />
      <Select
        allowClear
        value={value.status}
        onChange={set('status')}
        placeholder={t('pki.filter.status')}
        aria-label={t('pki.filter.status')}
        style={{ minWidth: 180 }}
        options={listStatuses.map((s) => ({ value: s, label: t(`pki.status.${s}`) }))}
        data-testid="cert-filter-status"
      />
      <AgencyTreeSelect
        allowClear
        value={value.agencyId}
        onChange={set('agencyId')}
        placeholder={t('pki.filter.agency')}
        aria-label={t('pki.filter.agency')}
        style={{ minWidth: 260 }}
      />
    </Flex>
  );
}
