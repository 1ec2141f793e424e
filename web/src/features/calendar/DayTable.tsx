import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { longDate } from '../../app/format';
import { kindColours, type SpecialDay } from './api';

type Props = {
  days: SpecialDay[];
  loading: boolean;
  manage: boolean;
  onEdit: (day: SpecialDay) => void;
  onDelete: (day: SpecialDay) => Promise<void>;
};

export function DayTable({ days, loading, manage, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  return (
    <Table<SpecialDay>
      rowKey="date"
      size="small"
      loading={loading}
      dataSource={days}
      pagination={false}
      scroll={{ x: 720 }}
      data-testid="calendar-table"
      columns={[
        {
          key: 'date',
          title: t('calendar.field.date'),
          width: 190,
          render: (_, d) => <span data-date={d.date}>{longDate(d.date)}</span>,
        },
        { key: 'name', title: t('calendar.field.name'), dataIndex: 'name' },
        {
          key: 'kind',
          title: t('calendar.field.kind'),
          render: (_, d) => <Tag color={kindColours[d.kind]}>{t(`calendar.kind.${d.kind}`)}</Tag>,
        },
        {
          key: 'dayOff',
          title: t('calendar.field.dayType'),
          render: (_, d) =>
            d.isDayOff ? (
              <Tag color="red">{t('calendar.dayOff')}</Tag>
            ) : (
              <Tag color="blue">{t('calendar.workday')}</Tag>
            ),
        },
        {
          key: 'status',
          title: t('calendar.field.status'),
          render: (_, d) => (
            <Tooltip title={[d.source, d.note].filter(Boolean).join(' — ') || undefined}>
              <span>{t(`calendar.status.${d.status}`)}</span>
            </Tooltip>
          ),
        },
        ...(manage
          ? [
              {
                key: 'actions',
                title: <span className="sr-only">{t('common.actions')}</span>,
                width: 96,
                render: (_: unknown, d: SpecialDay) => (
                  <Space size={0}>
                    <Tooltip title={t('common.edit')}>
                      <Button
                        type="text"
                        icon={<EditOutlined />}
                        aria-label={`${t('common.edit')} ${d.date}`}
                        onClick={() => onEdit(d)}
                      />
                    </Tooltip>
                    <Popconfirm
                      title={t('calendar.confirmDelete', { name: d.name })}
                      okText={t('common.yes')}
                      cancelText={t('common.no')}
                      onConfirm={() => onDelete(d)}
                    >
                      <Tooltip title={t('common.delete')}>
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={`${t('common.delete')} ${d.date}`}
                        />
                      </Tooltip>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
