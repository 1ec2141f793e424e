import { FrownOutlined, MehOutlined, SmileOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/feedback';
import { rateDossier } from './api';
import type { ApplicantDossier, Rating } from './types';

const RATEABLE = ['result_ready', 'returned', 'refused'];
const icons = {
  very_satisfied: <SmileOutlined />,
  satisfied: <MehOutlined />,
  not_satisfied: <FrownOutlined />,
};
const ratings: Rating[] = ['very_satisfied', 'satisfied', 'not_satisfied'];

/** The one-stop evaluation: once per dossier, when it has a result or was refused. */
export function RatingCard({
  dossier: d,
  onRated,
}: {
  dossier: ApplicantDossier;
  onRated: (d: ApplicantDossier) => void;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [rating, setRating] = useState<Rating | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);

  if (!d.rating && !RATEABLE.includes(d.state)) return null;

  const title = <h2 className="portal-card-heading">{t('portal.rating.title')}</h2>;
  if (d.rating) {
    return (
      <Card title={title} data-testid="rating-done">
        <Flex gap={8} align="center">
          <span className={`portal-rating-icon ${d.rating}`} aria-hidden>
            {icons[d.rating]}
          </span>
          <Typography.Text>
            {t('portal.rating.given')} <strong>{t(`portal.rating.${d.rating}`)}</strong>
          </Typography.Text>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('portal.rating.thanks')}
        </Typography.Paragraph>
      </Card>
    );
  }

  const send = async () => {
    if (!rating) return;
    setBusy(true);
    try {
      const next = await rateDossier(d.id, rating, comment.trim() || undefined);
      feedback.success(t('portal.rating.sent'));
      onRated(next);
    } catch (err) {
      feedback.error(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={title} data-testid="rating-card">
      <Typography.Paragraph style={{ marginTop: 0 }}>
        {t('portal.rating.question')}
      </Typography.Paragraph>
      <Form layout="vertical" onFinish={() => void send()}>
        <Radio.Group
          value={rating}
          onChange={(e) => setRating(e.target.value as Rating)}
          optionType="button"
          buttonStyle="solid"
          aria-label={t('portal.rating.question')}
          className="portal-rating-group"
          options={ratings.map((r) => ({
            value: r,
            label: (
              <span>
                {icons[r]} {t(`portal.rating.${r}`)}
              </span>
            ),
          }))}
        />
        <Form.Item
          label={t('portal.rating.comment')}
          style={{ marginTop: 12 }}
          htmlFor="rating-comment"
        >
          <Input.TextArea
            id="rating-comment"
            value={comment}
            maxLength={1000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            onChange={(e) => setComment(e.target.value)}
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          disabled={!rating}
          loading={busy}
          data-testid="rating-submit"
        >
          {t('portal.rating.submit')}
        </Button>
      </Form>
    </Card>
  );
}
