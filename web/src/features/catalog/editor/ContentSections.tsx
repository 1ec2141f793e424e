import {
  Alert,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { today } from '../labels';
import {
  levels,
  onlineClasses,
  type ProcedureHistory,
  type ProcedureVersion,
  submissionModes,
  timeUnits,
} from '../types';
import { SectorSelect } from './SectorSelect';
import type { EditorValues } from './values';

/** What the editor edits: a new version of a procedure, or a new local procedure. */
export type EditorTarget =
  { kind: 'version'; history: ProcedureHistory; base: ProcedureVersion } | { kind: 'create' };

/** Amounts in đồng with Vietnamese thousands separators ("50.000"). */
const money = {
  formatter: (v: number | string | undefined) =>
    v === undefined || v === '' ? '' : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.'),
  parser: (v: string | undefined) => (v ?? '').replace(/\D/g, ''),
};

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card
      size="small"
      title={<h3 className="op-cat-section-title">{title}</h3>}
      style={{ marginBottom: 16 }}
    >
      {children}
    </Card>
  );
}

/** Effective date and change note, and what the date does to the versions already there. */
export function ValiditySection({ target }: { target: EditorTarget | null }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<EditorValues>();
  const chosen = Form.useWatch('validFrom', form);
  const day = chosen ? chosen.format('YYYY-MM-DD') : null;
  const versions = target?.kind === 'version' ? target.history.versions : [];
  let effect: { type: 'info' | 'warning'; text: string } | null = null;
  if (day && target?.kind === 'version') {
    const same = versions.find((v) => v.validFrom === day);
    const before = versions.filter((v) => v.validFrom < day).at(-1);
    const next = versions.find((v) => v.validFrom > day);
    if (same && same.validFrom <= today()) {
      effect = { type: 'warning', text: t('catalog.editor.effectInForce', { n: same.versionNo }) };
    } else if (same) {
      effect = { type: 'info', text: t('catalog.editor.effectReplace', { n: same.versionNo }) };
    } else {
      const parts = [
        before &&
          t('catalog.editor.effectEnds', {
            n: before.versionNo,
            date: dayjs(day).subtract(1, 'day').format('L'),
          }),
        next &&
          t('catalog.editor.effectUntil', {
            n: next.versionNo,
            date: dayjs(next.validFrom).subtract(1, 'day').format('L'),
          }),
      ].filter(Boolean);
      if (parts.length) effect = { type: 'info', text: parts.join(' ') };
    }
  }
  return (
    <Row gutter={16}>
      {target?.kind === 'create' && (
        <Col xs={24} md={8}>
          <Form.Item
            name="code"
            label={t('catalog.prop.code')}
            tooltip={t('catalog.editor.codeHelp')}
            rules={[
              { required: true, whitespace: true, message: t('catalog.error.required') },
              { pattern: /^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/, message: t('catalog.error.code') },
            ]}
          >
            <Input className="op-mono" data-testid="editor-code" />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} md={8}>
        <Form.Item
          name="validFrom"
          label={t('catalog.version.validFrom')}
          extra={t('catalog.editor.validFromHelp')}
          rules={[{ required: true, message: t('catalog.error.required') }]}
        >
          <DatePicker
            format="L"
            style={{ width: '100%' }}
            disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
            data-testid="editor-valid-from"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={target?.kind === 'create' ? 8 : 16}>
        <Form.Item
          name="changeNote"
          label={t('catalog.version.changeNote')}
          rules={[{ max: 1000 }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 4 }}
            placeholder={t('catalog.editor.changeNotePlaceholder')}
            data-testid="editor-change-note"
          />
        </Form.Item>
      </Col>
      {effect && (
        <Col span={24}>
          <Alert type={effect.type} showIcon title={effect.text} data-testid="editor-effect" />
        </Col>
      )}
    </Row>
  );
}

export function GeneralSection({ creating }: { creating: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<EditorValues>();
  const onlineClass = Form.useWatch('onlineClass', form);
  return (
    <>
      <Form.Item
        name="name"
        label={t('catalog.prop.name')}
        rules={[
          { required: true, whitespace: true, message: t('catalog.error.required') },
          { max: 2000 },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid="editor-name" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="sectorId"
            label={t('catalog.prop.sector')}
            rules={[{ required: true, message: t('catalog.error.required') }]}
          >
            <SectorSelect data-testid="editor-sector" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="decisionNo" label={t('catalog.text.decisionNo')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="levels"
            label={t('catalog.prop.levels')}
            extra={creating ? undefined : t('catalog.editor.levelsHelp')}
          >
            <Checkbox.Group
              options={levels.map((l) => ({ value: l, label: t(`catalog.level.${l}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="submissionModes"
            label={t('catalog.prop.submissionModes')}
            dependencies={['onlineClass']}
            rules={[
              {
                validator: async (_, modes: string[] | undefined) => {
                  if (form.getFieldValue('onlineClass') !== 'info' && !modes?.includes('online'))
                    throw new Error(t('catalog.reason.online_class_needs_online_submission'));
                },
              },
            ]}
          >
            <Checkbox.Group
              options={submissionModes.map((m) => ({ value: m, label: t(`catalog.mode.${m}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="onlineClass" label={t('catalog.prop.onlineClass')}>
            <Radio.Group
              options={onlineClasses.map((c) => ({
                value: c,
                label: t(`catalog.onlineClass.${c}`),
              }))}
              data-testid="editor-online-class"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          {onlineClass === 'info' ? (
            <Form.Item
              name="legacyLevel"
              label={t('catalog.prop.legacyLevel')}
              extra={t('catalog.editor.legacyHelp')}
            >
              <Select
                options={[1, 2].map((n) => ({ value: n, label: t('catalog.legacy', { n }) }))}
                style={{ maxWidth: 240 }}
              />
            </Form.Item>
          ) : (
            <Form.Item label={t('catalog.prop.legacyLevel')} extra={t('catalog.editor.legacyHelp')}>
              <Typography.Text>
                {t('catalog.legacy', { n: onlineClass === 'full' ? 4 : 3 })}
              </Typography.Text>
            </Form.Item>
          )}
        </Col>
      </Row>
    </>
  );
}

export function TimeFeeSection() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<EditorValues>();
  return (
    <Row gutter={16}>
      <Col xs={12} md={6}>
        <Form.Item name="processingTime" label={t('catalog.prop.processingTime')}>
          <InputNumber min={0} max={100000} style={{ width: '100%' }} data-testid="editor-time" />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item
          name="timeUnit"
          label={t('catalog.prop.timeUnit')}
          dependencies={['processingTime']}
          rules={[
            {
              validator: async (_, unit: string | null | undefined) => {
                const time = form.getFieldValue('processingTime') as number | null | undefined;
                if ((time == null) !== (unit == null))
                  throw new Error(t('catalog.reason.time_and_unit_together'));
              },
            },
          ]}
        >
          <Select
            allowClear
            placeholder={t('catalog.unknown')}
            options={timeUnits.map((u) => ({ value: u, label: t(`catalog.timeUnit.${u}`) }))}
            onClear={() => form.setFieldValue('timeUnit', null)}
            data-testid="editor-time-unit"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="timeText" label={t('catalog.text.timeText')} rules={[{ max: 20000 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item
          name="feeVnd"
          label={t('catalog.prop.feeVnd')}
          rules={[{ required: true, message: t('catalog.error.required') }]}
        >
          <InputNumber
            min={0}
            max={1e13}
            precision={0}
            suffix="đ"
            style={{ width: '100%' }}
            {...money}
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item
          name="feeMaxVnd"
          label={t('catalog.prop.feeMaxVnd')}
          dependencies={['feeVnd']}
          rules={[
            {
              validator: async (_, max: number | null | undefined) => {
                if (max != null && max < (form.getFieldValue('feeVnd') ?? 0))
                  throw new Error(t('catalog.reason.fee_range'));
              },
            },
          ]}
        >
          <InputNumber
            min={0}
            max={1e13}
            precision={0}
            suffix="đ"
            style={{ width: '100%' }}
            {...money}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="feeText" label={t('catalog.text.feeText')} rules={[{ max: 20000 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Col>
    </Row>
  );
}
