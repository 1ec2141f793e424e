import { FileTextOutlined } from '@ant-design/icons';
import { Grid, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Paper } from './types';

/** The papers of the dossier: name, copies, mandatory or not, the form to fill in. */
export function PapersTable({ papers }: { papers: Paper[] }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const wide = Boolean(screens.md);

  const mandatoryTag = (p: Paper) =>
    p.mandatory ? (
      <Tag color="red" style={{ marginInlineEnd: 0 }}>
        {t('portal.paper.mandatory')}
      </Tag>
    ) : (
      <Tag style={{ marginInlineEnd: 0 }}>{t('portal.paper.optional')}</Tag>
    );

  return (
    <Table<Paper & { index: number }>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={papers.map((p, i) => ({ ...p, index: i + 1 }))}
      data-testid="papers-table"
      columns={[
        { key: 'index', title: t('portal.paper.index'), dataIndex: 'index', width: 48 },
        {
          key: 'name',
          title: t('portal.paper.name'),
          render: (_, p) => (
            <div>
              <div>{p.name}</div>
              {p.templateFile && (
                <Typography.Text type="secondary">
                  <FileTextOutlined aria-hidden /> {t('portal.paper.template')}: {p.templateFile}
                </Typography.Text>
              )}
              {!wide && (
                <div style={{ marginTop: 4 }}>
                  {mandatoryTag(p)}{' '}
                  {p.copies && <Typography.Text type="secondary">{p.copies}</Typography.Text>}
                </div>
              )}
            </div>
          ),
        },
        ...(wide
          ? [
              {
                key: 'copies',
                title: t('portal.paper.copies'),
                width: 130,
                render: (_: unknown, p: Paper) => p.copies ?? '—',
              },
              {
                key: 'mandatory',
                title: t('portal.paper.required'),
                width: 110,
                render: (_: unknown, p: Paper) => mandatoryTag(p),
              },
            ]
          : []),
      ]}
    />
  );
}
