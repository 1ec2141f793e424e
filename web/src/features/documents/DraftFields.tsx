import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listOfficials, listTypes } from './api';
import { ExternalRecipients } from './ExternalRecipients';
import { RecipientsField } from './RecipientsField';
import { authorities, type DocumentType, type Official, urgencies } from './types';

/** The annex VI metadata every draft carries, composed or uploaded. */
export function DraftFields() {
  const { t } = useTranslation();
  const [types, setTypes] = useState<DocumentType[]>([]);
  const [signers, setSigners] = useState<Official[]>([]);

  useEffect(() => {
    listTypes().then(
      (r) => setTypes(r.items),
      () => setTypes([]),
    );
    listOfficials('sign').then(
      (r) => setSigners(r.items),
      () => setSigners([]),
    );
  }, []);

  const form = Form.useFormInstance();
  const typeKey = Form.useWatch<string | undefined>('typeKey', form);
  const authority = Form.useWatch<string | undefined>('authority', form);
  const isLetter = types.find((x) => x.key === typeKey)?.abbreviation === null;

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item name="typeKey" label={t('documents.form.type')} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={types.map((x) => ({
                value: x.key,
                label: x.abbreviation ? `${x.name} (${x.abbreviation})` : x.name,
              }))}
              data-testid="doc-type"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="urgency" label={t('documents.form.urgency')}>
            <Select
              options={urgencies.map((u) => ({ value: u, label: t(`documents.urgency.${u}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="summary"
        label={t('documents.form.summary')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea
          rows={2}
          maxLength={1000}
          placeholder={t('documents.form.summaryPlaceholder')}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="authority" label={t('documents.form.authority')}>
            <Select
              options={[
                { value: '', label: t('documents.form.authorityNone') },
                ...authorities.map((a) => ({ value: a, label: a })),
              ]}
              data-testid="doc-authority"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item
            name="headTitle"
            label={t('documents.form.headTitle')}
            extra={t('documents.form.headTitleHint')}
            rules={[{ required: !!authority, whitespace: true }]}
          >
            <Input maxLength={200} disabled={!authority} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="signerUserId"
            label={t('documents.form.signer')}
            rules={[{ required: true }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={signers.map((s) => ({ value: s.id, label: s.fullName }))}
              data-testid="doc-signer"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="signerPosition"
            label={t('documents.form.signerPosition')}
            extra={t('documents.form.signerPositionHint')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        {isLetter && (
          <Col xs={24} md={12}>
            <Form.Item name="draftingUnit" label={t('documents.form.draftingUnit')}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={12}>
          <Form.Item name="dueOn" label={t('documents.form.dueOn')}>
            <DatePicker format="L" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="recipients"
        label={t('documents.form.recipients')}
        extra={t('documents.form.recipientsHint')}
      >
        <RecipientsField />
      </Form.Item>
      <ExternalRecipients />
    </>
  );
}
