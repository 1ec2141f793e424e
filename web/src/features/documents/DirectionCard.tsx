import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { Deadline } from './labels';
import type { IncomingDocument } from './types';

/** Who leads the handling, the instructions and the deadline; completion or return. */
export function DirectionCard({ e, names }: { e: IncomingDocument; names: Map<string, string> }) {
  const { t } = useTranslation();
  const dir = e.direction;
  return (
    <Card title={t('documents.incoming.direction')} data-testid="doc-direction">
      {e.returnedAt && (
        <Typography.Paragraph style={{ color: '#a8071a' }}>
          {t('documents.incoming.returned', { reason: e.returnReason ?? '' })}
        </Typography.Paragraph>
      )}
      {!dir.directedAt ? (
        <Typography.Text type="secondary">{t('documents.incoming.notDirected')}</Typography.Text>
      ) : (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('documents.incoming.lead')}>
            <strong data-testid="direction-lead">{dir.leadName ?? '—'}</strong>
          </Descriptions.Item>
          {dir.coordinatorUserIds.length > 0 && (
            <Descriptions.Item label={t('documents.incoming.coordinators')}>
              {dir.coordinatorUserIds.map((id) => names.get(id) ?? id.slice(0, 8)).join(', ')}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('documents.incoming.instructions')}>
            {dir.instructions ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('documents.incoming.deadline')}>
            <span data-testid="direction-deadline">
              <Deadline date={dir.deadline} overdue={e.isOverdue} />
            </span>
          </Descriptions.Item>
        </Descriptions>
      )}
      {dir.directedAt && (
        <Typography.Text type="secondary">
          {t('documents.incoming.directedBy', {
            name: dir.directedByName ?? '',
            at: formatDateTime(dir.directedAt),
          })}
        </Typography.Text>
      )}
      {e.completedAt && (
        <Typography.Paragraph style={{ marginTop: 8, color: '#237804' }}>
          {t('documents.incoming.completedAt', { at: formatDateTime(e.completedAt) })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
