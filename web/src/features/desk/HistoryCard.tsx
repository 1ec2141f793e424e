import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { currentLanguage } from '../../i18n';
import type { TFunction } from 'i18next';
import type { HistoryEntry, OfficerDossier } from './types';

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** What an event's data says, in words: the file attached, the papers asked for, the new date. */
function detailOf(h: HistoryEntry, d: OfficerDossier, t: TFunction): string | null {
  const data = h.data ?? {};
  const paperName = (key: unknown) => {
    const name = d.papers.find((p) => p.key === key)?.name ?? String(key);
    return name.length > 60 ? `${name.slice(0, 59)}…` : name;
  };
  switch (h.action) {
    case 'attach_file': {
      const file = d.files.find((f) => f.id === data.fileId);
      const purpose = typeof data.purpose === 'string' ? data.purpose : 'paper';
      return t('desk.history.file', {
        name: file?.fileName ?? '—',
        purpose: t(`desk.files.purpose.${purpose}`),
        paper: data.paperKey ? ` — ${paperName(data.paperKey)}` : '',
      });
    }
    case 'receive': {
      const papers = list(data.papersReceived);
      return papers.length ? t('desk.history.papersChecked', { count: papers.length }) : null;
    }
    case 'request_supplement':
      return list(data.papers).join('; ') || null;
    case 'extend':
      return typeof data.newAppointment === 'string'
        ? t('desk.history.newAppointment', { at: formatDateTime(data.newAppointment) })
        : null;
    case 'return':
      return typeof data.method === 'string' ? t(`desk.returnMethod.${data.method}`) : null;
    case 'pay_fee':
      return typeof data.receiptNo === 'string'
        ? t('desk.history.receipt', { receiptNo: data.receiptNo })
        : null;
    default:
      return null;
  }
}

/** Every event of the dossier, oldest first: the processing-control record (form 06). */
export function HistoryCard({ d }: { d: OfficerDossier }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const history = d.history;
  return (
    <Card title={t('desk.section.history')} size="small">
      <Table<HistoryEntry>
        rowKey="seq"
        size="small"
        dataSource={history}
        pagination={false}
        scroll={{ x: 960 }}
        data-testid="dossier-history"
        columns={[
          {
            key: 'at',
            title: t('desk.history.at'),
            width: 132,
            render: (_, h) => formatDateTime(h.at),
          },
          {
            key: 'step',
            title: t('desk.history.step'),
            width: 140,
            render: (_, h) => h.stepName?.[lang] ?? '—',
          },
          {
            key: 'action',
            title: t('desk.history.action'),
            width: 170,
            render: (_, h) => (
              <Typography.Text strong data-action={h.action}>
                {h.actionName[lang]}
              </Typography.Text>
            ),
          },
          { key: 'actor', title: t('desk.history.actor'), dataIndex: 'actorName', width: 150 },
          {
            key: 'note',
            title: t('desk.history.note'),
            render: (_, h) => {
              const detail = detailOf(h, d, t);
              return (
                <span style={{ whiteSpace: 'pre-wrap' }}>
                  {h.note}
                  {h.note && detail ? <br /> : null}
                  {detail && <Typography.Text type="secondary">{detail}</Typography.Text>}
                </span>
              );
            },
          },
          {
            key: 'internal',
            title: t('desk.history.internalNote'),
            width: 180,
            render: (_, h) => (
              <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
                {h.internalNote ?? ''}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
