import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** Full and short name of an agency, with the server's length limits checked here first. */
export function NameFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="name"
        label={t('agencies.field.name')}
        rules={[{ required: true, whitespace: true, max: 300 }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="shortName"
        label={t('agencies.field.shortName')}
        rules={[{ required: true, whitespace: true, max: 150 }]}
      >
        <Input />
      </Form.Item>
    </>
  );
}
