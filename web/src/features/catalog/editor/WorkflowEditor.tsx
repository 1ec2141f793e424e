import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { AgencyPicker } from '../AgencyPicker';
import { stepRoles, type WorkflowStep } from '../types';
import { WorkflowSteps } from '../view/WorkflowSteps';
import { KEY_PATTERN, nextKey, RowActions } from './RowActions';
import { defaultWorkflow, type EditorValues } from './values';

const line1 = '32px minmax(0, 1fr) minmax(0, 1fr) 180px 110px 96px';
const line2 = '32px 150px 210px minmax(0, 1fr)';

/**
 * The workflow: the default one (reception → processing → approval → return at the receiving
 * agency) or ordered steps, each with a role, the agency doing it and its share of the time.
 */
export function WorkflowEditor({ problem }: { problem?: string }) {
  const { t, i18n } = useTranslation();
  const form = Form.useFormInstance<EditorValues>();
  const isDefault = Form.useWatch('workflowDefault', form) ?? true;
  const steps: WorkflowStep[] = Form.useWatch('workflow', form) ?? [];
  const total = steps.reduce((sum, s) => sum + (Number(s?.sharePercent) || 0), 0);

  return (
    <div data-testid="workflow-editor">
      <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
        <Form.Item name="workflowDefault" valuePropName="checked" noStyle>
          <Switch
            id="workflow-default"
            onChange={(on) => {
              if (!on && !(form.getFieldValue('workflow') as WorkflowStep[] | undefined)?.length)
                form.setFieldValue('workflow', structuredClone(defaultWorkflow));
            }}
            data-testid="workflow-default"
          />
        </Form.Item>
        <label htmlFor="workflow-default">{t('catalog.workflow.useDefault')}</label>
      </Flex>
      {problem && (
        <Alert
          type="error"
          showIcon
          title={problem}
          style={{ marginBottom: 12 }}
          data-testid="workflow-problem"
        />
      )}
      {isDefault ? (
        <WorkflowSteps steps={defaultWorkflow} language={i18n.language} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('catalog.workflow.rules')}
          </Typography.Paragraph>
          <Form.List name="workflow">
            {(fields, { add, remove, move }) => (
              <>
                {fields.map((field, index) => {
                  const n = index + 1;
                  const atAgency = steps[index]?.agency?.kind === 'agency';
                  return (
                    <div key={field.key} className="op-cat-step" data-testid="step-row">
                      <div className="op-cat-grid" style={{ gridTemplateColumns: line1 }}>
                        <Typography.Text strong>{n}</Typography.Text>
                        <Form.Item
                          name={[field.name, 'name', 'vi']}
                          label={t('catalog.step.nameVi')}
                          rules={[
                            {
                              required: true,
                              whitespace: true,
                              message: t('catalog.error.required'),
                            },
                            { max: 200 },
                          ]}
                        >
                          <Input data-testid={`step-name-vi-${index}`} />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'name', 'en']}
                          label={t('catalog.step.nameEn')}
                          rules={[
                            {
                              required: true,
                              whitespace: true,
                              message: t('catalog.error.required'),
                            },
                            { max: 200 },
                          ]}
                        >
                          <Input lang="en" data-testid={`step-name-en-${index}`} />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'role']}
                          label={t('catalog.step.role')}
                          rules={[{ required: true }]}
                        >
                          <Select
                            options={stepRoles.map((r) => ({
                              value: r,
                              label: t(`catalog.role.${r}`),
                            }))}
                            data-testid={`step-role-${index}`}
                          />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'sharePercent']}
                          label={t('catalog.step.share')}
                          rules={[{ required: true, message: t('catalog.error.required') }]}
                        >
                          <InputNumber
                            min={0}
                            max={100}
                            precision={0}
                            suffix="%"
                            style={{ width: '100%' }}
                            data-testid={`step-share-${index}`}
                          />
                        </Form.Item>
                        <div style={{ paddingTop: 30 }}>
                          <RowActions
                            index={index}
                            count={fields.length}
                            what={t('catalog.step.what', { n })}
                            onMove={move}
                            onRemove={remove}
                            testId="step"
                          />
                        </div>
                      </div>
                      <div className="op-cat-grid" style={{ gridTemplateColumns: line2 }}>
                        <span />
                        <Form.Item
                          name={[field.name, 'key']}
                          label={t('catalog.step.key')}
                          rules={[
                            { required: true, message: t('catalog.error.required') },
                            { pattern: KEY_PATTERN, message: t('catalog.error.key') },
                          ]}
                        >
                          <Input className="op-mono" data-testid={`step-key-${index}`} />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'agency', 'kind']}
                          label={t('catalog.step.agency')}
                          rules={[{ required: true }]}
                        >
                          <Select
                            options={[
                              { value: 'receiving', label: t('catalog.step.receiving') },
                              { value: 'agency', label: t('catalog.step.otherAgency') },
                            ]}
                            data-testid={`step-agency-kind-${index}`}
                          />
                        </Form.Item>
                        {atAgency ? (
                          <Form.Item
                            name={[field.name, 'agency', 'agencyId']}
                            label={t('catalog.step.agencyName')}
                            rules={[{ required: true, message: t('catalog.error.agency') }]}
                          >
                            <AgencyPicker data-testid={`step-agency-${index}`} />
                          </Form.Item>
                        ) : (
                          <span />
                        )}
                      </div>
                    </div>
                  );
                })}
                <Flex justify="space-between" align="center" wrap gap={8}>
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() =>
                      add(
                        {
                          key: nextKey('step_', form.getFieldValue('workflow')),
                          name: { vi: '', en: '' },
                          role: 'specialist',
                          agency: { kind: 'receiving' },
                          sharePercent: 0,
                        },
                        Math.max(0, fields.length - 2),
                      )
                    }
                    data-testid="step-add"
                  >
                    {t('catalog.step.add')}
                  </Button>
                  <span role="status" data-testid="workflow-total">
                    {t('catalog.workflow.total')}{' '}
                    <Tag color={total === 100 ? 'green' : 'red'} style={{ marginInlineEnd: 0 }}>
                      {total}%
                    </Tag>
                    {total !== 100 && (
                      <Typography.Text type="danger" style={{ marginInlineStart: 8 }}>
                        {t('catalog.workflow.totalMust')}
                      </Typography.Text>
                    )}
                  </span>
                </Flex>
              </>
            )}
          </Form.List>
        </>
      )}
    </div>
  );
}
