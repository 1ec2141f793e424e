import { Button, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** A random 14-character password without look-alike characters. */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789@#%+=';
  const bytes = crypto.getRandomValues(new Uint8Array(14));
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

/** A temporary password (10–128 characters, the server's policy) with a generator. */
export function PasswordField({ name, label }: { name: string; label: string }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  return (
    <Form.Item label={label} required extra={t('users.passwordHint')}>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item
          name={name}
          noStyle
          rules={[
            { required: true, message: t('users.passwordRequired') },
            { min: 10, max: 128, message: t('users.passwordPolicy') },
          ]}
        >
          <Input.Password
            autoComplete="new-password"
            aria-label={label}
            data-testid={`field-${name}`}
          />
        </Form.Item>
        <Button onClick={() => form.setFieldValue(name, generatePassword())}>
          {t('users.generate')}
        </Button>
      </Space.Compact>
    </Form.Item>
  );
}
