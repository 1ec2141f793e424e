import { Flex, Input, Segmented, Switch, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../app/feedback';
import { fold } from '../../../app/format';
import { AgencyPicker } from '../AgencyPicker';
import { updateSectorSettings } from '../api';
import type { SectorSettings } from '../types';

type Show = 'all' | 'unmapped' | 'districts';

/**
 * Per sector: the department carrying its province-level procedures, and whether district
 * committees carry its commune-level ones. Each change is saved at once.
 */
export function SectorSettingsTable({
  sectors,
  onChanged,
}: {
  sectors: SectorSettings[];
  onChanged: (sector: SectorSettings) => void;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [q, setQ] = useState('');
  const [show, setShow] = useState<Show>('all');
  const [saving, setSaving] = useState<string | null>(null);
  const [page, setPage] = useState(1);

  const unmapped = sectors.filter((s) => !s.departmentId).length;
  const byDistricts = sectors.filter((s) => s.carriedByDistricts).length;
  const rows = useMemo(() => {
    const needle = fold(q.trim());
    return sectors.filter(
      (s) =>
        (!needle || fold(s.name).includes(needle)) &&
        (show === 'all' ||
          (show === 'unmapped' && !s.departmentId) ||
          (show === 'districts' && s.carriedByDistricts)),
    );
  }, [sectors, q, show]);

  const save = async (
    sector: SectorSettings,
    patch: Partial<Pick<SectorSettings, 'departmentId' | 'carriedByDistricts'>>,
  ) => {
    setSaving(sector.id);
    try {
      const saved = await updateSectorSettings(sector.id, {
        departmentId: patch.departmentId !== undefined ? patch.departmentId : sector.departmentId,
        carriedByDistricts: patch.carriedByDistricts ?? sector.carriedByDistricts,
      });
      onChanged(saved);
      feedback.success(t('catalog.settings.sectorSaved', { name: saved.name }));
    } catch (err) {
      feedback.error(err);
    } finally {
      setSaving(null);
    }
  };

  return (
    <>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
        <Input.Search
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setPage(1);
          }}
          allowClear
          placeholder={t('catalog.settings.sectorSearch')}
          aria-label={t('catalog.settings.sectorSearch')}
          style={{ width: 300 }}
          data-testid="sector-search"
        />
        <Segmented<Show>
          value={show}
          onChange={(v) => {
            setShow(v);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('catalog.settings.showAll', { count: sectors.length }) },
            { value: 'unmapped', label: t('catalog.settings.showUnmapped', { count: unmapped }) },
            {
              value: 'districts',
              label: t('catalog.settings.showDistricts', { count: byDistricts }),
            },
          ]}
        />
      </Flex>
      <Table<SectorSettings>
        rowKey="id"
        size="small"
        dataSource={rows}
        scroll={{ x: 860 }}
        data-testid="sector-table"
        pagination={{
          current: page,
          pageSize: 20,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (total) => t('catalog.settings.sectorCount', { count: total }),
        }}
        columns={[
          {
            key: 'name',
            title: t('catalog.prop.sector'),
            render: (_, s) => <span data-testid="sector-name">{s.name}</span>,
          },
          {
            key: 'count',
            title: t('catalog.settings.procedureCount'),
            width: 110,
            align: 'right',
            render: (_, s) => s.procedureCount,
          },
          {
            key: 'department',
            title: t('catalog.settings.department'),
            width: 340,
            render: (_, s) => (
              <Flex align="center" gap={8}>
                <AgencyPicker
                  value={s.departmentId}
                  onChange={(v) => void save(s, { departmentId: v })}
                  disabled={saving === s.id}
                  placeholder={t('catalog.settings.noDepartment')}
                  aria-label={t('catalog.settings.departmentOf', { name: s.name })}
                  data-testid={`sector-department-${s.id}`}
                />
                {!s.departmentId && <Tag color="orange">{t('catalog.settings.unmapped')}</Tag>}
              </Flex>
            ),
          },
          {
            key: 'districts',
            title: t('catalog.settings.districts'),
            width: 190,
            render: (_, s) => (
              <Flex align="center" gap={8}>
                <Switch
                  checked={s.carriedByDistricts}
                  loading={saving === s.id}
                  onChange={(on) => void save(s, { carriedByDistricts: on })}
                  aria-label={t('catalog.settings.districtsOf', { name: s.name })}
                  data-testid="sector-districts"
                />
                <span aria-hidden data-testid="sector-districts-text">
                  {s.carriedByDistricts
                    ? t('catalog.settings.byDistricts')
                    : t('catalog.settings.byCommunes')}
                </span>
              </Flex>
            ),
          },
        ]}
      />
    </>
  );
}
