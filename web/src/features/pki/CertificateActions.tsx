import { App, Button, type ButtonProps, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/feedback';
import { useSession } from '../../app/session';
import { type SimpleAction, simpleAction } from './api';
import { type FormAction, CertificateActionModal } from './CertificateActionModal';
import type { Certificate, CertificateDetail } from './types';

type Action = SimpleAction | FormAction;

/** What the department admin may do to a certificate in its present status. */
function actionsFor(c: CertificateDetail): Action[] {
  const out: Action[] = [];
  if (c.status === 'requested') out.push('approve', 'reject');
  if (c.status === 'approved') out.push('issue');
  if (c.status === 'active') out.push('suspend', 'renew', 'revoke');
  if (c.status === 'expired') out.push('renew');
  if (c.status === 'suspended') out.push('resume', 'revoke');
  if (c.isPinLocked) out.push('reset-pin');
  return out;
}

const isSimple = (a: Action): a is SimpleAction =>
  a === 'issue' || a === 'suspend' || a === 'resume' || a === 'reset-pin';

/** The lifecycle buttons (pki.manage only): simple ones ask for confirmation, others a form. */
export function CertificateActions({
  c,
  onDone,
}: {
  c: CertificateDetail;
  onDone: (next: Certificate) => void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const [open, setOpen] = useState<FormAction | null>(null);
  if (!can('pki.manage')) return null;
  const actions = actionsFor(c);
  if (actions.length === 0) return null;

  const run = (a: Action) => {
    if (!isSimple(a)) {
      setOpen(a);
      return;
    }
    modal.confirm({
      title: t(`pki.action.${a}`),
      content: t(`pki.confirm.${a}`, { name: c.subject.name }),
      okText: t(`pki.action.${a}`),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: a === 'suspend', 'data-testid': `cert-confirm-${a}` } as ButtonProps,
      onOk: async () => {
        try {
          const next = await simpleAction(c.id, a);
          feedback.success(t('pki.done', { action: t(`pki.action.${a}`).toLowerCase() }));
          onDone(next);
        } catch (err) {
          feedback.error(err);
        }
      },
    });
  };

  return (
    <>
      <Flex gap={8} wrap data-testid="cert-actions">
        {actions.map((a) => (
          <Button
            key={a}
            type={a === 'approve' || a === 'issue' ? 'primary' : 'default'}
            danger={a === 'revoke' || a === 'reject'}
            onClick={() => run(a)}
            data-testid={`cert-action-${a}`}
          >
            {t(`pki.action.${a}`)}
          </Button>
        ))}
      </Flex>
      <CertificateActionModal
        c={c}
        action={open}
        onClose={() => setOpen(null)}
        onDone={(next) => {
          setOpen(null);
          onDone(next);
        }}
      />
    </>
  );
}
