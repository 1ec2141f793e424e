import { UploadOutlined } from '@ant-design/icons';
import { Button, Form, Input, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KeyKind } from './types';

/** The CSR and the device's serial or phone number of a USB-token or SIM-PKI certificate. */
export function DeviceFields({ keyKind }: { keyKind: KeyKind | undefined }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  if (!keyKind) return null;
  if (keyKind === 'remote') {
    return <p style={{ color: 'rgba(0,0,0,0.65)' }}>{t('pki.form.remoteHint')}</p>;
  }
  return (
    <>
      <Form.Item
        name="csrPem"
        label={t('pki.form.csr')}
        extra={t('pki.form.csrHint')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea
          rows={5}
          spellCheck={false}
          style={{ fontFamily: 'monospace', fontSize: 12 }}
        />
      </Form.Item>
      <Upload
        accept=".csr,.pem,.req,.txt"
        showUploadList={false}
        beforeUpload={(file) => {
          void file.text().then((text) => form.setFieldValue('csrPem', text.trim()));
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} style={{ marginBottom: 16 }}>
          {t('pki.form.csrFile')}
        </Button>
      </Upload>
      {keyKind === 'usb_token' ? (
        <Form.Item name="deviceSerial" label={t('pki.form.deviceSerial')}>
          <Input maxLength={64} />
        </Form.Item>
      ) : (
        <Form.Item name="phone" label={t('pki.form.phone')}>
          <Input maxLength={13} inputMode="tel" />
        </Form.Item>
      )}
    </>
  );
}
