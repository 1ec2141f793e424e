import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { localized } from './labels';
import type { HistoryEntry } from './types';

/** File uploads and edits are bookkeeping: the citizen's history shows what happened to the dossier. */
const quiet = new Set(['attach_file', 'remove_file', 'edit']);

const colourOf = (e: HistoryEntry): string => {
  if (e.toState === 'refused' || e.toState === 'cancelled' || e.toState === 'withdrawn')
    return 'red';
  if (e.toState === 'awaiting_supplement' || e.action === 'extend') return 'orange';
  if (e.toState === 'result_ready' || e.toState === 'returned') return 'green';
  return 'blue';
};

/** The public history: what was done, when, by whom, with the note the citizen may read. */
export function HistoryTimeline({ history }: { history: HistoryEntry[] }) {
  const { t, i18n } = useTranslation();
  const shown = history.filter((e) => !quiet.has(e.action));
  if (shown.length === 0) {
    return <Typography.Text type="secondary">{t('portal.history.empty')}</Typography.Text>;
  }
  return (
    <Timeline
      data-testid="dossier-history"
      items={shown.map((e) => ({
        key: e.seq,
        color: colourOf(e),
        content: (
          <div>
            <Typography.Text type="secondary" className="portal-history-time">
              {formatDateTime(e.at)}
            </Typography.Text>
            <Typography.Text strong>
              {t(`portal.action.${e.action}`, {
                defaultValue: localized(e.actionName, i18n.language),
              })}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary">
                {t('portal.history.by', { name: e.actorName })}
              </Typography.Text>
            </div>
            {e.note && <div className="portal-note">{e.note}</div>}
          </div>
        ),
      }))}
    />
  );
}
