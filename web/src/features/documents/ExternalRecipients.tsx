import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** Outside recipients: a name and an e-mail address each (sent through the outbox). */
export function ExternalRecipients() {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('documents.form.external')}>
      <Form.List name="external">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="start">
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[{ required: true, whitespace: true }]}
                  noStyle
                >
                  <Input
                    placeholder={t('documents.form.externalName')}
                    aria-label={t('documents.form.externalName')}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'email']}
                  rules={[{ required: true, type: 'email' }]}
                  noStyle
                >
                  <Input
                    placeholder={t('documents.form.externalEmail')}
                    aria-label={t('documents.form.externalEmail')}
                    type="email"
                  />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('common.delete')}
                />
              </Flex>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ name: '', email: '' })}
              style={{ alignSelf: 'start' }}
            >
              {t('documents.form.addExternal')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
