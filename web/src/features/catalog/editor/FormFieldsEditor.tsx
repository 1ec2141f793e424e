import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formFieldTypes } from '../types';
import { KEY_PATTERN, nextKey, RowActions } from './RowActions';
import type { EditorValues } from './values';

const grid = '32px minmax(0, 1fr) 150px 240px 76px 130px 96px';

/** The e-form of the applicant's request: label, type, options of a list, required, key. */
export function FormFieldsEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<EditorValues>();
  const rows = Form.useWatch('formFields', form) ?? [];
  return (
    <Form.List name="formFields">
      {(fields, { add, remove, move }) => (
        <div data-testid="fields-editor" className="op-cat-scroll">
          {fields.length > 0 && (
            <div
              className="op-cat-grid op-cat-grid-head"
              style={{ gridTemplateColumns: grid }}
              aria-hidden
            >
              <span>#</span>
              <span>{t('catalog.field.label')}</span>
              <span>{t('catalog.field.type')}</span>
              <span>{t('catalog.field.options')}</span>
              <span>{t('catalog.field.required')}</span>
              <span>{t('catalog.field.key')}</span>
              <span />
            </div>
          )}
          {fields.map((field, index) => {
            const n = index + 1;
            const isSelect = rows[index]?.type === 'select';
            return (
              <div
                key={field.key}
                className="op-cat-grid op-cat-row"
                style={{ gridTemplateColumns: grid }}
                data-testid="field-row"
              >
                <Typography.Text type="secondary">{n}</Typography.Text>
                <Form.Item
                  name={[field.name, 'label']}
                  rules={[
                    { required: true, whitespace: true, message: t('catalog.error.required') },
                    { max: 300 },
                  ]}
                >
                  <Input aria-label={`${t('catalog.field.label')} ${n}`} />
                </Form.Item>
                <Form.Item name={[field.name, 'type']} rules={[{ required: true }]}>
                  <Select
                    aria-label={`${t('catalog.field.type')} ${n}`}
                    options={formFieldTypes.map((v) => ({
                      value: v,
                      label: t(`catalog.fieldType.${v}`),
                    }))}
                    onChange={(type) => {
                      if (type !== 'select')
                        form.setFieldValue(['formFields', field.name, 'options'], undefined);
                    }}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'options']}
                  rules={
                    isSelect
                      ? [
                          {
                            required: true,
                            type: 'array',
                            min: 1,
                            message: t('catalog.error.options'),
                          },
                        ]
                      : []
                  }
                >
                  <Select
                    mode="tags"
                    disabled={!isSelect}
                    aria-label={`${t('catalog.field.options')} ${n}`}
                    placeholder={isSelect ? t('catalog.field.optionsPlaceholder') : '—'}
                    open={false}
                    tokenSeparators={[';']}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'required']} valuePropName="checked">
                  <Checkbox aria-label={`${t('catalog.field.required')} ${n}`} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'key']}
                  rules={[
                    { required: true, message: t('catalog.error.required') },
                    { pattern: KEY_PATTERN, message: t('catalog.error.key') },
                  ]}
                >
                  <Input aria-label={`${t('catalog.field.key')} ${n}`} className="op-mono" />
                </Form.Item>
                <RowActions
                  index={index}
                  count={fields.length}
                  what={t('catalog.field.what', { n })}
                  onMove={move}
                  onRemove={remove}
                />
              </div>
            );
          })}
          {fields.length === 0 && (
            <div className="op-list op-list-empty">{t('catalog.field.none')}</div>
          )}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() =>
              add({
                key: nextKey('field_', form.getFieldValue('formFields')),
                label: '',
                type: 'text',
                required: false,
              })
            }
            style={{ marginTop: 8 }}
          >
            {t('catalog.field.add')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
