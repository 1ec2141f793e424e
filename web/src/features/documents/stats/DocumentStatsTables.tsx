import { Card, Col, Row, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { number, percent } from '../../stats/StatsTable';
import { type DocumentStats, ratio } from './api';

type Line = { key: string; label: string; kind?: string; count: number; rate: number | null };

/** One breakdown: what, how many, and its share ("tỷ lệ") of the whole. */
function Breakdown({
  title,
  lines,
  testId,
  kindColumn,
  total,
  children,
}: {
  title: string;
  lines: Line[];
  testId: string;
  kindColumn?: boolean;
  total?: Line;
  /** Shown under the table, inside the card. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card title={title} size="small" style={{ height: '100%' }}>
      <Table<Line>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={total ? [...lines, total] : lines}
        locale={{ emptyText: t('documents.stats.none') }}
        data-testid={testId}
        onRow={(l) => (l === total ? { style: { fontWeight: 600 } } : {})}
        columns={[
          {
            key: 'label',
            title: t(`documents.stats.col.${testId.replace('doc-stats-', '')}`),
            render: (_, l) => <span data-col="label">{l.label}</span>,
          },
          ...(kindColumn
            ? [
                {
                  key: 'kind',
                  title: t('documents.stats.col.kind'),
                  width: 160,
                  render: (_: unknown, l: Line) => (l.kind ? t(`agencies.kind.${l.kind}`) : ''),
                },
              ]
            : []),
          {
            key: 'count',
            title: t('documents.stats.col.count'),
            width: 110,
            align: 'right',
            render: (_, l) => <span data-col="count">{number(l.count)}</span>,
          },
          {
            key: 'rate',
            title: t('documents.stats.col.rate'),
            width: 90,
            align: 'right',
            render: (_, l) => <span data-col="rate">{percent(l.rate)}</span>,
          },
        ]}
      />
      {children}
    </Card>
  );
}

/** The breakdowns of the period: by signer, agency, agency kind; incoming; the communes. */
export function DocumentStatsTables({ s }: { s: DocumentStats }) {
  const { t } = useTranslation();
  const of = (count: number, whole: number) => ({ count, rate: ratio(count, whole) });
  const inc = s.incoming;
  const c = s.communes;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Breakdown
          title={t('documents.stats.bySigner')}
          testId="doc-stats-signers"
          lines={s.bySigner.map((r) => ({ key: r.name, label: r.name, ...of(r.count, s.issued) }))}
        />
      </Col>
      <Col xs={24} xl={12}>
        <Breakdown
          title={t('documents.stats.byAgencyKind')}
          testId="doc-stats-kinds"
          lines={s.byAgencyKind.map((r) => ({
            key: r.kind,
            label: t(`agencies.kind.${r.kind}`, { defaultValue: r.kind }),
            ...of(r.count, s.issued),
          }))}
        />
      </Col>
      <Col span={24}>
        <Breakdown
          title={t('documents.stats.byAgency')}
          testId="doc-stats-agencies"
          kindColumn
          lines={s.byAgency.map((r) => ({
            key: r.agencyId,
            label: r.name,
            kind: r.kind,
            ...of(r.count, s.issued),
          }))}
        />
      </Col>
      <Col xs={24} xl={12}>
        <Breakdown
          title={t('documents.stats.incoming')}
          testId="doc-stats-incoming"
          lines={(['onTime', 'late', 'inProgress', 'overdue'] as const).map((k) => ({
            key: k,
            label: t(`documents.stats.outcome.${k}`),
            ...of(inc[k], inc.received),
          }))}
          total={{
            key: 'received',
            label: t('documents.stats.outcome.received'),
            ...of(inc.received, inc.received),
          }}
        />
      </Col>
      <Col xs={24} xl={12}>
        <Breakdown
          title={t('documents.stats.communes')}
          testId="doc-stats-communes"
          lines={[
            {
              key: 'issuing',
              label: t('documents.stats.commune.issuing'),
              ...of(c.issuing, c.total),
            },
            {
              key: 'receiveOnly',
              label: t('documents.stats.commune.receiveOnly'),
              ...of(c.receiveOnly, c.total),
            },
          ]}
          total={{
            key: 'total',
            label: t('documents.stats.commune.total'),
            ...of(c.total, c.total),
          }}
        >
          {c.receiveOnlyNames.length > 0 && (
            <div style={{ marginTop: 12 }} data-testid="doc-stats-receive-only">
              <Typography.Text type="secondary">
                {t('documents.stats.commune.receiveOnlyList')}
              </Typography.Text>
              <div style={{ marginTop: 4 }}>
                {c.receiveOnlyNames.map((n) => (
                  <Tag key={n} style={{ marginBottom: 4 }}>
                    {n}
                  </Tag>
                ))}
              </div>
            </div>
          )}
        </Breakdown>
      </Col>
    </Row>
  );
}
