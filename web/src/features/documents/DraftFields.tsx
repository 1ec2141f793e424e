import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listOfficials, listTypes } from './api';
import { ExternalRecipients } from './ExternalRecipients';
import { RecipientsField } from './RecipientsField';
import { authorities, type DocumentType, type Official, urgencies } from './types';

/** "Nguyễn Văn A — Phó Giám đốc": the signer as the picker shows them. */
const signerLabel = (s: Official) => (s.position ? `${s.fullName} — ${s.position}` : s.fullName);

/**
 * The annex VI metadata every draft carries, composed or uploaded. `agencyId`: the issuing
 * agency whose signers are offered (default the drafter's own).
 */
export function DraftFields({ agencyId }: { agencyId?: string } = {}) {
  const { t } = useTranslation();
  const [types, setTypes] = useState<DocumentType[]>([]);
  const [signers, setSigners] = useState<Official[]>([]);

  useEffect(() => {
    listTypes().then(
      (r) => setTypes(r.items),
      () => setTypes([]),
    );
    listOfficials('sign', agencyId).then(
      (r) => setSigners(r.items),
      () => setSigners([]),
    );
  }, [agencyId]);

  const form = Form.useFormInstance();
  // The signer picked before this one: the position shown may be theirs, pre-filled.
  const lastSigner = useRef<string | undefined>(form.getFieldValue('signerUserId'));
  /**
   * Picking the signer fills their position (chức vụ) from the directory when the field is
   * empty or still holds what was filled for the signer before; what the drafter typed stays.
   */
  const pickSigner = (id: string | undefined) => {
    const positionOf = (userId: string | undefined) =>
      signers.find((s) => s.id === userId)?.position?.trim() ?? '';
    const before = positionOf(lastSigner.current);
    const current = String(form.getFieldValue('signerPosition') ?? '').trim();
    lastSigner.current = id;
    if (current === '' || (before !== '' && current === before)) {
      const next = positionOf(id);
      if (next !== current) form.setFields([{ name: 'signerPosition', value: next, errors: [] }]);
    }
  };
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
              options={signers.map((s) => ({ value: s.id, label: signerLabel(s) }))}
              onChange={pickSigner}
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
            {/* dd/mm/yyyy in both languages (antd's English is US month first) */}
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} data-testid="doc-due" />
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
