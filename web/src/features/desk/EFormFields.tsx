import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import type { FormField } from './types';

const patterns: Partial<Record<FormField['type'], RegExp>> = {
  id_number: /^([0-9]{9}|[0-9]{12})$/,
  phone: /^(\+84|0)[0-9]{9,10}$/,
};

/** The procedure's e-form under `formData`, one input per field type. */
export function EFormFields({ fields }: { fields: FormField[] }) {
  const { t } = useTranslation();
  return (
    <>
      {fields.map((f) => {
        const rules: Rule[] = [];
        if (f.required) {
          rules.push({ required: true, message: t('desk.new.required', { field: f.label }) });
        }
        const pattern = patterns[f.type];
        if (pattern) rules.push({ pattern, message: t(`desk.new.format.${f.type}`) });
        if (f.type === 'email') rules.push({ type: 'email', message: t('desk.new.format.email') });
        let input: React.ReactNode;
        switch (f.type) {
          case 'textarea':
            input = <Input.TextArea rows={3} maxLength={5000} />;
            break;
          case 'number':
            input = <InputNumber style={{ width: 200 }} />;
            break;
          case 'date':
            input = <DatePicker format="DD/MM/YYYY" />;
            break;
          case 'select':
            input = (
              <Select
                allowClear
                options={(f.options ?? []).map((o) => ({ value: o, label: o }))}
                style={{ maxWidth: 400 }}
              />
            );
            break;
          default:
            input = <Input maxLength={f.type === 'text' ? 5000 : 200} autoComplete="off" />;
        }
        return (
          <Form.Item key={f.key} name={['formData', f.key]} label={f.label} rules={rules}>
            {input}
          </Form.Item>
        );
      })}
    </>
  );
}

/** The e-form's values as the server takes them: dates as YYYY-MM-DD, empty ones left out. */
export function formDataOf(
  fields: FormField[],
  values: Record<string, unknown> | undefined,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const f of fields) {
    const v = values?.[f.key];
    if (v === undefined || v === null || v === '') continue;
    if (f.type === 'date') out[f.key] = (v as Dayjs).format('YYYY-MM-DD');
    else if (typeof v === 'number') out[f.key] = v;
    else if (String(v).trim() !== '') out[f.key] = String(v).trim();
  }
  return out;
}
