import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Popconfirm, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFeedback } from '../../../app/feedback';
import { removeDistrictOverride, setDistrictOverride } from '../api';
import { ProcedureSearchSelect } from '../ProcedureSearchSelect';
import { type DistrictMode, districtModes, type DistrictOverride } from '../types';

/** Per-procedure exceptions to the sector's district rule: district, both or commune. */
export function DistrictOverrides({
  overrides,
  onChanged,
}: {
  overrides: DistrictOverride[];
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [form] = Form.useForm<{ procedureId?: string; mode: DistrictMode }>();
  const [busy, setBusy] = useState<string | null>(null);

  const modeOptions = districtModes.map((m) => ({
    value: m,
    label: t(`catalog.districtMode.${m}`),
  }));

  const put = async (procedureId: string, mode: DistrictMode) => {
    setBusy(procedureId);
    try {
      await setDistrictOverride(procedureId, mode);
      feedback.success(t('common.saved'));
      await onChanged();
    } catch (err) {
      feedback.error(err);
    } finally {
      setBusy(null);
    }
  };

  const remove = async (procedureId: string) => {
    setBusy(procedureId);
    try {
      await removeDistrictOverride(procedureId);
      feedback.success(t('catalog.override.removed'));
      await onChanged();
    } catch (err) {
      feedback.error(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ mode: 'district' }}
        onFinish={async (v) => {
          if (!v.procedureId) return;
          await put(v.procedureId, v.mode);
          form.resetFields();
        }}
      >
        <Flex gap={12} wrap align="flex-end">
          <Form.Item
            name="procedureId"
            label={t('catalog.override.procedure')}
            rules={[{ required: true, message: t('catalog.error.required') }]}
            style={{ flex: '1 1 420px', marginBottom: 12 }}
          >
            <ProcedureSearchSelect data-testid="override-procedure" />
          </Form.Item>
          <Form.Item
            name="mode"
            label={t('catalog.override.mode')}
            style={{ width: 300, marginBottom: 12 }}
          >
            <Select options={modeOptions} data-testid="override-mode" />
          </Form.Item>
          <Form.Item style={{ marginBottom: 12 }}>
            <Button
              htmlType="submit"
              icon={<PlusOutlined />}
              loading={busy !== null && busy === form.getFieldValue('procedureId')}
              data-testid="override-add"
            >
              {t('catalog.override.add')}
            </Button>
          </Form.Item>
        </Flex>
      </Form>
      <Table<DistrictOverride>
        rowKey="procedureId"
        size="small"
        dataSource={overrides}
        pagination={overrides.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 760 }}
        data-testid="override-table"
        locale={{ emptyText: t('catalog.override.none') }}
        columns={[
          {
            key: 'code',
            title: t('catalog.prop.code'),
            width: 110,
            render: (_, o) => <span className="op-mono">{o.code}</span>,
          },
          {
            key: 'name',
            title: t('catalog.prop.name'),
            render: (_, o) => <Link to={`/catalog/${o.procedureId}`}>{o.name}</Link>,
          },
          {
            key: 'mode',
            title: t('catalog.override.mode'),
            width: 280,
            render: (_, o) => (
              <Select<DistrictMode>
                value={o.mode}
                onChange={(mode) => void put(o.procedureId, mode)}
                disabled={busy === o.procedureId}
                options={modeOptions}
                aria-label={t('catalog.override.modeOf', { code: o.code })}
                style={{ width: '100%' }}
              />
            ),
          },
          {
            key: 'remove',
            title: <span className="sr-only">{t('common.actions')}</span>,
            width: 60,
            render: (_, o) => (
              <Popconfirm
                title={t('catalog.override.removeConfirm', { code: o.code })}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                onConfirm={() => remove(o.procedureId)}
              >
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('catalog.override.remove', { code: o.code })}
                  loading={busy === o.procedureId}
                />
              </Popconfirm>
            ),
          },
        ]}
      />
    </>
  );
}
