import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OfficerAction, OfficerDossier } from './types';

/** The forward-moving actions, one of which is the obvious next thing to do. */
const mainActions: OfficerAction[] = [
  'receive',
  'start',
  'accept_transfer',
  'resume',
  'forward',
  'approve',
  'attach_result',
  'return',
];
const otherActions: OfficerAction[] = ['request_supplement', 'pause', 'extend'];
const refusals: OfficerAction[] = ['refuse_reception', 'refuse', 'cancel'];

/** The buttons of the actions the server says this user may take now. */
export function ActionBar({
  d,
  onAction,
}: {
  d: OfficerDossier;
  onAction: (action: OfficerAction) => void;
}) {
  const { t } = useTranslation();
  const allowed = new Set<string>(d.allowedActions);
  const main = mainActions.filter((a) => allowed.has(a));
  const other = otherActions.filter((a) => allowed.has(a));
  const refuse = refusals.filter((a) => allowed.has(a));
  const none = main.length + other.length + refuse.length === 0;
  const button = (a: OfficerAction, i: number, kind: 'main' | 'other' | 'danger') => (
    <Button
      key={a}
      type={kind === 'main' && i === 0 ? 'primary' : 'default'}
      danger={kind === 'danger'}
      onClick={() => onAction(a)}
      data-testid={`action-${a}`}
    >
      {t(`desk.action.${a}`)}
    </Button>
  );
  return (
    <Card size="small" title={t('desk.section.actions')} data-testid="dossier-actions">
      {none ? (
        <Typography.Text type="secondary">{t('desk.act.noneForYou')}</Typography.Text>
      ) : (
        <Flex wrap gap={8}>
          {main.map((a, i) => button(a, i, 'main'))}
          {other.map((a, i) => button(a, i, 'other'))}
          {refuse.map((a, i) => button(a, i, 'danger'))}
        </Flex>
      )}
    </Card>
  );
}
