import { Collapse, Descriptions, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AgencyFullName } from './AgencyFullName';
import { feeLabel, LevelTags, OnlineClassTag, timeLabel } from '../labels';
import type { Carriers, FormField, Paper, ProcedureVersion } from '../types';
import { WorkflowSteps } from './WorkflowSteps';

const SHOWN_CARRIERS = 12;

/** The validity of a version: "01/01/2021 – 27/11/2026" (its last day), or "từ 01/01/2021". */
export function validityText(t: TFunction, v: { validFrom: string; validTo: string | null }) {
  const from = dayjs(v.validFrom).format('L');
  if (!v.validTo) return t('catalog.version.fromOnly', { from });
  return t('catalog.version.range', {
    from,
    to: dayjs(v.validTo).subtract(1, 'day').format('L'),
  });
}

/** One version of a procedure, read-only. `carriers`: who carries it today (in-force version). */
export function VersionView({
  version: v,
  carriers,
}: {
  version: ProcedureVersion;
  carriers?: Carriers | null;
}) {
  const { t, i18n } = useTranslation();
  const texts = (
    [
      'stepsText',
      'conditionsText',
      'subjectsText',
      'resultText',
      'legalBasisText',
      'agencyText',
      'papersText',
    ] as const
  ).filter((k) => v[k]);

  return (
    <Space orientation="vertical" size={20} style={{ width: '100%' }} data-testid="version-view">
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, lg: 2 }}
        styles={{ label: { width: 180 } }}
        items={[
          { key: 'name', label: t('catalog.prop.name'), span: 'filled', children: v.name },
          { key: 'sector', label: t('catalog.prop.sector'), children: v.sectorName },
          {
            key: 'levels',
            label: t('catalog.prop.levels'),
            children: (
              <>
                <LevelTags value={v.levels} />
                {v.levelText && (
                  <Typography.Text type="secondary"> ({v.levelText})</Typography.Text>
                )}
              </>
            ),
          },
          {
            key: 'online',
            label: t('catalog.prop.onlineClass'),
            children: (
              <Space size={8} wrap>
                <OnlineClassTag value={v.onlineClass} />
                {v.legacyLevel && (
                  <Typography.Text type="secondary">
                    {t('catalog.legacy', { n: v.legacyLevel })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            key: 'modes',
            label: t('catalog.prop.submissionModes'),
            children: v.submissionModes.length
              ? v.submissionModes.map((m) => t(`catalog.mode.${m}`)).join(', ')
              : '—',
          },
          {
            key: 'time',
            label: t('catalog.prop.time'),
            children: (
              <span data-testid="version-time">
                {timeLabel(t, v.processingTime, v.timeUnit)}
                {v.timeText && <Multiline text={v.timeText} secondary />}
              </span>
            ),
          },
          {
            key: 'validity',
            label: t('catalog.version.validity'),
            children: validityText(t, v),
          },
          {
            key: 'fee',
            label: t('catalog.prop.fee'),
            span: 'filled',
            children: (
              <>
                {feeLabel(t, v.feeVnd, v.feeMaxVnd)}
                {v.feeText && <Multiline text={v.feeText} secondary />}
              </>
            ),
          },
          {
            key: 'decision',
            label: t('catalog.text.decisionNo'),
            span: 'filled',
            children: v.decisionNo ?? '—',
          },
          {
            key: 'note',
            label: t('catalog.version.changeNote'),
            span: 'filled',
            children: v.changeNote ?? '—',
          },
        ]}
      />

      <Block title={t('catalog.section.papers')}>
        <Table<Paper>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={v.papers}
          data-testid="version-papers"
          locale={{ emptyText: t('catalog.paper.none') }}
          columns={[
            { key: 'n', title: '#', width: 48, render: (_, __, i) => i + 1 },
            { key: 'name', title: t('catalog.paper.name'), dataIndex: 'name' },
            {
              key: 'copies',
              title: t('catalog.paper.copies'),
              dataIndex: 'copies',
              width: 170,
              render: (c: string | null) => c ?? '—',
            },
            {
              key: 'template',
              title: t('catalog.paper.templateFile'),
              dataIndex: 'templateFile',
              width: 180,
              render: (f: string | null) => f ?? '—',
            },
            {
              key: 'mandatory',
              title: t('catalog.paper.mandatory'),
              dataIndex: 'mandatory',
              width: 100,
              render: (m: boolean) => (m ? t('catalog.yes') : t('catalog.no')),
            },
          ]}
        />
      </Block>

      <Block title={t('catalog.section.eform')}>
        <Table<FormField>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={v.formFields}
          locale={{ emptyText: t('catalog.field.none') }}
          columns={[
            { key: 'label', title: t('catalog.field.label'), dataIndex: 'label' },
            {
              key: 'type',
              title: t('catalog.field.type'),
              width: 170,
              render: (_, f) => t(`catalog.fieldType.${f.type}`),
            },
            {
              key: 'options',
              title: t('catalog.field.options'),
              render: (_, f) => f.options?.join('; ') ?? '—',
            },
            {
              key: 'required',
              title: t('catalog.field.required'),
              width: 100,
              render: (_, f) => (f.required ? t('catalog.yes') : t('catalog.no')),
            },
            {
              key: 'key',
              title: t('catalog.field.key'),
              width: 140,
              render: (_, f) => <span className="op-mono">{f.key}</span>,
            },
          ]}
        />
      </Block>

      <Block
        title={t('catalog.section.workflow')}
        extra={
          <Tag color={v.workflowConfigured ? 'blue' : 'default'}>
            {v.workflowConfigured
              ? t('catalog.workflow.configured')
              : t('catalog.workflow.default')}
          </Tag>
        }
      >
        <WorkflowSteps steps={v.workflow} language={i18n.language} />
      </Block>

      <Block title={t('catalog.section.implementers')}>
        <Typography.Paragraph>
          <Typography.Text strong>
            {t(`catalog.implementers.${v.implementers.mode}`)}
          </Typography.Text>
          {' — '}
          {t(`catalog.implementers.${v.implementers.mode}Help`)}
        </Typography.Paragraph>
        {v.implementers.mode === 'custom' && (
          <ul data-testid="version-targets">
            {v.implementers.targets.map((target) => (
              <li key={target.kind === 'agency' ? target.agencyId : target.kind}>
                {target.kind === 'agency' ? (
                  <AgencyFullName id={target.agencyId} />
                ) : (
                  t(
                    `catalog.implementers.${target.kind === 'commune_peoples_committee' ? 'communes' : 'districts'}`,
                  )
                )}
              </li>
            ))}
          </ul>
        )}
        {carriers && (
          <Typography.Paragraph data-testid="version-carriers" style={{ marginBottom: 0 }}>
            <Typography.Text type="secondary">{t('catalog.carriers.today')} </Typography.Text>
            {carriers.external
              ? t('catalog.carriers.external')
              : carriers.agencies.length === 0
                ? t('catalog.carriers.none')
                : carriers.agencies
                    .slice(0, SHOWN_CARRIERS)
                    .map((a) => a.name)
                    .join('; ') +
                  (carriers.agencies.length > SHOWN_CARRIERS
                    ? ` ${t('catalog.carriers.more', { count: carriers.agencies.length - SHOWN_CARRIERS })}`
                    : '')}
          </Typography.Paragraph>
        )}
      </Block>

      <Block title={t('catalog.section.texts')}>
        {texts.length === 0 ? (
          <Typography.Paragraph type="secondary">{t('catalog.noTexts')}</Typography.Paragraph>
        ) : (
          <Collapse
            size="small"
            items={texts.map((k) => ({
              key: k,
              label: t(`catalog.text.${k}`),
              children: <Multiline text={v[k] ?? ''} />,
            }))}
          />
        )}
      </Block>
    </Space>
  );
}

function Block({
  title,
  extra,
  children,
}: {
  title: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section>
      <Space align="center" style={{ display: 'flex', marginBottom: 8 }}>
        <h3 className="op-cat-section-title">{title}</h3>
        {extra}
      </Space>
      {children}
    </section>
  );
}

function Multiline({ text, secondary }: { text: string; secondary?: boolean }) {
  return (
    <Typography.Paragraph
      className="op-cat-pre"
      type={secondary ? 'secondary' : undefined}
      style={secondary ? { fontSize: 12, marginTop: 4 } : undefined}
    >
      {text}
    </Typography.Paragraph>
  );
}
