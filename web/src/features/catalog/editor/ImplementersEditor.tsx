import { Checkbox, Flex, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AgencyPicker } from '../AgencyPicker';
import type { EditorValues } from './values';

/**
 * Who carries the procedure: by rule (levels and settings), exactly the chosen targets, or
 * nobody of the province (a central-government branch).
 */
export function ImplementersEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<EditorValues>();
  const mode = Form.useWatch('implementersMode', form) ?? 'auto';

  const anyTarget = () => {
    const v = form.getFieldsValue(true) as EditorValues;
    return v.targetCommunes || v.targetDistricts || (v.targetAgencyIds?.length ?? 0) > 0;
  };

  return (
    <div data-testid="implementers-editor">
      <Form.Item name="implementersMode" label={t('catalog.implementers.mode')}>
        <Radio.Group
          options={(['auto', 'custom', 'external'] as const).map((m) => ({
            value: m,
            label: t(`catalog.implementers.${m}`),
          }))}
          data-testid="implementers-mode"
        />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
        {t(`catalog.implementers.${mode}`)} — {t(`catalog.implementers.${mode}Help`)}
      </Typography.Paragraph>
      {mode === 'custom' && (
        <>
          <Flex gap={24} wrap>
            <Form.Item name="targetCommunes" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox onChange={() => void form.validateFields(['targetAgencyIds'])}>
                {t('catalog.implementers.communes')}
              </Checkbox>
            </Form.Item>
            <Form.Item name="targetDistricts" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox onChange={() => void form.validateFields(['targetAgencyIds'])}>
                {t('catalog.implementers.districts')}
              </Checkbox>
            </Form.Item>
          </Flex>
          <Form.Item
            name="targetAgencyIds"
            label={t('catalog.implementers.agencies')}
            rules={[
              {
                validator: async () => {
                  if (!anyTarget()) throw new Error(t('catalog.implementers.needTarget'));
                },
              },
            ]}
          >
            <AgencyPicker mode="multiple" data-testid="implementers-agencies" />
          </Form.Item>
        </>
      )}
      <Form.Item name="agencyText" label={t('catalog.text.agencyText')} rules={[{ max: 20000 }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
      </Form.Item>
    </div>
  );
}
