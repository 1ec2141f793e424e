import { UploadOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Form, Input, Radio, Row, Select, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../app/FormModal';
import { useFeedback } from '../../app/feedback';
import { listTypes, registerIncoming } from './api';
import { type DocumentType, urgencies } from './types';

type Values = {
  source: 'paper' | 'email';
  issuerName: string;
  typeKey: string;
  symbol: string;
  issuedOn: Dayjs;
  summary: string;
  urgency: string;
  signerName?: string;
  signerPosition?: string;
  dueOn?: Dayjs | null;
};

/** The clerk registers a document received on paper or by e-mail: the scan and its metadata. */
export function RegisterIncomingModal({
  onClose,
  onDone,
}: {
  onClose: () => void;
  onDone: (id: string) => void;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [types, setTypes] = useState<DocumentType[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [fileMissing, setFileMissing] = useState(false);
  const key = useMemo(() => ({ 'idempotency-key': `web-${crypto.randomUUID()}` }), []);
  useEffect(() => {
    listTypes().then(
      (r) => setTypes(r.items),
      () => setTypes([]),
    );
  }, []);

  return (
    <FormModal<Values>
      open
      width={720}
      title={t('documents.register.title')}
      okText={t('documents.registerIncoming')}
      initialValues={{ source: 'paper', urgency: 'normal' }}
      onCancel={onClose}
      testId="register-incoming"
      onSubmit={async (v) => {
        // said on the field: a thrown Error would only show "unexpected error"
        if (!file) {
          setFileMissing(true);
          return;
        }
        const entry = await registerIncoming(
          file,
          {
            source: v.source,
            issuerName: v.issuerName.trim(),
            typeKey: v.typeKey,
            symbol: v.symbol.trim(),
            issuedOn: v.issuedOn.format('YYYY-MM-DD'),
            summary: v.summary.trim(),
            urgency: v.urgency,
            signerName: v.signerName?.trim() || null,
            signerPosition: v.signerPosition?.trim() || null,
            dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null,
          },
          key,
        );
        feedback.success(t('documents.register.saved', { number: entry.number }));
        onDone(entry.id);
      }}
    >
      <Form.Item name="source" label={t('documents.register.source')}>
        <Radio.Group
          optionType="button"
          options={(['paper', 'email'] as const).map((s) => ({
            value: s,
            label: t(`documents.source.${s}`),
          }))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item
            name="issuerName"
            label={t('documents.register.issuerName')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item
            name="symbol"
            label={t('documents.register.symbol')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item name="typeKey" label={t('documents.form.type')} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={types.map((x) => ({ value: x.key, label: x.name }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item
            name="issuedOn"
            label={t('documents.register.issuedOn')}
            rules={[{ required: true }]}
          >
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="summary"
        label={t('documents.form.summary')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="urgency" label={t('documents.form.urgency')}>
            <Select
              options={urgencies.map((u) => ({ value: u, label: t(`documents.urgency.${u}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="signerName" label={t('documents.register.signerName')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="signerPosition" label={t('documents.register.signerPosition')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="dueOn" label={t('documents.form.dueOn')}>
        <DatePicker format="DD/MM/YYYY" />
      </Form.Item>
      <Form.Item
        label={t('documents.register.file')}
        required
        validateStatus={fileMissing && !file ? 'error' : undefined}
        help={fileMissing && !file ? t('documents.register.fileRequired') : undefined}
      >
        <Upload
          accept=".pdf"
          maxCount={1}
          beforeUpload={(f) => (setFile(f), false)}
          onRemove={() => setFile(null)}
        >
          <Button icon={<UploadOutlined />}>{t('documents.form.pickFile')}</Button>
        </Upload>
      </Form.Item>
    </FormModal>
  );
}
