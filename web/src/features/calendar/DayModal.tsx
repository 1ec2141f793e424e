import { DatePicker, Form, Input, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../app/FormModal';
import { useFeedback } from '../../app/feedback';
import { type DayKind, dayKinds, type SpecialDay, upsertDay } from './api';

type Values = {
  date: Dayjs;
  kind: DayKind;
  name: string;
  isDayOff: boolean;
  source?: string;
  note?: string;
};

/** Adds a special day or corrects one (the date of an existing day is fixed). */
export function DayModal({
  day,
  year,
  onClose,
  onSaved,
}: {
  day: SpecialDay | 'new' | null;
  year: number;
  onClose: () => void;
  onSaved: (day: SpecialDay) => Promise<void>;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const existing = day !== null && day !== 'new' ? day : null;
  const thisYear = dayjs().year() === year;

  return (
    <FormModal<Values>
      open={day !== null}
      title={
        existing
          ? t('calendar.editTitle', { date: dayjs(existing.date).format('L') })
          : t('calendar.addTitle')
      }
      onCancel={onClose}
      width={560}
      testId="calendar-day-modal"
      initialValues={
        existing
          ? {
              date: dayjs(existing.date),
              kind: existing.kind,
              name: existing.name,
              isDayOff: existing.isDayOff,
              source: existing.source ?? undefined,
              note: existing.note ?? undefined,
            }
          : { kind: 'holiday', isDayOff: true, date: thisYear ? undefined : dayjs(`${year}-01-01`) }
      }
      onSubmit={async (v) => {
        const saved = await upsertDay(v.date.format('YYYY-MM-DD'), {
          kind: v.kind,
          name: v.name.trim(),
          isDayOff: v.isDayOff,
          source: v.source?.trim() || null,
          note: v.note?.trim() || null,
        });
        feedback.success(t('common.saved'));
        await onSaved(saved);
      }}
    >
      <Form.Item name="date" label={t('calendar.field.date')} rules={[{ required: true }]}>
        <DatePicker
          format="L"
          disabled={existing !== null}
          style={{ width: '100%' }}
          data-testid="calendar-field-date"
        />
      </Form.Item>
      <Form.Item name="kind" label={t('calendar.field.kind')} rules={[{ required: true }]}>
        <KindSelect />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('calendar.field.name')}
        rules={[{ required: true, whitespace: true, max: 200 }]}
      >
        <Input data-testid="calendar-field-name" />
      </Form.Item>
      <Form.Item name="isDayOff" label={t('calendar.field.isDayOff')} valuePropName="checked">
        <Switch checkedChildren={t('calendar.dayOff')} unCheckedChildren={t('calendar.workday')} />
      </Form.Item>
      <Form.Item name="source" label={t('calendar.field.source')} rules={[{ max: 500 }]}>
        <Input placeholder={t('calendar.sourcePlaceholder')} />
      </Form.Item>
      <Form.Item name="note" label={t('calendar.field.note')} rules={[{ max: 1000 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}

/** Choosing a kind sets "day off" to match: a make-up working day is not one, the rest are. */
function KindSelect({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: DayKind;
  onChange?: (kind: DayKind) => void;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  return (
    <Select<DayKind>
      id={id}
      value={value}
      onChange={(kind) => {
        onChange?.(kind);
        form.setFieldValue('isDayOff', kind !== 'makeup_workday');
      }}
      options={dayKinds.map((k) => ({ value: k, label: t(`calendar.kind.${k}`) }))}
    />
  );
}
