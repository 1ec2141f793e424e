import { Card, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import type { DocEvent } from './types';

/** What happened to the document, oldest first, with who did it and their note. */
export function HistoryCard({ events }: { events: DocEvent[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('documents.history.title')} data-testid="doc-history">
      <Timeline
        items={events.map((e, i) => ({
          key: `${i}-${e.action}`,
          content: (
            <div data-action={e.action}>
              <Typography.Text strong>
                {t(`documents.history.action.${e.action}`, { defaultValue: e.action })}
              </Typography.Text>{' '}
              <Typography.Text type="secondary">
                {formatDateTime(e.at)} · {t('documents.history.by', { name: e.actorName })}
              </Typography.Text>
              {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
