import { Button, DatePicker, Flex, Form, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { AgencyTreeSelect } from '../agencies/AgencyTreeSelect';
import { listUsers } from '../users/api';
import { knownActions, knownTargetTypes } from './api';
import { actionLabel, targetTypeLabel } from './labels';

export type AuditFilterValues = {
  agencyId?: string;
  subtree?: boolean;
  actorUserId?: string;
  targetType?: string;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
};

/** Agency, actor (found by name or username), target type, action and a date range. */
export function AuditFilters({ onChange }: { onChange: (values: AuditFilterValues) => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [form] = Form.useForm<AuditFilterValues>();
  const [actors, setActors] = useState<{ value: string; label: string }[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const searchActors = (q: string) => {
    clearTimeout(timer.current);
    if (!can('identity.user.read') || q.trim().length < 2) return;
    timer.current = setTimeout(() => {
      listUsers({ q: q.trim(), limit: 20 })
        .then((page) =>
          setActors(
            page.items.map((u) => ({ value: u.id, label: `${u.fullName} (${u.username})` })),
          ),
        )
        .catch(() => {});
    }, 300);
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ subtree: true }}
      onValuesChange={(_, all) => onChange(all)}
      data-testid="audit-filters"
    >
      <Flex wrap gap={12} align="flex-end">
        <Form.Item name="agencyId" label={t('audit.filter.agency')} style={{ marginBottom: 0 }}>
          <AgencyTreeSelect
            allowClear
            placeholder={t('audit.filter.allAgencies')}
            style={{ width: 260 }}
          />
        </Form.Item>
        <Form.Item
          name="subtree"
          label={t('audit.filter.subtree')}
          valuePropName="checked"
          style={{ marginBottom: 0 }}
        >
          <Switch size="small" />
        </Form.Item>
        <Form.Item name="actorUserId" label={t('audit.filter.actor')} style={{ marginBottom: 0 }}>
          <Select
            allowClear
            showSearch={{ filterOption: false, onSearch: searchActors }}
            options={actors}
            placeholder={t('audit.filter.actorPlaceholder')}
            notFoundContent={t('audit.filter.typeToSearch')}
            style={{ width: 240 }}
          />
        </Form.Item>
        <Form.Item
          name="targetType"
          label={t('audit.filter.targetType')}
          style={{ marginBottom: 0 }}
        >
          <Select
            allowClear
            options={knownTargetTypes.map((v) => ({ value: v, label: targetTypeLabel(t, v) }))}
            style={{ width: 170 }}
          />
        </Form.Item>
        <Form.Item name="action" label={t('audit.filter.action')} style={{ marginBottom: 0 }}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={knownActions.map((v) => ({ value: v, label: actionLabel(t, v) }))}
            style={{ width: 240 }}
          />
        </Form.Item>
        <Form.Item name="range" label={t('audit.filter.period')} style={{ marginBottom: 0 }}>
          <DatePicker.RangePicker format="L" allowEmpty={[true, true]} />
        </Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onChange(form.getFieldsValue());
          }}
        >
          {t('common.reset')}
        </Button>
      </Flex>
    </Form>
  );
}
