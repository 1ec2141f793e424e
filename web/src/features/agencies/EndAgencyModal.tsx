import { Alert, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../app/FormModal';
import { useFeedback } from '../../app/feedback';
import { endAgency, searchAgencies } from './api';
import type { AgencyDetail } from './types';

type Values = {
  validTo: Dayjs;
  successorIds?: string[];
  kind?: string;
  decision?: string;
  note?: string;
};

const successionKinds = ['merge', 'split', 'rename', 'transfer', 'reorganise'] as const;

/** Ends an agency on a date, naming the agencies that take over its work. */
export function EndAgencyModal({
  agency,
  onClose,
  onEnded,
}: {
  agency: AgencyDetail | null;
  onClose: () => void;
  onEnded: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const onSearch = (q: string) => {
    clearTimeout(timer.current);
    if (q.trim().length < 2) return;
    timer.current = setTimeout(() => {
      searchAgencies(q.trim())
        .then((hits) =>
          setOptions((prev) => {
            const byId = new Map(prev.map((o) => [o.value, o]));
            for (const h of hits) {
              if (h.id === agency?.id) continue;
              const parent = h.path.filter((p) => p.id !== h.id).at(-1)?.shortName;
              byId.set(h.id, {
                value: h.id,
                label: parent ? `${h.shortName} (${parent})` : h.shortName,
              });
            }
            return [...byId.values()];
          }),
        )
        .catch(() => {});
    }, 300);
  };

  const submit = async (v: Values) => {
    await endAgency(agency!.id, {
      validTo: v.validTo.format('YYYY-MM-DD'),
      successorIds: v.successorIds?.length ? v.successorIds : undefined,
      kind: v.successorIds?.length ? v.kind : undefined,
      decision: v.decision?.trim() || undefined,
      note: v.note?.trim() || undefined,
    });
    feedback.success(t('agencies.endedOk', { name: agency!.shortName }));
    await onEnded();
  };

  return (
    <FormModal<Values>
      open={agency !== null}
      title={t('agencies.endTitle', { name: agency?.shortName ?? '' })}
      okText={t('agencies.end')}
      okDanger
      onCancel={onClose}
      onSubmit={submit}
      width={620}
      initialValues={{ kind: 'merge' }}
    >
      <Alert
        type="warning"
        showIcon
        title={t('agencies.endWarning')}
        style={{ marginBottom: 16 }}
      />
      <Form.Item
        name="validTo"
        label={t('agencies.field.validTo')}
        extra={t('agencies.validToHint')}
        rules={[{ required: true }]}
      >
        <DatePicker format="L" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="successorIds"
        label={t('agencies.field.successors')}
        extra={t('agencies.successorsHint')}
      >
        <Select
          mode="multiple"
          showSearch={{ filterOption: false, onSearch }}
          options={options}
          notFoundContent={t('agencies.typeToSearch')}
        />
      </Form.Item>
      <Form.Item name="kind" label={t('agencies.field.successionKind')}>
        <Select
          options={successionKinds.map((k) => ({ value: k, label: t(`agencies.succession.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="decision" label={t('agencies.field.decision')} rules={[{ max: 200 }]}>
        <Input placeholder="1683/NQ-UBTVQH15" />
      </Form.Item>
      <Form.Item name="note" label={t('agencies.field.note')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
