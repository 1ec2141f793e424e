import { Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../app/format';
import { versionStatus, VersionStatusTag } from '../labels';
import type { ProcedureHistory, ProcedureVersion } from '../types';
import dayjs from 'dayjs';

/** The versions of a procedure, newest first; one is shown below the list. */
export function VersionHistory({
  history,
  selectedId,
  onSelect,
}: {
  history: ProcedureHistory;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const rows = [...history.versions].reverse();
  return (
    <Table<ProcedureVersion>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 760 }}
      data-testid="version-history"
      rowClassName={(v) => (v.id === selectedId ? 'op-cat-selected' : '')}
      onRow={(v) => ({ 'data-valid-from': v.validFrom }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'no',
          title: t('catalog.version.no'),
          width: 130,
          render: (_, v) => (
            <Button
              type="link"
              size="small"
              style={{ padding: 0 }}
              aria-pressed={v.id === selectedId}
              onClick={() => onSelect(v.id)}
              data-testid={`version-open-${v.versionNo}`}
            >
              {t('catalog.version.label', { n: v.versionNo })}
            </Button>
          ),
        },
        {
          key: 'from',
          title: t('catalog.version.validFrom'),
          width: 130,
          render: (_, v) => formatDate(v.validFrom),
        },
        {
          key: 'to',
          title: t('catalog.version.lastDay'),
          width: 130,
          render: (_, v) =>
            v.validTo ? formatDate(dayjs(v.validTo).subtract(1, 'day').format('YYYY-MM-DD')) : '—',
        },
        {
          key: 'status',
          title: t('catalog.version.status'),
          width: 150,
          render: (_, v) => <VersionStatusTag status={versionStatus(history, v)} />,
        },
        {
          key: 'note',
          title: t('catalog.version.changeNote'),
          render: (_, v) => v.changeNote ?? '—',
        },
        {
          key: 'created',
          title: t('catalog.version.createdAt'),
          width: 150,
          render: (_, v) => formatDateTime(v.createdAt),
        },
      ]}
    />
  );
}
