import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { KEY_PATTERN, nextKey, RowActions } from './RowActions';
import type { EditorValues } from './values';

const grid = '32px minmax(0, 1fr) 190px 170px 76px 96px 96px';

/** The papers of the dossier (thành phần hồ sơ): name, copies, template file, mandatory, key. */
export function PapersEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<EditorValues>();
  return (
    <Form.List name="papers">
      {(fields, { add, remove, move }) => (
        <div data-testid="papers-editor" className="op-cat-scroll">
          {fields.length > 0 && (
            <div
              className="op-cat-grid op-cat-grid-head"
              style={{ gridTemplateColumns: grid }}
              aria-hidden
            >
              <span>#</span>
              <span>{t('catalog.paper.name')}</span>
              <span>{t('catalog.paper.copies')}</span>
              <span>{t('catalog.paper.templateFile')}</span>
              <span>{t('catalog.paper.mandatory')}</span>
              <span>{t('catalog.paper.key')}</span>
              <span />
            </div>
          )}
          {fields.map((field, index) => {
            const n = index + 1;
            const what = t('catalog.paper.what', { n });
            return (
              <div
                key={field.key}
                className="op-cat-grid op-cat-row"
                style={{ gridTemplateColumns: grid }}
                data-testid="paper-row"
              >
                <Typography.Text type="secondary">{n}</Typography.Text>
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[
                    { required: true, whitespace: true, message: t('catalog.error.required') },
                    { max: 2000 },
                  ]}
                >
                  <Input.TextArea
                    autoSize={{ minRows: 1, maxRows: 6 }}
                    aria-label={`${t('catalog.paper.name')} ${n}`}
                    data-testid={`paper-name-${index}`}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'copies']} rules={[{ max: 200 }]}>
                  <Input
                    aria-label={`${t('catalog.paper.copies')} ${n}`}
                    placeholder={t('catalog.paper.copiesPlaceholder')}
                    data-testid={`paper-copies-${index}`}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'templateFile']} rules={[{ max: 200 }]}>
                  <Input
                    aria-label={`${t('catalog.paper.templateFile')} ${n}`}
                    placeholder="mau-to-khai.docx"
                    data-testid={`paper-template-${index}`}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'mandatory']} valuePropName="checked">
                  <Checkbox aria-label={`${t('catalog.paper.mandatory')} ${n}`} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'key']}
                  rules={[
                    { required: true, message: t('catalog.error.required') },
                    { pattern: KEY_PATTERN, message: t('catalog.error.key') },
                  ]}
                >
                  <Input aria-label={`${t('catalog.paper.key')} ${n}`} className="op-mono" />
                </Form.Item>
                <RowActions
                  index={index}
                  count={fields.length}
                  what={what}
                  onMove={move}
                  onRemove={remove}
                  testId="paper"
                />
              </div>
            );
          })}
          {fields.length === 0 && (
            <div className="op-list op-list-empty">{t('catalog.paper.none')}</div>
          )}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() =>
              add({
                key: nextKey('p', form.getFieldValue('papers')),
                name: '',
                copies: '1 bản chính',
                mandatory: true,
                templateFile: '',
              })
            }
            style={{ marginTop: 8 }}
            data-testid="paper-add"
          >
            {t('catalog.paper.add')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
