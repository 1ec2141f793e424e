import { Alert, App, Button, Drawer, Form, Grid, Input, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../app/feedback';
import { createProcedure, createVersion } from '../api';
import type { ProcedureVersion } from '../types';
import { FormFieldsEditor } from './FormFieldsEditor';
import { ImplementersEditor } from './ImplementersEditor';
import { PapersEditor } from './PapersEditor';
import {
  type EditorTarget,
  GeneralSection,
  Section,
  TimeFeeSection,
  ValiditySection,
} from './ContentSections';
import { applyServerErrors, type Problems } from './serverErrors';
import {
  blankValues,
  bodyOf,
  type EditorValues,
  proposedDate,
  textFields,
  valuesOf,
} from './values';
import { WorkflowEditor } from './WorkflowEditor';
import '../catalog.css';

/**
 * The content of a procedure in one form: a new version of an existing procedure (prefilled
 * from its latest version, in force from a chosen date), or a new local procedure.
 */
export function ProcedureEditor({
  target,
  onClose,
  onSaved,
}: {
  target: EditorTarget | null;
  onClose: () => void;
  onSaved: (result: { procedureId: string; version: ProcedureVersion }) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EditorValues>();
  const feedback = useFeedback();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problems>({ general: [] });
  const open = target !== null;
  const creating = target?.kind === 'create';

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    setProblems({ general: [] });
    form.setFieldsValue(
      target.kind === 'create'
        ? blankValues(dayjs().startOf('day'))
        : valuesOf(target.base, proposedDate(target.history.versions.at(-1))),
    );
  }, [target, form]);

  const save = async () => {
    try {
      await form.validateFields();
    } catch (err) {
      void message.error(t('catalog.editor.checkFields'));
      const first = (err as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { block: 'center' });
      return;
    }
    const values = form.getFieldsValue(true) as EditorValues;
    const body = bodyOf(values);
    setBusy(true);
    setProblems({ general: [] });
    try {
      if (target?.kind === 'version') {
        const version = await createVersion(target.history.id, body);
        feedback.success(t('catalog.editor.saved', { date: dayjs(version.validFrom).format('L') }));
        onSaved({ procedureId: target.history.id, version });
      } else {
        const created = await createProcedure({ ...body, code: (values.code ?? '').trim() });
        feedback.success(t('catalog.editor.created', { code: created.code }));
        onSaved({ procedureId: created.id, version: created.versions[0]! });
      }
    } catch (err) {
      feedback.error(err);
      const found = applyServerErrors(form, err, t);
      setProblems(found);
      const first = form.getFieldsError().find((f) => f.errors.length > 0);
      if (first) form.scrollToField(first.name, { block: 'center' });
    } finally {
      setBusy(false);
    }
  };

  const title =
    target?.kind === 'version'
      ? t('catalog.editor.versionTitle', { code: target.history.code })
      : t('catalog.editor.createTitle');

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      size={screens.xl ? 1160 : '100%'}
      destroyOnHidden
      mask={{ closable: false }}
      data-testid="procedure-editor"
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={busy}
            onClick={() => void save()}
            data-testid="editor-save"
          >
            {creating ? t('catalog.editor.createSave') : t('catalog.editor.save')}
          </Button>
        </Space>
      }
    >
      <Form<EditorValues>
        form={form}
        layout="vertical"
        scrollToFirstError={{ block: 'center' }}
        onValuesChange={(changed: Partial<EditorValues>) => {
          // a reason from the server no longer holds once the steps change
          if ('workflow' in changed || 'workflowDefault' in changed)
            setProblems((p) => (p.workflow ? { ...p, workflow: undefined } : p));
        }}
        requiredMark
      >
        {problems.general.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={problems.general.join(' ')}
            style={{ marginBottom: 16 }}
            data-testid="editor-problem"
          />
        )}
        <Section title={t('catalog.section.validity')}>
          <ValiditySection target={target} />
        </Section>
        <Section title={t('catalog.section.general')}>
          <GeneralSection creating={creating} />
        </Section>
        <Section title={t('catalog.section.timeFee')}>
          <TimeFeeSection />
        </Section>
        <Section title={t('catalog.section.papers')}>
          <PapersEditor />
          <Form.Item
            name="papersText"
            label={t('catalog.text.papersText')}
            rules={[{ max: 20000 }]}
            style={{ marginTop: 16, marginBottom: 0 }}
          >
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </Section>
        <Section title={t('catalog.section.eform')}>
          <Typography.Paragraph type="secondary">{t('catalog.field.help')}</Typography.Paragraph>
          <FormFieldsEditor />
        </Section>
        <Section title={t('catalog.section.workflow')}>
          <WorkflowEditor problem={problems.workflow} />
        </Section>
        <Section title={t('catalog.section.implementers')}>
          <ImplementersEditor />
        </Section>
        <Section title={t('catalog.section.texts')}>
          {textFields.map((name) => (
            <Form.Item
              key={name}
              name={name}
              label={t(`catalog.text.${name}`)}
              rules={[{ max: 20000 }]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
            </Form.Item>
          ))}
        </Section>
      </Form>
    </Drawer>
  );
}
