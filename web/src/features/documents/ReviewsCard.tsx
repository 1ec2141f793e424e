import { Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import type { Review, Version } from './types';

const colors = {
  pending: 'gold',
  approved: 'green',
  returned: 'volcano',
  skipped: 'default',
} as const;

/** The review chain with each reviewer's decision and comment, then the versions. */
export function ReviewsCard({
  reviews,
  versions,
  submitted,
}: {
  reviews: Review[];
  versions: Version[];
  submitted: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card title={t('documents.reviews.title')} data-testid="doc-reviews">
      {reviews.length === 0 ? (
        <Typography.Text type="secondary">
          {submitted ? t('documents.reviews.direct') : t('documents.reviews.empty')}
        </Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={reviews}
          renderItem={(r) => (
            <List.Item data-decision={r.decision}>
              <div style={{ width: '100%' }}>
                <Typography.Text strong>{r.reviewerName}</Typography.Text>{' '}
                <Tag color={colors[r.decision]}>
                  {t(`documents.reviews.decision.${r.decision}`)}
                </Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('documents.reviews.round', { round: r.round, version: r.version })}
                  {r.decidedAt ? ` · ${formatDateTime(r.decidedAt)}` : ''}
                </Typography.Text>
                {r.comment && <div style={{ whiteSpace: 'pre-wrap' }}>{r.comment}</div>}
              </div>
            </List.Item>
          )}
        />
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('documents.versions.title')}
      </Typography.Title>
      <List
        size="small"
        dataSource={versions}
        renderItem={(v) => (
          <List.Item>
            <span>
              <strong>v{v.version}</strong> · {t(`documents.versions.source.${v.source}`)} ·{' '}
              {v.fileName} · {v.pages} tr. · {formatDateTime(v.createdAt)}
              {v.note && <div>{v.note}</div>}
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
